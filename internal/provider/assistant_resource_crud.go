package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

func (r *assistantResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	values, diags := valuesOf(ctx, req.Plan.Schema.Type(), req.Plan.Raw, req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	planned, config := values[0], values[1]
	ctx, cancel := withAssistantDeadline(ctx, planned.timeouts(), opCreate, &resp.Diagnostics)
	defer cancel()
	id := planned.text(attrAssistantID)
	existing, err := r.client.GetAssistant(ctx, id)
	if err != nil {
		addAssistantLookupError(ctx, &resp.Diagnostics, r.reports(), id, err, foundByThePlan)
		return
	}
	known, diags := planned.withoutSettings().withDocument(existing)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(saveAssistantRestorePoint(ctx, resp.Private, existing)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// A create knows the configuration as it is: ignore_changes applies to
	// updates only. The settings it omits are left as they are.
	secret := managedSecret(planned, config)
	write := newAssistantWrite(planned, known, configuredIn(config), secret, secretNow)
	state, ok := r.write(ctx, write, resp.Private, &resp.Diagnostics)
	if !ok {
		// The PATCH may have been applied. Keep the assistant in state as
		// it was before (Terraform then marks it tainted), with its
		// restore point, so that nothing is lost and the next apply
		// converges.
		state = known
	}
	r.setState(ctx, state, &resp.State, &resp.Diagnostics)
	resp.Diagnostics.Append(setAssistantIdentity(ctx, resp.Identity, id)...)
}

func (r *assistantResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	typ := req.State.Schema.Type()
	state, diags := valuesFrom(ctx, typ, req.State.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.text(attrID)
	// Before the lookup: the framework wants an identity even from a read
	// that removes the resource.
	resp.Diagnostics.Append(setAssistantIdentity(ctx, resp.Identity, id)...)
	ctx, cancel := withAssistantDeadline(ctx, state.timeouts(), opRead, &resp.Diagnostics)
	defer cancel()
	current, err := r.client.GetAssistant(ctx, id)
	if err != nil {
		if r.gone(ctx, id, state.text(attrTeamID), err, &resp.Diagnostics) {
			resp.State.RemoveResource(ctx)
			r.forgotten().remember(assistantResourceType, id)
		}
		return
	}
	updated, diags := state.withDocument(current)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.setState(ctx, updated, &resp.State, &resp.Diagnostics)
}

func (r *assistantResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	values, diags := valuesOf(ctx, req.Plan.Schema.Type(), req.Plan.Raw, req.State.Raw, req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	planned, state, config := values[0], values[1], values[2]
	ctx, cancel := withAssistantDeadline(ctx, planned.timeouts(), opUpdate, &resp.Diagnostics)
	defer cancel()
	// The write-only secret exists in the configuration alone; whether to
	// send it is decided by its version in the plan.
	write := newAssistantWrite(planned, state, everySetting, managedSecret(planned, config), secretSendingOf(planned, state))
	result, ok := r.write(ctx, write, resp.Private, &resp.Diagnostics)
	if !ok {
		// The PATCH may or may not have been applied: state keeps the last
		// known values (the framework starts the response from the prior
		// state), so the next plan shows what still differs.
		return
	}
	r.setState(ctx, result, &resp.State, &resp.Diagnostics)
	resp.Diagnostics.Append(setAssistantIdentity(ctx, resp.Identity, state.text(attrID))...)
}

func (r *assistantResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, diags := valuesFrom(ctx, req.State.Schema.Type(), req.State.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() || state.text(attrOnDestroy) != onDestroyRestore {
		return // keep: there is no DELETE; Terraform only forgets it
	}
	id := state.text(attrID)
	body, unrestorable, found, diags := assistantRestoreBody(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !found {
		resp.Diagnostics.AddWarning("No restore point for assistant "+id,
			"on_destroy is \"restore\", but the state holds no record of the assistant as it was when Terraform adopted it. "+
				"It was left as it is.")
		return
	}
	if len(unrestorable) > 0 {
		resp.Diagnostics.AddWarning("Some settings of assistant "+id+" cannot be restored",
			fmt.Sprintf("Terraform changed %s, which the API did not report when Terraform adopted the assistant, so there is no "+
				"value to put back. They were left as Terraform set them; change them in the dashboard if needed.", strings.Join(unrestorable, ", ")))
	}
	if _, ok := body[webhookField]; ok && (!state[attrWebhookSecret].IsNull() || !state[attrWebhookSecretVersion].IsNull()) {
		resp.Diagnostics.AddWarning("The webhook secret of assistant "+id+" cannot be restored",
			"The API never shows the webhook's secret, so the one the assistant had before Terraform set it is unknown. "+
				"The webhook was restored without a secret; set it again in the dashboard if the assistant needs one.")
	}
	if len(body) == 0 {
		return // Terraform changed nothing
	}
	ctx, cancel := withAssistantDeadline(ctx, state.timeouts(), opDelete, &resp.Diagnostics)
	defer cancel()
	_, _, err := r.client.UpdateAssistant(ctx, id, body)
	if err != nil && !interactly.IsAssistantNotFound(err) { // an assistant already gone needs nothing
		addAssistantWriteError(ctx, &resp.Diagnostics, r.reports(), "Unable to restore assistant "+id, err)
	}
}

func (r *assistantResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, diags := importedAssistantID(ctx, req)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	state, diags := valuesFrom(ctx, resp.State.Schema.Type(), resp.State.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withAssistantDeadline(ctx, state.timeouts(), opRead, &resp.Diagnostics)
	defer cancel()
	current, err := r.client.GetAssistant(ctx, id)
	if err != nil {
		addAssistantLookupError(ctx, &resp.Diagnostics, r.reports(), id, err, notFoundBefore)
		return
	}
	state[attrOnDestroy] = types.StringValue(onDestroyKeep)
	imported, diags := state.withDocument(current)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(saveAssistantRestorePoint(ctx, resp.Private, current)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.setState(ctx, imported, &resp.State, &resp.Diagnostics)
	resp.Diagnostics.Append(setAssistantIdentity(ctx, resp.Identity, id)...)
}

// write sends the PATCH w describes, if any, and returns what state records.
// ok is false when the PATCH failed (it may have been applied).
func (r *assistantResource) write(ctx context.Context, w assistantWrite, private privateStore, diags *diag.Diagnostics) (state assistantValues, ok bool) {
	groups := w.groups()
	if len(groups) == 0 {
		return w.result(nil), true // nothing to change, no call
	}
	answer, isDocument, err := r.client.UpdateAssistant(ctx, w.id, w.body(groups))
	if err != nil {
		addAssistantWriteError(ctx, diags, r.reports(), "Unable to update assistant "+w.id, err)
		if mayHaveApplied(err) {
			// on_destroy = "restore" must put these back too.
			diags.Append(recordChangedFields(ctx, private, groups)...)
		}
		return nil, false
	}
	diags.Append(recordChangedFields(ctx, private, groups)...)
	if !isDocument {
		// The answer is not the assistant: read it once to check what the
		// API holds now. The PATCH succeeded, so if that read fails the
		// plan is recorded, with a warning.
		if answer, err = r.client.GetAssistant(ctx, w.id); err != nil {
			diags.AddWarning("Unable to check assistant "+w.id+" after updating it",
				"The update succeeded, but reading the assistant afterwards failed, so the provider could not check that the API "+
					"applied every value. The next plan shows anything that differs.\n\n"+err.Error())
			return w.result(nil), true
		}
	}
	answered, d := w.known.withDocument(answer)
	diags.Append(d...)
	if diags.HasError() {
		return nil, false
	}
	if d := w.checkAnswer(groups, answered, answer); d.HasError() {
		diags.Append(d...)
		return answered, true // what is true, so that the next plan starts from it
	}
	return w.result(answered), true
}

// setState writes values as the resource's state.
func (r *assistantResource) setState(ctx context.Context, values assistantValues, state *tfsdk.State, diags *diag.Diagnostics) {
	raw, d := values.raw(ctx, state.Schema.Type())
	diags.Append(d...)
	if !d.HasError() {
		state.Raw = raw
	}
}
