package provider

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
)

// Each remedy names what helps, and never a setting that does not change
// the outcome.
func TestAddAPIErrorSaysWhatToDo(t *testing.T) {
	t.Parallel()
	unavailable := &interactly.APIError{Method: "GET", Path: "/assistants/v1/numbers", StatusCode: 503, Attempts: 5}
	cases := map[string]struct {
		err     error
		want    []string
		notWant []string
	}{
		"401":         {err: &interactly.APIError{Method: "GET", Path: "/x", StatusCode: 401}, want: []string{"refused the API key", envAPIKey}},
		"403":         {err: &interactly.APIError{Method: "GET", Path: "/x", StatusCode: 403}, want: []string{"has no access"}},
		"404 on PUT":  {err: &interactly.APIError{Method: "PUT", Path: "/x", StatusCode: 404}, want: []string{"no longer in the team", "check assistant_id"}},
		"404 on list": {err: &interactly.APIError{Method: "GET", Path: "/assistants/v1/numbers", StatusCode: 404}, want: []string{"Check base_url", envBaseURL}},
		"400 on PUT": {err: &interactly.APIError{Method: "PUT", Path: "/x", StatusCode: 400},
			want: []string{"assistant_id that is not an assistant", "check the ID in the Interactly dashboard", "omit assistant_id to detach"}},
		"429 rate unknown": {err: &interactly.APIError{Method: "GET", Path: "/x", StatusCode: 429, Attempts: 31},
			want: []string{"max_requests_per_second", envMaxRequestsPerSecond, "such as 5", "-parallelism"}, notWant: []string{"max_retries"}},
		"429 rate observed": {err: &interactly.APIError{Method: "PUT", Path: "/x", StatusCode: 429, Attempts: 31, PacedRate: 7.8},
			want: []string{"max_requests_per_second", "to 7, the rate the API accepted", "-parallelism"}, notWant: []string{"max_retries", "such as 5"}},
		"429 rate below one": {err: &interactly.APIError{Method: "GET", Path: "/x", StatusCode: 429, PacedRate: 0.4},
			want: []string{"to 1, the rate"}},
		"503 on PUT":  {err: &interactly.APIError{Method: "PUT", Path: "/x", StatusCode: 503, Attempts: 5}, want: []string{"may or may not have been applied: run terraform plan"}},
		"503 on list": {err: unavailable, want: []string{"Nothing was changed"}},
		"cancelled":   {err: &interactly.RequestError{Method: "GET", Path: "/x", Err: context.Canceled}, want: []string{"cancelled"}},
		"timeout":     {err: &interactly.RequestError{Method: "GET", Path: "/x", Err: context.DeadlineExceeded}, want: []string{"request_timeout", envRequestTimeout}},
		"network":     {err: &interactly.RequestError{Method: "GET", Path: "/x", Err: errors.New("connection refused")}, want: []string{"connectivity", "max_retries"}},
		"shared listing failure": {err: &interactly.ListingFailure{Err: unavailable},
			want: []string{"Nothing was changed", "does not ask for the listing again for 30s", "the next terraform command asks afresh"}},
		"writes suspended": {err: &interactly.WritesSuspended{Failures: 3, Last: &interactly.APIError{Method: "PUT", Path: "/x", StatusCode: 503}},
			want: []string{"Nothing was sent", "3 updates in a row", "run terraform apply again"}, notWant: []string{"may or may not"}},
		"Retry-After beyond the deadline": {err: &interactly.RequestError{Method: "GET", Path: "/x", Err: &transport.WaitBeyondDeadlineError{
			Status: 429, Wait: 5 * time.Minute, RetryAfter: true, Left: time.Minute}},
			want: []string{"timeouts block", "max_requests_per_second"}, notWant: []string{"request_timeout", "max_retries"}},
		"backoff beyond the deadline": {err: &interactly.RequestError{Method: "GET", Path: "/x", Err: &transport.WaitBeyondDeadlineError{
			Status: 503, Wait: time.Minute, Left: time.Second}},
			want: []string{"timeouts block"}, notWant: []string{"max_requests_per_second", "request_timeout"}},
		"turn beyond the deadline": {err: &interactly.RequestError{Method: "GET", Path: "/x", Err: &transport.WaitBeyondDeadlineError{
			ForTurn: true, Left: time.Second}},
			want: []string{"timeouts block", "a higher cap"}, notWant: []string{"max_retries", "request_timeout"}},
		"plain http beyond loopback": {err: &interactly.RequestError{Method: "GET", Path: "/x", Err: &interactly.NonLoopbackError{Host: "a.localhost", Address: "192.0.2.1"}},
			want: []string{"Check base_url", "HTTP_PROXY"}},
	}
	for name, tc := range cases {
		var diags diag.Diagnostics
		addAPIError(&diags, "Unable to do it", tc.err)
		if len(diags) != 1 || diags[0].Summary() != "Unable to do it" {
			t.Fatalf("%s: diagnostics %v", name, diags)
		}
		detail := diags[0].Detail()
		if !strings.HasPrefix(detail, tc.err.Error()+"\n\n") {
			t.Errorf("%s: detail %q; want the error first, then advice", name, detail)
		}
		advice := strings.TrimPrefix(detail, tc.err.Error())
		for _, want := range tc.want {
			if !strings.Contains(advice, want) {
				t.Errorf("%s: advice %q lacks %q", name, advice, want)
			}
		}
		for _, notWant := range tc.notWant {
			if strings.Contains(advice, notWant) {
				t.Errorf("%s: advice %q names %q, which does not help here", name, advice, notWant)
			}
		}
	}
}

// The API's own advice to send "" to detach is not relayed: the provider
// refuses "" and detaches when assistant_id is omitted.
func TestAPIAdviceAboutRawFieldsIsNotRelayed(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		`unknown assistant "asst-x": attach an existing assistant, or send "" to detach`: `unknown assistant "asst-x"`,
		`send "" to detach`:                     "",
		`bad request; use "" to detach`:         "bad request",
		`unknown field "label"`:                 `unknown field "label"`,
		`assistantId must be a known assistant`: `assistantId must be a known assistant`,
	}
	for message, kept := range cases {
		err := &interactly.APIError{Method: "PUT", Path: "/assistants/v1/numbers/n1", StatusCode: 400, Message: message}
		var diags diag.Diagnostics
		addAPIError(&diags, "Unable to update number +14155550100", err)
		detail := diags[0].Detail()
		if strings.Contains(detail, `""`) {
			t.Errorf("message %q: detail %q relays the API's advice about \"\"", message, detail)
		}
		wantStart := "PUT /assistants/v1/numbers/n1: HTTP 400 Bad Request"
		if kept != "" {
			wantStart += ": " + kept + "\n\n"
		} else {
			wantStart += "\n\n"
		}
		if !strings.HasPrefix(detail, wantStart) {
			t.Errorf("message %q: detail %q; want it to start %q", message, detail, wantStart)
		}
		if !strings.Contains(detail, "omit assistant_id to detach") {
			t.Errorf("message %q: detail %q lacks our own advice", message, detail)
		}
	}
}
