package provider

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// A read splits the files the knowledge base holds: those Terraform
// uploaded stay in uploaded_files, any other (added in the dashboard) lands
// in file_ids, and an upload it no longer holds leaves uploaded_files, so
// that the next plan uploads it again.
func TestKnowledgeBaseReadSplitsFiles(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	state := nullKnowledgeBaseModel()
	state.UploadedFiles = uploadedFilesValue(map[string]uploadedFileModel{
		"kb/menu.md":  {ID: types.StringValue("f-menu"), SHA256: types.StringValue("aa")},
		"kb/hours.md": {ID: types.StringValue("f-hours"), SHA256: types.StringValue("bb")},
	}, &diags)
	read := state.withDocument(ctx, interactly.KnowledgeBase{ID: "kb", Title: "FAQ",
		Files:  []interactly.KnowledgeBaseFile{{ID: "f-menu"}, {ID: "f-dashboard"}},
		Fields: map[string]json.RawMessage{"id": json.RawMessage(`"kb"`), "title": json.RawMessage(`"FAQ"`)}}, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	uploaded := read.uploadedFiles(ctx, &diags)
	if len(uploaded) != 1 || uploaded["kb/menu.md"].ID.ValueString() != "f-menu" {
		t.Errorf("uploaded_files = %v, want only kb/menu.md", uploaded)
	}
	if want := types.SetValueMust(types.StringType, []attr.Value{types.StringValue("f-dashboard")}); !read.FileIDs.Equal(want) {
		t.Errorf("file_ids = %v, want the dashboard's file", read.FileIDs)
	}
	if !read.Description.IsNull() || read.RetrainFrequencyMinutes.ValueBigFloat().Sign() != 0 || read.Title.ValueString() != "FAQ" {
		t.Errorf("plain fields: %v %v %v", read.Title, read.Description, read.RetrainFrequencyMinutes)
	}
}
