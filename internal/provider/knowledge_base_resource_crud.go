package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// Create uploads the files, creates the knowledge base holding them and,
// with wait_for_training, waits until it is trained. Once the create has
// answered with an ID nothing more is an error: an error would taint the
// knowledge base, and its replacement would make a second one that no
// DELETE could clean up.
func (r *knowledgeBaseResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan knowledgeBaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withKnowledgeBaseDeadline(ctx, plan.Timeouts, opCreate, &resp.Diagnostics)
	defer cancel()
	title := plan.Title.ValueString()
	planned := plan.uploadedFiles(ctx, &resp.Diagnostics)
	uploaded, ok := r.uploadFiles(ctx, title, planned, &resp.Diagnostics)
	if !ok || resp.Diagnostics.HasError() {
		return
	}
	doc := plan.document(ctx, planned, &resp.Diagnostics)
	created, err := r.client.CreateKnowledgeBase(ctx, doc)
	switch {
	case err != nil && !mayHaveApplied(err):
		deleted := r.deleteFiles(ctx, uploaded)
		addFailure(ctx, &resp.Diagnostics, r.reports(), fmt.Sprintf("Unable to create knowledge base %q", title),
			fmt.Errorf("%w\n\nThe API refused the create, so no knowledge base was made. %s", err, strings.TrimSpace(deleted)))
		return
	case err != nil:
		addAmbiguousCreate(ctx, &resp.Diagnostics, r.reports(), title, uploaded, err)
		return
	case created.ID == "":
		addUnnamedCreate(&resp.Diagnostics, title, uploaded, created.Message)
		return
	}
	state := plan
	state.ID = types.StringValue(created.ID)
	state.UploadedFiles = uploadedFilesValue(planned, &resp.Diagnostics)
	status := ""
	if created.Document != nil {
		status = created.Document.Status
	}
	state.Status = statusValue(r.settle(ctx, plan, created.ID, status, &resp.Diagnostics))
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	resp.Diagnostics.Append(setKnowledgeBaseIdentity(ctx, resp.Identity, created.ID)...)
}

// settle is the status to record after a write that succeeded: with
// wait_for_training, what waitForTraining found; without, status, or what
// one status call says when the answer told none.
func (r *knowledgeBaseResource) settle(ctx context.Context, plan knowledgeBaseModel, id, status string, diags *diag.Diagnostics) string {
	if plan.WaitForTraining.ValueBool() {
		return r.waitForTraining(ctx, plan.Title.ValueString(), id, status, diags)
	}
	if status != "" {
		return status
	}
	if st, err := r.client.GetKnowledgeBaseStatus(ctx, id); err == nil {
		return st.Status
	}
	return ""
}

func (r *knowledgeBaseResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state knowledgeBaseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	resp.Diagnostics.Append(setKnowledgeBaseIdentity(ctx, resp.Identity, id)...)
	ctx, cancel := withKnowledgeBaseDeadline(ctx, state.Timeouts, opRead, &resp.Diagnostics)
	defer cancel()
	kb, err := r.client.GetKnowledgeBase(ctx, id)
	if err != nil {
		if r.gone(ctx, id, state.Title.ValueString(), err, &resp.Diagnostics) {
			resp.State.RemoveResource(ctx)
		}
		return
	}
	updated := state.withDocument(ctx, kb, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, updated)...)
}

// gone reports whether a failed GET is clear evidence that the knowledge
// base no longer exists (a 404 that says so), and reports any other failure.
func (r *knowledgeBaseResource) gone(ctx context.Context, id, title string, err error, diags *diag.Diagnostics) bool {
	switch {
	case interactly.IsKnowledgeBaseNotFound(err):
		return true
	case interactly.IsNotFound(err):
		diags.AddError(fmt.Sprintf("Unable to read knowledge base %q (%s)", title, id), err.Error()+"\n\n"+doubtfulKnowledgeBase404)
	default:
		addFailure(ctx, diags, r.reports(), fmt.Sprintf("Unable to read knowledge base %q (%s)", title, id), err)
	}
	return false
}

// Update uploads new and changed files, sends the whole document in one
// PUT, then deletes the files Terraform uploaded that the knowledge base no
// longer holds: it never points at a deleted file.
func (r *knowledgeBaseResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state knowledgeBaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withKnowledgeBaseDeadline(ctx, plan.Timeouts, opUpdate, &resp.Diagnostics)
	defer cancel()
	id, title := state.ID.ValueString(), plan.Title.ValueString()
	resp.Diagnostics.Append(setKnowledgeBaseIdentity(ctx, resp.Identity, id)...)
	result := plan
	result.ID = state.ID
	if !writes(plan, state) {
		result.Status = state.Status // only Terraform's own arguments changed
		resp.Diagnostics.Append(resp.State.Set(ctx, result)...)
		return
	}
	planned := plan.uploadedFiles(ctx, &resp.Diagnostics)
	uploaded, ok := r.uploadFiles(ctx, title, planned, &resp.Diagnostics)
	if !ok || resp.Diagnostics.HasError() {
		return
	}
	answer, err := r.client.UpdateKnowledgeBase(ctx, id, plan.document(ctx, planned, &resp.Diagnostics))
	if err != nil {
		summary := fmt.Sprintf("Unable to update knowledge base %q (%s)", title, id)
		if !mayHaveApplied(err) {
			deleted := r.deleteFiles(ctx, uploaded)
			if interactly.IsKnowledgeBaseNotFound(err) {
				deleted = "The knowledge base is no longer in the team (deleted in the dashboard?): the next plan drops it from " +
					"state and plans a new one. " + deleted
			}
			addFailure(ctx, &resp.Diagnostics, r.reports(), summary, fmt.Errorf("%w\n\nNothing was changed. %s", err, strings.TrimSpace(deleted)))
			return
		}
		// The PUT may hold the new files now: state records them, so
		// that they are never deleted while held, nor forgotten.
		addFailure(ctx, &resp.Diagnostics, r.reports(), summary, err)
		kept := state
		kept.UploadedFiles = uploadedFilesValue(planned, &resp.Diagnostics)
		detail := "The update may have reached the API. State keeps the knowledge base as it was, with the files just uploaded " +
			"recorded; run terraform plan to see it as it is now, and apply again if it still differs."
		if stale := replacedUploads(state.uploadedFiles(ctx, &resp.Diagnostics), planned); len(stale) > 0 {
			detail += " If the update was applied, the files it replaced (" + strings.Join(stale, ", ") + ") are held by nothing " +
				"and were not deleted, since the knowledge base may still hold them."
		}
		resp.Diagnostics.AddWarning(summary+": the change may have been applied", detail)
		resp.Diagnostics.Append(resp.State.Set(ctx, kept)...)
		return
	}
	result.UploadedFiles = uploadedFilesValue(planned, &resp.Diagnostics)
	if stale := replacedUploads(state.uploadedFiles(ctx, &resp.Diagnostics), planned); len(stale) > 0 {
		if failed := r.tryDeleteFiles(ctx, stale); len(failed) > 0 {
			resp.Diagnostics.AddWarning(fmt.Sprintf("Unable to delete files knowledge base %q no longer holds", title),
				"The knowledge base was updated, but deleting the files it replaced failed: "+strings.Join(failed, ", ")+
					". They remain in the team, held by no knowledge base; nothing else depends on them.")
		}
	}
	result.Status = statusValue(r.settle(ctx, plan, id, answer.Status, &resp.Diagnostics))
	resp.Diagnostics.Append(resp.State.Set(ctx, result)...)
}

// replacedUploads lists the IDs state recorded that the plan holds no more.
func replacedUploads(recorded, planned map[string]uploadedFileModel) []string {
	keep := map[string]bool{}
	for _, f := range planned {
		keep[f.ID.ValueString()] = true
	}
	var stale []string
	for _, f := range recorded {
		if id := f.ID.ValueString(); id != "" && !keep[id] {
			stale = append(stale, id)
		}
	}
	slices.Sort(stale)
	return stale
}

// Delete empties the knowledge base (on_destroy = "empty") or leaves it
// as it is ("keep"), and forgets it: the API cannot delete it.
func (r *knowledgeBaseResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state knowledgeBaseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || state.OnDestroy.ValueString() == onDestroyKeep {
		return
	}
	ctx, cancel := withKnowledgeBaseDeadline(ctx, state.Timeouts, opDelete, &resp.Diagnostics)
	defer cancel()
	id, title := state.ID.ValueString(), state.Title.ValueString()
	empty := interactly.KnowledgeBaseDocument{Settings: state.settingsBody()}
	if _, err := r.client.UpdateKnowledgeBase(ctx, id, empty); err != nil {
		summary := fmt.Sprintf("Unable to empty knowledge base %q (%s)", title, id)
		switch {
		case interactly.IsKnowledgeBaseNotFound(err):
			return // deleted in the dashboard already: nothing to empty
		case interactly.IsNotFound(err):
			resp.Diagnostics.AddError(summary, err.Error()+"\n\n"+doubtfulKnowledgeBase404+
				" To forget it without emptying it, set on_destroy = \"keep\" and apply before destroying.")
		default:
			addFailure(ctx, &resp.Diagnostics, r.reports(), summary, err)
		}
		return
	}
	var ids []string
	for _, f := range state.uploadedFiles(ctx, &resp.Diagnostics) {
		ids = append(ids, f.ID.ValueString())
	}
	slices.Sort(ids)
	detail := fmt.Sprintf("The API cannot delete a knowledge base, so Terraform removed its URLs and files and forgot it. "+
		"Knowledge base %q (ID %s) is still in the team, empty: delete it in the Interactly dashboard if it is not needed.", title, id)
	if failed := r.tryDeleteFiles(ctx, ids); len(failed) > 0 {
		detail += "\n\nDeleting the files Terraform uploaded failed for " + strings.Join(failed, ", ") +
			"; they remain in the team, held by no knowledge base."
	}
	resp.Diagnostics.AddWarning(fmt.Sprintf("Knowledge base %q left empty in the team", title), detail)
}

func (r *knowledgeBaseResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, diags := importedKnowledgeBaseID(ctx, req)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	state := nullKnowledgeBaseModel()
	ctx, cancel := withKnowledgeBaseDeadline(ctx, state.Timeouts, opRead, &resp.Diagnostics)
	defer cancel()
	kb, err := r.client.GetKnowledgeBase(ctx, id)
	if err != nil {
		if interactly.IsKnowledgeBaseNotFound(err) {
			resp.Diagnostics.AddError("Knowledge base not found in the team",
				fmt.Sprintf("The Interactly team of this API key has no knowledge base %q. Check the ID (shown in the dashboard) "+
					"and that the API key belongs to the team that owns it.", id))
			return
		}
		r.gone(ctx, id, id, err, &resp.Diagnostics)
		return
	}
	imported := state.withDefaults().withDocument(ctx, kb, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, imported)...)
	resp.Diagnostics.Append(setKnowledgeBaseIdentity(ctx, resp.Identity, id)...)
}
