package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// A failure many resources meet alike is explained once, in a warning, and
// said in one line by each resource's error, the first included; a failure
// of one request is explained in full in its own error.
func TestAddFailureExplainsARefusedKeyOnce(t *testing.T) {
	t.Parallel()
	reports := newFailureReports()
	refused := &interactly.APIError{Method: "GET", Path: "/assistants/v1/numbers", StatusCode: http.StatusUnauthorized}
	var first, second, other diag.Diagnostics
	addFailure(context.Background(), &first, reports, "Unable to read number +1", refused)
	addFailure(context.Background(), &second, reports, "Unable to read number +2", refused)
	particular := &interactly.APIError{Method: "PUT", Path: "/assistants/v1/numbers/n3", StatusCode: http.StatusBadGateway}
	addFailure(context.Background(), &other, reports, "Unable to update number +3", particular)

	if len(first) != 2 || first[0].Severity() != diag.SeverityWarning || !strings.Contains(first[0].Detail(), "keys are managed in the Interactly dashboard") {
		t.Errorf("the first report is not a warning that explains, then an error: %v", first)
	}
	for _, d := range []diag.Diagnostics{first[1:], second} {
		if len(d) != 1 || d[0].Severity() != diag.SeverityError || strings.Contains(d[0].Detail(), "dashboard") ||
			!strings.Contains(d[0].Detail(), "HTTP 401 Unauthorized") || !strings.Contains(d[0].Detail(), `in the warning "The Interactly API refused the API key"`) {
			t.Errorf("a resource's report is not one self-contained line: %v", d)
		}
	}
	if len(other) != 1 || !strings.Contains(other[0].Detail(), "502") {
		t.Errorf("a failure of one request is not explained in full: %v", other)
	}
}

func TestSharedExplanationKeys(t *testing.T) {
	t.Parallel()
	key := func(err error) string {
		e, _ := sharedExplanationOf(err)
		return e.key
	}
	if k := key(&interactly.APIError{StatusCode: http.StatusForbidden}); k != "HTTP 403" {
		t.Errorf("403: %q", k)
	}
	if k := key(&interactly.APIError{StatusCode: http.StatusInternalServerError}); k != "" {
		t.Errorf("a 500 of one request is keyed %q", k)
	}
	if k := key(errors.New("connection refused")); k != "" {
		t.Errorf("a connection error of one request is keyed %q", k)
	}
	if a, b := key(&interactly.Unreachable{Err: errors.New("a")}), key(&interactly.Unreachable{Err: errors.New("b")}); a == "" || a != b {
		t.Errorf("two calls that found no answer at base_url are keyed %q and %q; want one key", a, b)
	}
	shared := &interactly.ListingFailure{Err: errors.New("boom")}
	if a, b := key(shared), key(&interactly.ListingFailure{Err: errors.New("boom")}); a == "" || a == b {
		t.Errorf("two listing failures are keyed %q and %q; want a key each", a, b)
	}
	if key(fmt.Errorf("reading: %w", shared)) != key(shared) {
		t.Error("one listing failure, wrapped and not, gets two keys")
	}
	if a, b := key(&interactly.ListingFailure{Err: &interactly.APIError{StatusCode: 401}}), key(&interactly.APIError{StatusCode: 401}); a != b {
		t.Errorf("a refused key is keyed %q in a listing and %q in a lookup; want one key", a, b)
	}
}

func TestMayHaveApplied(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"a server fault", &interactly.APIError{StatusCode: 502}, true},
		{"no answer", &interactly.RequestError{Err: context.DeadlineExceeded}, true},
		{"cancelled", context.Canceled, true},
		{"a refusal", &interactly.APIError{StatusCode: 400, Attempts: 1}, false},
		{"not found", &interactly.APIError{StatusCode: 404, Attempts: 3}, false},
		{"rate-limited at once", &interactly.APIError{StatusCode: 429, Attempts: 1}, false},
		{"rate-limited after a retry", &interactly.APIError{StatusCode: 429, Attempts: 2}, true},
		{"held back by the breaker", &interactly.WritesSuspended{}, false},
		{"a refused dial", &interactly.NonLoopbackError{}, false},
		{"rate-limited past the deadline", &interactly.RequestError{NotApplied: true, Err: context.DeadlineExceeded}, false},
		{"rate-limited, each attempt refused", &interactly.APIError{StatusCode: 429, Attempts: 3, NotApplied: true}, false},
		{"no answer at base_url", &interactly.Unreachable{Err: &interactly.RequestError{NotApplied: true}}, false},
	} {
		if got := mayHaveApplied(tc.err); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
