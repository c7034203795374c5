package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// failureReports makes a failure that every resource of one operation meets
// alike (the shared listing failed, the key was refused) said once in full
// (see explainOnce): thirty copies of one explanation hide the one line
// that matters.
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

// addFailure reports a failed API call under an operation deadline. A
// failure that many resources meet alike is explained once, in a warning,
// and said in one line by each (see failure_explained_once.go); any other is
// explained in full in the resource's own error.
func addFailure(ctx context.Context, diags *diag.Diagnostics, reports *failureReports, summary string, err error) {
	if e, ok := sharedExplanationOf(err); ok {
		var full diag.Diagnostics
		addOperationError(ctx, &full, summary, err)
		reports.explainOnce(diags, e, summary, full[0].Detail(), capitalize(errorText(err))+".")
		return
	}
	addOperationError(ctx, diags, summary, err)
}
