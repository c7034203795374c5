package provider

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// confirmNumberWrite lists the team's numbers once after a PUT that may have
// been applied (see confirmWrite) and returns the number when it holds
// every value sent. The listing is asked afresh: the shared one may date
// from before the write.
func (r *numberResource) confirmNumberWrite(ctx context.Context, id string, sent interactly.UpdateNumberRequest) (interactly.Number, bool) {
	var confirmed interactly.Number
	applied := confirmWrite(ctx, func(ctx context.Context) (bool, error) {
		numbers, err := r.client.ListNumbers(ctx, "")
		if err != nil {
			return false, err
		}
		for _, n := range numbers {
			if n.ID == id && numberHolds(n, sent) {
				confirmed = n
				return true, nil
			}
		}
		return false, nil
	})
	return confirmed, applied
}

// warnWriteMayHaveApplied says what to do after a write that went out and
// whose answer never came (Ctrl-C, the operation's timeout), which the
// error's own remedy does not say.
func warnWriteMayHaveApplied(ctx context.Context, diags *diag.Diagnostics, summary, what string, err error) {
	var timedOut *operationTimeout
	unanswered := errors.Is(err, context.Canceled) || errors.As(context.Cause(ctx), &timedOut)
	if !unanswered || !mayHaveApplied(err) {
		return
	}
	diags.AddWarning(summary+": the change may have been applied",
		"The update went out but its answer did not come back in time, and the provider could not confirm it. State keeps the "+
			"last known values; run terraform plan to see the "+what+" as it is now, and terraform apply again if it still differs.")
}
