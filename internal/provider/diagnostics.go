package provider

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
)

// addAPIError reports a failed API call: what failed (summary), why (the
// client's error, which names the request, status and server message and
// never the key), and what to do about it.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	detail := errorText(err)
	if hint := remedy(err); hint != "" {
		detail += "\n\n" + hint
	}
	diags.AddError(summary, detail)
}

// errorText is err's text, less advice of the API's that is wrong for
// this provider: the API tells a refused update to send "" to detach an
// assistant, which the provider refuses; here one omits assistant_id.
func errorText(err error) string {
	text := err.Error()
	var apiErr *interactly.APIError
	if !errors.As(err, &apiErr) || apiErr.Message == "" {
		return text
	}
	if kept := withoutRawFieldAdvice(apiErr.Message); kept != apiErr.Message {
		if kept == "" {
			return strings.Replace(text, ": "+apiErr.Message, "", 1)
		}
		return strings.Replace(text, apiErr.Message, kept, 1)
	}
	return text
}

// withoutRawFieldAdvice cuts a server message before the clause that
// speaks of sending "" (from the last ":" or ";" before it), which is
// advice about the API's raw fields, not this provider's arguments.
func withoutRawFieldAdvice(message string) string {
	at := strings.Index(message, `""`)
	if at < 0 {
		return message
	}
	cut := strings.LastIndexAny(message[:at], ":;")
	if cut < 0 {
		return ""
	}
	return strings.TrimSpace(message[:cut])
}

// remedy says what to do about err, naming only settings that exist and
// that change the outcome.
func remedy(err error) string {
	hint := ownRemedy(err)
	var listing *interactly.ListingFailure
	if errors.As(err, &listing) {
		hint = strings.TrimSpace(hint + fmt.Sprintf(" This run of the provider does not ask for the listing again for %s after it failed, "+
			"so every number and data source of this run that needs it fails with this same error instead of pressing the API; "+
			"the next terraform command asks afresh.", shortDuration(interactly.FailureMemory)))
	}
	return hint
}

func ownRemedy(err error) string {
	var apiErr *interactly.APIError
	errors.As(err, &apiErr)
	if apiErr != nil && isKnowledgeBaseCall(apiErr.Path) {
		if hint, ok := knowledgeBaseRemedy(apiErr); ok {
			return hint
		}
	}
	write := apiErr != nil && apiErr.Method == http.MethodPut
	var (
		suspended   *interactly.WritesSuspended
		beyond      *transport.WaitBeyondDeadlineError
		nonLoopback *interactly.NonLoopbackError
		unreachable *interactly.Unreachable
	)
	switch status := interactly.StatusCode(err); {
	case errors.As(err, &suspended):
		return fmt.Sprintf("Nothing was sent for this number, so nothing about it changed: the API failed %d updates in a row with server errors, "+
			"and the provider stopped sending updates for %s. Check the API's status, then run terraform apply again.",
			suspended.Failures, shortDuration(interactly.FailureMemory))
	case errors.As(err, &beyond):
		hint := "Run the command again once the API accepts requests again, or allow the operation more time in the timeouts block of the resource or data source " +
			"(read for refreshes, imports and data sources; create, update or delete for those)."
		switch {
		case beyond.Status == http.StatusTooManyRequests:
			hint += " " + rateRemedy(0, interactly.RateRefusals(err))
		case beyond.ForTurn:
			hint += " If max_requests_per_second (or " + envMaxRequestsPerSecond + ") is set, a higher cap lets the requests through sooner, " +
				"as long as it stays under the API's limit."
		}
		return hint
	case errors.As(err, &unreachable):
		return "Nothing answers at base_url (or " + envBaseURL + "): check its address and port, that the API (or the emulator) " +
			"runs there, and any HTTP_PROXY setting."
	case errors.As(err, &nonLoopback):
		return "Check base_url (or " + envBaseURL + ") and any HTTP_PROXY setting."
	case errors.Is(err, context.Canceled):
		return "The operation was cancelled before the API answered."
	case errors.Is(err, context.DeadlineExceeded):
		return "An attempt ran out of its time limit. Raise request_timeout (or " + envRequestTimeout + ") if the API is slow, or check connectivity to base_url."
	case status == http.StatusUnauthorized:
		return "The Interactly API refused the API key. Check api_key in the provider block or the " + envAPIKey +
			" environment variable; keys are managed in the Interactly dashboard, section API Keys."
	case status == http.StatusForbidden:
		return "The API key is valid but has no access to this. Use a key of the team that owns the number."
	case status == http.StatusNotFound && !write:
		// Listing the team's numbers cannot miss a number; a 404 there
		// means the request went somewhere that is not the API.
		return "The API has no such endpoint at this address. Check base_url (or " + envBaseURL + "): it must be the API's root, " +
			"such as " + interactly.DefaultBaseURL + ", without a path."
	case status == http.StatusNotFound:
		return "The API does not know the number: it is no longer in the team. Run terraform plan again: it drops the number from state " +
			"and proposes to adopt it once the team has it again. If the dashboard still shows the number, the API did not know the assistant: " +
			"check assistant_id."
	case status == http.StatusBadRequest && write:
		return "The API refused the change. The likeliest cause is an assistant_id that is not an assistant of this team: " +
			"check the ID in the Interactly dashboard, section Assistants, or omit assistant_id to detach the assistant."
	case status == http.StatusTooManyRequests:
		return rateRemedy(apiErr.PacedRate, interactly.RateRefusals(err))
	case status >= 500 && write:
		return "The Interactly API had a server fault while updating the number. The change may or may not have been applied: " +
			"run terraform plan to see the number as it is now, and apply again if it still differs."
	case status >= 500:
		return "The Interactly API had a server fault. Nothing was changed; try again later."
	case status == 0:
		return "No valid answer came from the API. Check base_url and connectivity; raise max_retries for a flaky network, " +
			"or request_timeout for a slow one."
	}
	return ""
}

// rateRemedy is the advice after the API refused requests for rate.
// max_retries does not help: 429s have their own retry budget. A cap under
// the API's limit does, and so does sending fewer requests at once.
// pacedRate is the rate the client slowed to from what the API accepted,
// 0 when unknown; refusals is how many 429s this request met.
func rateRemedy(pacedRate float64, refusals int) string {
	value := "a rate under the API's limit for this key, such as 5"
	if pacedRate > 0 {
		value = fmt.Sprintf("%d, the rate the API accepted from this provider before it gave up", max(1, int(math.Floor(pacedRate))))
	}
	return "The API " + refusedTimes(refusals) + " for rate (HTTP 429). Set max_requests_per_second in the provider block (or " +
		envMaxRequestsPerSecond + ") to " + value + ", and lower terraform's -parallelism (default 10), " +
		"more so when other pipelines use the same key at the same time."
}

// refusedTimes says how often the API refused a request, as it was.
func refusedTimes(refusals int) string {
	if refusals <= 1 {
		return "refused this request once"
	}
	return fmt.Sprintf("refused this request %d times", refusals)
}
