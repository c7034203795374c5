package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// ModifyPlan makes the plan show what the apply will write, no more and no
// less.
//
// An assistant to adopt is looked up now (one GET, under the create
// timeout): an ID the team lacks fails the plan, and every setting the
// configuration omits shows the value the assistant has. On an update, every
// omitted setting shows its state value. Either way the apply writes exactly
// those values to state without sending them, and a change made in the
// dashboard meanwhile shows as drift on the next refresh. Nothing is unknown
// but what comes from other resources' applies.
func (r *assistantResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	claimOwner(ctx, r.data, assistantOwnership, req, resp)
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	typ := req.Plan.Schema.Type()
	planned, diags := valuesFrom(ctx, typ, req.Plan.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	config, diags := valuesFrom(ctx, typ, req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	var known, state assistantValues
	if !req.State.Raw.IsNull() {
		state, diags = valuesFrom(ctx, typ, req.State.Raw)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		if planned[attrAssistantID].Equal(state[attrAssistantID]) {
			known = state
		}
	}
	var prior assistantValues // the state the plan changes; nil for an adoption
	if known != nil {
		prior = state
	}
	if resp.Diagnostics.Append(requireSecretWhenSent(planned, prior, config)...); resp.Diagnostics.HasError() {
		return
	}
	if known == nil { // a new assistant to adopt
		var found bool
		known, found = r.lookUpAtPlan(ctx, planned, &resp.Diagnostics)
		if !found {
			return
		}
	}
	knownRaw, diags := known.raw(ctx, typ)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	filled, err := fillOmitted(req.Plan.Raw, req.Config.Raw, knownRaw)
	if err != nil {
		resp.Diagnostics.AddError("Unable to plan the assistant", "This is a bug in the provider; please report it: "+err.Error())
		return
	}
	resp.Plan.Raw = filled
	if prior == nil {
		r.planHandover(ctx, known.text(attrAssistantID), resp)
	}
	resp.Diagnostics.Append(warnWebhookWithoutSecret(ctx, typ, filled, req.Config.Raw, known)...)
}

// planHandover marks the plan of an adoption as adopting id, and keeps the
// restore point a refresh of this plan found for it: the replacement of a
// tainted adoption (see replacement_handover.go).
func (r *assistantResource) planHandover(ctx context.Context, id string, resp *resource.ModifyPlanResponse) {
	if point, ok := r.restorePoints().seen(assistantResourceType, id); ok {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(attrRestorePoint), point)...)
	}
	resp.Diagnostics.Append(planAdoptsAgain(ctx, resp.Private, id)...)
}

// warnWebhookWithoutSecret warns when the plan sends the webhook while
// Terraform manages no secret for it: the API never shows the secret, and
// if it replaces the webhook whole (its docs do not say), a secret set in
// the dashboard is lost.
func warnWebhookWithoutSecret(ctx context.Context, typ attr.Type, planRaw, configRaw tftypes.Value, known assistantValues) diag.Diagnostics {
	values, diags := valuesOf(ctx, typ, planRaw, configRaw)
	if diags.HasError() {
		return diags
	}
	planned, config := values[0], values[1]
	if managedSecret(planned, config) != nil || config["webhook"].IsNull() {
		return diags
	}
	for _, s := range assistantSettings {
		if s.Group() == webhookField && !planned[s.Attr].IsUnknown() && !s.Same(planned[s.Attr], known[s.Attr]) {
			diags.AddAttributeWarning(path.Root(s.Attr), "The webhook is sent without its secret",
				"This plan changes the webhook of assistant "+known.text(attrAssistantID)+", and Terraform manages no secret for it. "+
					"The API never shows the secret, and its docs do not say whether an update keeps the secret of a webhook sent "+
					"without one: a secret set in the dashboard may be lost. Set webhook_secret or webhook_secret_wo to keep it.")
		}
	}
	return diags
}

// lookUpAtPlan looks up the assistant a new resource adopts. found is false
// when there is nothing to fill the plan with: the ID comes from another
// resource's apply, the provider is not configured yet, or the lookup
// failed (with a diagnostic).
func (r *assistantResource) lookUpAtPlan(ctx context.Context, planned assistantValues, diags *diag.Diagnostics) (assistantValues, bool) {
	if r.client == nil || planned[attrAssistantID].IsUnknown() {
		return nil, false
	}
	ctx, cancel := withAssistantDeadline(ctx, planned.timeouts(), opCreate, diags)
	defer cancel()
	id := planned.text(attrAssistantID)
	existing, err := r.client.GetAssistant(ctx, id)
	if interactly.IsAssistantNotFound(err) && r.forgotten().wasForgotten(assistantResourceType, id) {
		// The refresh of this very run removed it; failing here would
		// block a destroy of the whole workspace.
		diags.AddAttributeWarning(path.Root(attrAssistantID), "Assistant "+id+" is no longer in the team",
			"The refresh removed the assistant from state because the team no longer has it. Applying this plan would fail "+
				"(the assistant cannot be adopted while the team lacks it); a destroy succeeds. Remove the resource from the "+
				"configuration, or create the assistant again in the dashboard and adopt the new one.")
		return nil, false
	}
	if err != nil {
		addAssistantLookupError(ctx, diags, r.reports(), id, err, notFoundBefore)
		return nil, false
	}
	known, d := planned.withoutSettings().withDocument(existing)
	diags.Append(d...)
	return known, !d.HasError()
}

// fillOmitted replaces what the plan leaves unknown with the known value at
// the same place (null where known has none), except where the
// configuration itself is unknown: a value another resource's apply will
// give.
func fillOmitted(plan, config, known tftypes.Value) (tftypes.Value, error) {
	return tftypes.Transform(plan, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		if c, ok := valueAt(config, p); ok && !c.IsNull() {
			return v, nil // configured, not yet known
		}
		if k, ok := valueAt(known, p); ok {
			return k, nil
		}
		return tftypes.NewValue(v.Type(), nil), nil
	})
}

// valueAt is the value at p in v; ok is false when a value on the way is
// null or p does not exist.
func valueAt(v tftypes.Value, p *tftypes.AttributePath) (tftypes.Value, bool) {
	found, _, err := tftypes.WalkAttributePath(v, p)
	if err != nil {
		return tftypes.Value{}, false
	}
	value, ok := found.(tftypes.Value)
	return value, ok
}
