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

func TestAddFailureExplainsARefusedKeyOnce(t *testing.T) {
	t.Parallel()
	reports := newFailureReports()
	refused := &interactly.APIError{Method: "GET", Path: "/assistants/v1/numbers", StatusCode: http.StatusUnauthorized}
	var first, second, other diag.Diagnostics
	addFailure(context.Background(), &first, reports, "Unable to read number +1", refused)
	addFailure(context.Background(), &second, reports, "Unable to read number +2", refused)
	particular := &interactly.APIError{Method: "PUT", Path: "/assistants/v1/numbers/n3", StatusCode: http.StatusBadGateway}
	addFailure(context.Background(), &other, reports, "Unable to update number +3", particular)

	if d := first[0].Detail(); !strings.Contains(d, "refused the API key") {
		t.Errorf("the first report does not explain: %q", d)
	}
	if d := second[0].Detail(); strings.Contains(d, "refused the API key") || !strings.Contains(d, `"Unable to read number +1"`) {
		t.Errorf("the second report is not one line naming the first: %q", d)
	}
	if d := other[0].Detail(); !strings.Contains(d, "502") {
		t.Errorf("a failure of one request is not explained in full: %q", d)
	}
}

func TestSharedFailureKey(t *testing.T) {
	t.Parallel()
	if k := sharedFailureKey(&interactly.APIError{StatusCode: http.StatusForbidden}); k != "HTTP 403" {
		t.Errorf("403: %q", k)
	}
	if k := sharedFailureKey(&interactly.APIError{StatusCode: http.StatusInternalServerError}); k != "" {
		t.Errorf("a 500 of one request is keyed %q", k)
	}
	if k := sharedFailureKey(errors.New("connection refused")); k != "" {
		t.Errorf("a connection error of one request is keyed %q", k)
	}
	shared := &interactly.ListingFailure{Err: errors.New("boom")}
	if a, b := sharedFailureKey(shared), sharedFailureKey(&interactly.ListingFailure{Err: errors.New("boom")}); a == "" || a == b {
		t.Errorf("two listing failures are keyed %q and %q; want a key each", a, b)
	}
	if sharedFailureKey(fmt.Errorf("reading: %w", shared)) != sharedFailureKey(shared) {
		t.Error("one listing failure, wrapped and not, gets two keys")
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
