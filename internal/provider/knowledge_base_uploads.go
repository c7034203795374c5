package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// uploadFiles uploads the files of planned that have no ID yet, in the
// order of their paths, and sets their IDs in planned. Each upload must
// send what the plan hashed. When one fails, the files this call uploaded
// are deleted again (no knowledge base holds them yet), so that none is
// left behind unknown, and the failure is reported; ok is then false.
func (r *knowledgeBaseResource) uploadFiles(ctx context.Context, title string, planned map[string]uploadedFileModel, diags *diag.Diagnostics) (newIDs []string, ok bool) {
	for _, path := range uploadsToSend(planned) {
		uploaded, err := r.client.UploadFile(ctx, path)
		var problem string
		switch {
		case err != nil && mayHaveApplied(err):
			problem = fmt.Sprintf("The upload of %s failed, but it may have reached the API, so a file named %q may now be in the team "+
				"that no knowledge base holds. The API cannot list files, so it cannot be found or deleted from here; it takes "+
				"space but does no harm. Uploads are never repeated on their own: apply again to upload the file anew.",
				path, uploaded.Name)
		case err != nil:
			problem = "The API refused the upload of " + path + "."
		case uploaded.ID == "":
			problem = fmt.Sprintf("The API accepted the upload of %s but did not say the new file's ID (it answered %q), so the "+
				"knowledge base cannot hold it. A file may now be in the team that nothing holds.", path, uploaded.Message)
			err = fmt.Errorf("the answer names no file ID")
		case uploaded.SHA256 != planned[path].SHA256.ValueString():
			newIDs = append(newIDs, uploaded.ID)
			problem = fmt.Sprintf("%s changed after the plan read it (SHA-256 %s then, %s now), so it is not what the plan shows. "+
				"Run terraform plan again to review the new contents.", path, planned[path].SHA256.ValueString(), uploaded.SHA256)
			err = fmt.Errorf("the file changed since the plan")
		}
		if problem != "" {
			deleted := r.deleteFiles(ctx, newIDs)
			diags.AddError(fmt.Sprintf("Unable to upload %s for knowledge base %q", path, title),
				problem+"\n\n"+deleted+"Error: "+errorText(err))
			return nil, false
		}
		planned[path] = uploadedFileModel{ID: types.StringValue(uploaded.ID), SHA256: types.StringValue(uploaded.SHA256)}
		newIDs = append(newIDs, uploaded.ID)
	}
	return newIDs, true
}

// cleanupTimeout bounds the deletion of files uploaded by an operation that
// then failed, which runs even when the operation was cancelled.
const cleanupTimeout = time.Minute

// deleteFiles deletes files that no knowledge base holds and says, for an
// error's detail, what became of them: "" when there were none.
func (r *knowledgeBaseResource) deleteFiles(ctx context.Context, ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	// Even after Ctrl-C: files nothing holds must not be left behind.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	if failed := r.tryDeleteFiles(ctx, ids); len(failed) > 0 {
		return fmt.Sprintf("The files uploaded before the failure could not all be deleted again: %s remain in the team, held by "+
			"no knowledge base (delete them with DELETE /kb/v1/files/{id}).\n\n", strings.Join(failed, ", "))
	}
	return fmt.Sprintf("The files uploaded before the failure were deleted again (%s).\n\n", strings.Join(ids, ", "))
}

// tryDeleteFiles deletes each file and returns "ID (reason)" for those
// that failed. A file already gone (404) counts as deleted.
func (r *knowledgeBaseResource) tryDeleteFiles(ctx context.Context, ids []string) []string {
	var failed []string
	for _, id := range ids {
		if err := r.client.DeleteFile(ctx, id); err != nil && !interactly.IsFileNotFound(err) {
			failed = append(failed, fmt.Sprintf("%s (%v)", id, err))
		}
	}
	return failed
}
