package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ModifyPlan reads every file of files and plans uploaded_files: a file
// whose SHA-256 is what state recorded keeps its ID; a new or changed one
// gets its new hash and an unknown ID, which the apply's upload sets. The
// status is unknown when the apply writes the knowledge base (training
// starts again), and stays as it is otherwise, so that a plan with nothing
// to change is empty.
func (r *knowledgeBaseResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var plan knowledgeBaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var state *knowledgeBaseModel
	if !req.State.Raw.IsNull() {
		state = &knowledgeBaseModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if plan.Files.IsUnknown() || slices.ContainsFunc(plan.Files.Elements(), attr.Value.IsUnknown) {
		// A path known only at apply (from another resource): its file
		// cannot be read now.
		plan.UploadedFiles = types.MapUnknown(uploadedFileType)
	} else {
		var recorded map[string]uploadedFileModel
		if state != nil {
			recorded = state.uploadedFiles(ctx, &resp.Diagnostics)
		}
		plan.UploadedFiles = uploadedFilesValue(plannedUploads(ctx, plan, recorded, &resp.Diagnostics), &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	switch {
	case state == nil || writes(plan, *state):
		plan.Status = types.StringUnknown()
	default:
		plan.Status = state.Status
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}

// plannedUploads hashes each file of plan's files and pairs it with what
// was recorded for its path.
func plannedUploads(ctx context.Context, plan knowledgeBaseModel, recorded map[string]uploadedFileModel, diags *diag.Diagnostics) map[string]uploadedFileModel {
	planned := map[string]uploadedFileModel{}
	for _, p := range stringsOf(ctx, plan.Files, diags) {
		sum, err := fileSHA256(p)
		if err != nil {
			diags.AddAttributeError(path.Root("files"), "Unable to read file "+p,
				"The plan reads every file of files to tell whether it changed, and could not read this one: "+err.Error()+
					"\n\nCheck the path (relative paths start from the directory Terraform runs in; \"${path.module}/...\" "+
					"starts from the module's), or remove it from files.")
			continue
		}
		entry := uploadedFileModel{ID: types.StringUnknown(), SHA256: types.StringValue(sum)}
		if old, ok := recorded[p]; ok && old.SHA256.ValueString() == sum && !old.ID.IsNull() && !old.ID.IsUnknown() {
			entry.ID = old.ID
		}
		planned[p] = entry
	}
	return planned
}

// writes reports whether applying plan over state sends a PUT.
func writes(plan, state knowledgeBaseModel) bool {
	return !plan.Title.Equal(state.Title) || !plan.Description.Equal(state.Description) ||
		!plan.RetrainFrequencyMinutes.Equal(state.RetrainFrequencyMinutes) ||
		!sameURLs(plan.IncludeURLs, state.IncludeURLs) || !sameURLs(plan.ExcludeURLs, state.ExcludeURLs) ||
		!sameSet(plan.FileIDs, state.FileIDs) || !plan.UploadedFiles.Equal(state.UploadedFiles)
}

// sameURLs treats null and empty lists alike: both send no URL.
func sameURLs(a, b types.List) bool {
	if len(a.Elements()) == 0 && len(b.Elements()) == 0 && !a.IsUnknown() && !b.IsUnknown() {
		return true
	}
	return a.Equal(b)
}

func sameSet(a, b types.Set) bool {
	if len(a.Elements()) == 0 && len(b.Elements()) == 0 && !a.IsUnknown() && !b.IsUnknown() {
		return true
	}
	return a.Equal(b)
}

// uploadsToSend lists the paths whose planned upload has no ID yet.
func uploadsToSend(planned map[string]uploadedFileModel) []string {
	var paths []string
	for p, f := range planned {
		if f.ID.IsUnknown() || f.ID.IsNull() {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	return paths
}
