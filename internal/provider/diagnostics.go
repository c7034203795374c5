package provider

import (
	"context"
	"errors"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// addAPIError reports a failed API call: what failed (summary), why (the
// client's error, which names the request, status and server message and
// never the key), and what to do about it.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	detail := err.Error()
	if hint := remedy(err); hint != "" {
		detail += "\n\n" + hint
	}
	diags.AddError(summary, detail)
}

func remedy(err error) string {
	var apiErr *interactly.APIError
	errors.As(err, &apiErr)
	write := apiErr != nil && apiErr.Method == http.MethodPut
	switch status := interactly.StatusCode(err); {
	case errors.Is(err, context.Canceled):
		return "The operation was cancelled before the API answered."
	case errors.Is(err, context.DeadlineExceeded):
		return "The request timed out. Raise request_timeout (or INTERACTLY_REQUEST_TIMEOUT) if the API is slow, or check connectivity to base_url."
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
		return "The number is no longer in the team. Run terraform plan again: it drops the number from state and proposes to adopt it once the team has it again."
	case status == http.StatusBadRequest && write:
		return "The API refused the change. The likeliest cause is an assistant_id that is not an assistant of this team: " +
			"check the ID in the Interactly dashboard."
	case status == http.StatusTooManyRequests:
		return "The API kept rate-limiting the requests. Lower terraform's -parallelism, or raise max_retries."
	case status >= 500 && write:
		return "The Interactly API had a server fault while updating the number. The change may or may not have been applied: " +
			"run terraform plan to see the number as it is now, and apply again if it still differs."
	case status >= 500:
		return "The Interactly API had a server fault. Nothing was changed; try again later."
	case status == 0:
		return "No valid answer came from the API. Check base_url and connectivity; raise max_retries or request_timeout for a flaky network."
	}
	return ""
}
