package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// Training polls start at trainingPollFirst and double up to trainingPollMax:
// a small knowledge base trains in seconds, a large crawl in many minutes,
// and a poll every few seconds for that long would only load the API.
const (
	trainingPollFirst = time.Second
	trainingPollMax   = 20 * time.Second
)

// waitForTraining polls the status of the knowledge base until it is
// trained or ctx's deadline (the operation's timeout) ends, and returns
// the last status seen (status, the write's answer, when no poll got
// through). Not yet trained at the deadline, or a poll that fails, is a
// warning: the knowledge base exists and stays in state.
func (r *knowledgeBaseResource) waitForTraining(ctx context.Context, title, id, status string, diags *diag.Diagnostics) string {
	wait := trainingPollFirst
	for status != interactly.KnowledgeBaseTrained {
		st, err := r.client.GetKnowledgeBaseStatus(ctx, id)
		if err != nil {
			if ctx.Err() != nil {
				addStillTraining(ctx, diags, title, id, status)
				return status
			}
			diags.AddWarning(fmt.Sprintf("Unable to check the training of knowledge base %q", title),
				fmt.Sprintf("Knowledge base %s was written and is in state, but asking for its status failed, so Terraform stopped "+
					"waiting for its training. The next refresh shows its status.\n\nError: %v", id, err))
			return status
		}
		status = st.Status
		if status == interactly.KnowledgeBaseTrained {
			break
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			addStillTraining(ctx, diags, title, id, status)
			return status
		case <-timer.C:
		}
		wait = min(2*wait, trainingPollMax)
	}
	return status
}

func addStillTraining(ctx context.Context, diags *diag.Diagnostics, title, id, status string) {
	why := "the operation was cancelled"
	if timedOut, ok := context.Cause(ctx).(*operationTimeout); ok {
		why = fmt.Sprintf("the %s timeout of %s ended", timedOut.op.name, shortDuration(timedOut.timeout))
	}
	diags.AddWarning(fmt.Sprintf("Knowledge base %q is still training", title),
		fmt.Sprintf("Knowledge base %s was written and is in state with status %q: %s before it was trained. Assistants "+
			"find its contents once training ends; the next refresh shows its status. To wait longer, raise timeouts (create or "+
			"update); not to wait, set wait_for_training = false.", id, or(status, "unknown"), why))
}
