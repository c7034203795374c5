package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// ModifyPlan makes the plan show what the apply will do, no more and no less.
//
// A number to adopt is looked up now, in the shared listing (one list call
// however many numbers the plan adopts): a number the team lacks fails the
// plan instead of the apply, and the plan shows the ID, team and carrier,
// which belong to the number for good.
//
// A change that needs no API call (only on_destroy or timeouts) keeps every
// other value as the state has it, since the apply will write exactly that.
// Any other change leaves label and the switches the configuration omits
// unknown: the apply records them as the API answers.
func (r *numberResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	defer r.warnMissingAssistant(ctx, req, resp)
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var plan, config numberResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if req.State.Raw.IsNull() {
		r.planAdoption(ctx, &plan, resp)
		return
	}
	var state numberResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !plan.Number.Equal(state.Number) || changesNumber(config, state) {
		return
	}
	plan.numberModel = state.numberModel
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}

// planAdoption looks up the number a new resource adopts.
func (r *numberResource) planAdoption(ctx context.Context, plan *numberResourceModel, resp *resource.ModifyPlanResponse) {
	if r.client == nil || plan.Number.IsUnknown() {
		// Not configured yet (validation), or the number comes from
		// another resource's apply: the apply looks it up.
		return
	}
	e164 := plan.Number.ValueString()
	existing, found, err := r.client.CachedNumberByE164(ctx, e164)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to look up number "+e164, err)
		return
	}
	if !found {
		addNumberNotInTeam(&resp.Diagnostics, e164, false)
		return
	}
	// Label and the switches the configuration omits stay unknown: the
	// dashboard can change them before the apply.
	known := newNumberModel(existing)
	plan.ID = known.ID
	if !known.TeamID.IsNull() { // else the apply's answer may say more
		plan.TeamID = known.TeamID
	}
	if !known.ProviderName.IsNull() {
		plan.ProviderName = known.ProviderName
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}
