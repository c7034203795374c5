package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// An update interrupted after it went out says that the change may have
// been applied and what to run; one refused, or never sent, says nothing of
// the kind.
func TestWarnWriteMayHaveApplied(t *testing.T) {
	t.Parallel()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"interrupted after it went out", &interactly.RequestError{Method: "PUT", Err: context.Canceled}, true},
		{"interrupted before it was sent", &interactly.RequestError{Method: "PUT", NotApplied: true, Err: context.Canceled}, false},
		{"refused", &interactly.APIError{Method: "PUT", StatusCode: 400, Attempts: 1}, false},
	} {
		var diags diag.Diagnostics
		warnWriteMayHaveApplied(cancelled, &diags, "Unable to update number +1", "number", tc.err)
		got := len(diags) == 1 && strings.Contains(diags[0].Detail(), "run terraform plan to see the number as it is now")
		if got != tc.want {
			t.Errorf("%s: warned %v (%v), want %v", tc.name, got, diags, tc.want)
		}
	}
}
