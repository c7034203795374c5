package provider

import (
	"context"
	"fmt"
	"net/http"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// failureReports makes a failure that every resource of one operation meets
// alike (the shared listing failed, the key was refused) said once in full:
// the first resource to meet it explains it, the others say in one line
// that they failed for the same reason. Thirty copies of one explanation
// hide the one line that matters.
type failureReports struct {
	mu    sync.Mutex
	first map[string]string // failure key -> summary of the error that explained it
}

func newFailureReports() *failureReports {
	return &failureReports{first: map[string]string{}}
}

// explainedBy returns the summary of the error that already explained the
// failure with this key, or "" after recording summary as its explanation.
func (f *failureReports) explainedBy(key, summary string) string {
	if f == nil || key == "" {
		return ""
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if first, ok := f.first[key]; ok {
		return first
	}
	f.first[key] = summary
	return ""
}

// sharedFailureKey names a failure that is the same for every resource: a
// refused key, or a failure the client shares between calls (a failed
// listing of the team's numbers, updates suspended by its breaker), which
// every call receives as the same value. Other failures are particular to a
// request and have no key.
func sharedFailureKey(err error) string {
	if shared, ok := interactly.AsSharedFailure(err); ok {
		return fmt.Sprintf("shared failure %p", shared)
	}
	if status := interactly.StatusCode(err); status == http.StatusUnauthorized || status == http.StatusForbidden {
		return fmt.Sprintf("HTTP %d", status)
	}
	return ""
}

// addFailure reports a failed API call under an operation deadline, in full
// the first time the failure is met in this provider process and in one line
// after that.
func addFailure(ctx context.Context, diags *diag.Diagnostics, reports *failureReports, summary string, err error) {
	if first := reports.explainedBy(sharedFailureKey(err), summary); first != "" {
		diags.AddError(summary,
			fmt.Sprintf("Failed for the same reason as %q, which is explained in full in its own error.", first))
		return
	}
	addOperationError(ctx, diags, summary, err)
}
