package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ModifyPlan makes the plan show what the apply will do, no more and no less.
//
// A number that stays adopted is planned as the state has it, but for what
// the configuration sets: label, which the API cannot change, and the
// switches the configuration omits keep their last known values instead of
// showing as "known after apply", and the apply records exactly that. A
// change made in the dashboard after the plan shows as drift next time.
//
// A number to adopt is looked up now, in the shared listing (one list call
// however many numbers the plan adopts), under the create timeout: a number
// the team lacks fails the plan instead of the apply, and the plan shows the
// number as the team has it. Only the restore point is left to the apply,
// which records the number as it is then.
func (r *numberResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	defer r.checkPlannedAssistant(ctx, req, resp)
	claimOwner(ctx, r.data, numberOwnership, req, resp)
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
		r.planAdoption(ctx, &plan, config, resp)
		return
	}
	var state numberResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !plan.Number.Equal(state.Number) {
		return // a new number replaces this one: planned as an adoption
	}
	plan.numberModel = quietPlan(config.numberModel, state.numberModel)
	plan.RestorePoint = state.RestorePoint
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}

// planAdoption looks up the number a new resource adopts.
func (r *numberResource) planAdoption(ctx context.Context, plan *numberResourceModel, config numberResourceModel, resp *resource.ModifyPlanResponse) {
	if r.client == nil || plan.Number.IsUnknown() {
		// Not configured yet (validation), or the number comes from
		// another resource's apply: the apply looks it up.
		return
	}
	ctx, cancel := withDeadline(ctx, plan.Timeouts, opCreate, &resp.Diagnostics)
	defer cancel()
	e164 := plan.Number.ValueString()
	existing, found, err := r.client.CachedNumberByE164(ctx, e164)
	if err != nil {
		addFailure(ctx, &resp.Diagnostics, r.reports(), "Unable to look up number "+e164, err)
		return
	}
	if !found {
		if r.data != nil && r.data.forgotten.wasForgotten(numberTypeName, e164) {
			resp.Diagnostics.AddAttributeWarning(path.Root("number"), "Adopting number "+e164+" again will fail",
				fmt.Sprintf("The refresh found that the team no longer has number %s and removed it from state. "+
					"A destroy needs nothing more for it. This plan proposes to adopt it again, and applying it fails "+
					"until the team has the number back; remove the resource from the configuration if it is gone for good.", e164))
			return
		}
		addNumberNotInTeam(&resp.Diagnostics, e164, notFoundBefore)
		return
	}
	plan.numberModel = quietPlan(config.numberModel, newNumberModel(existing))
	if point, ok := r.restorePoints().seen(numberTypeName, existing.ID); ok {
		// The refresh of this plan found the number in state, tainted by
		// an adoption whose write may have been applied: keep the restore
		// point of that first adoption (see replacement_handover.go).
		if object, isObject := point.(types.Object); isObject {
			plan.RestorePoint = object
		}
	}
	resp.Diagnostics.Append(planAdoptsAgain(ctx, resp.Private, existing.ID)...)
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}
