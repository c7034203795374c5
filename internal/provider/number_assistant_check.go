package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// checkPlannedAssistant looks up the assistant a number's plan attaches,
// when the API can say clearly that the team does not have it (see
// interactly.IsAssistantNotFound):
//
//   - an assistant the plan attaches anew (an adoption, a replacement, a
//     changed assistant_id) fails the plan: the apply would send it and be
//     refused, so a typo must stop a pipeline that gates on the plan;
//   - an assistant already attached and left as it is in the plan only
//     warns: nothing sends it, and the pre-destroy refresh is a normal plan,
//     so an error here would block the destroy of a number whose assistant
//     was deleted in the dashboard.
//
// Each assistant is asked about once per provider process (so once per
// plan), however many numbers name it; an answer that is not clear says
// nothing, and the apply reports any refusal.
func (r *numberResource) checkPlannedAssistant(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.client == nil || resp.Plan.Raw.IsNull() {
		return
	}
	var planned, prior, plannedNumber, priorNumber types.String
	var t timeouts.Value
	var diags diag.Diagnostics // reading the plan cannot fail once it is set
	diags.Append(resp.Plan.GetAttribute(ctx, path.Root("assistant_id"), &planned)...)
	diags.Append(resp.Plan.GetAttribute(ctx, path.Root("number"), &plannedNumber)...)
	diags.Append(resp.Plan.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	if !req.State.Raw.IsNull() {
		diags.Append(req.State.GetAttribute(ctx, path.Root("assistant_id"), &prior)...)
		diags.Append(req.State.GetAttribute(ctx, path.Root("number"), &priorNumber)...)
	}
	if diags.HasError() || planned.IsNull() || planned.IsUnknown() {
		return
	}
	ctx, cancel := withDeadline(ctx, t, opCreate, &diags)
	defer cancel()
	id := planned.ValueString()
	if missing, err := r.client.AssistantMissing(ctx, id); err != nil || !missing {
		return
	}
	if planned.Equal(prior) && plannedNumber.Equal(priorNumber) {
		resp.Diagnostics.AddAttributeWarning(path.Root("assistant_id"), "Assistant "+id+" is no longer in the team",
			fmt.Sprintf("The number's assistant_id is %q, which the Interactly API says the team no longer has (deleted in the "+
				"dashboard?). This plan does not send it, so nothing fails now; callers of the number may meet no assistant. "+
				"Set assistant_id to an assistant of the team, or omit it to have none.", id))
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("assistant_id"), "Assistant "+id+" not found",
		fmt.Sprintf("The number's assistant_id is %q, and the Interactly API says the team has no assistant %q, so the apply "+
			"would be refused. Check the ID in the Interactly dashboard, section Assistants (or refer to an interactly_assistant "+
			"resource's id), or omit assistant_id to have no assistant attached.", id, id))
}
