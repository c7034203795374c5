package provider

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
)

// The advice after 429s counts the refusals as they were: one refusal
// whose wait passes the deadline is not "kept refusing".
func TestRateRemedyCountsRefusals(t *testing.T) {
	t.Parallel()
	beyond := func(refusals int) error {
		return &interactly.RequestError{Method: "PUT", Attempts: refusals, RateRefusals: refusals, NotApplied: true,
			Err: &transport.WaitBeyondDeadlineError{Status: http.StatusTooManyRequests, Wait: time.Hour, RetryAfter: true}}
	}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{beyond(1), "refused this request once for rate"},
		{beyond(3), "refused this request 3 times for rate"},
		{&interactly.APIError{Method: "GET", StatusCode: http.StatusTooManyRequests, Attempts: 31, RateRefusals: 31}, "refused this request 31 times for rate"},
	} {
		if got := remedy(tc.err); !strings.Contains(got, tc.want) || strings.Contains(got, "kept refusing") {
			t.Errorf("remedy(%v) = %q, want it to say %q", tc.err, got, tc.want)
		}
	}
}
