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

// warnMissingAssistant warns, without failing the plan, when a number's plan
// attaches an assistant that the API clearly says the team does not have:
// the apply would then most likely be refused. Only a new or changed
// assistant_id is checked, since an unchanged one is not written. Each
// assistant is asked about once per provider process (so once per plan),
// however many numbers name it; an answer that is not clear says nothing,
// and the apply reports any refusal.
func (r *numberResource) warnMissingAssistant(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.client == nil || resp.Plan.Raw.IsNull() {
		return
	}
	var planned, prior types.String
	var t timeouts.Value
	var diags diag.Diagnostics // reading the plan cannot fail once it is set; never fail the plan here
	diags.Append(resp.Plan.GetAttribute(ctx, path.Root("assistant_id"), &planned)...)
	diags.Append(resp.Plan.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	if !req.State.Raw.IsNull() {
		diags.Append(req.State.GetAttribute(ctx, path.Root("assistant_id"), &prior)...)
	}
	if diags.HasError() || planned.IsNull() || planned.IsUnknown() || planned.Equal(prior) {
		return
	}
	ctx, cancel := withDeadline(ctx, t, opCreate, &diags)
	defer cancel()
	id := planned.ValueString()
	if missing, err := r.client.AssistantMissing(ctx, id); err != nil || !missing {
		return
	}
	resp.Diagnostics.AddAttributeWarning(path.Root("assistant_id"), "Assistant "+id+" not found",
		fmt.Sprintf("The Interactly API says the team has no assistant %q, so attaching it will most likely fail when applied. "+
			"Check the ID in the Interactly dashboard (or refer to an interactly_assistant resource's id), or omit assistant_id "+
			"to have no assistant attached.", id))
}
