package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// knowledgeBaseModel is interactly_knowledge_base's state, plan and
// configuration.
type knowledgeBaseModel struct {
	ID                      types.String   `tfsdk:"id"`
	Title                   types.String   `tfsdk:"title"`
	Description             types.String   `tfsdk:"description"`
	Files                   types.Set      `tfsdk:"files"`
	FileIDs                 types.Set      `tfsdk:"file_ids"`
	IncludeURLs             types.List     `tfsdk:"include_urls"`
	ExcludeURLs             types.List     `tfsdk:"exclude_urls"`
	RetrainFrequencyMinutes types.Number   `tfsdk:"retrain_frequency_minutes"`
	WaitForTraining         types.Bool     `tfsdk:"wait_for_training"`
	OnDestroy               types.String   `tfsdk:"on_destroy"`
	Status                  types.String   `tfsdk:"status"`
	UploadedFiles           types.Map      `tfsdk:"uploaded_files"`
	Timeouts                timeouts.Value `tfsdk:"timeouts"`
}

// kbURLModel is an entry of include_urls or exclude_urls.
type kbURLModel struct {
	URL          types.String `tfsdk:"url"`
	Recursive    types.Bool   `tfsdk:"recursive"`
	SubpathsOnly types.Bool   `tfsdk:"subpaths_only"`
}

// uploadedFileModel is an entry of uploaded_files.
type uploadedFileModel struct {
	ID     types.String `tfsdk:"id"`
	SHA256 types.String `tfsdk:"sha256"`
}

var (
	kbURLType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"url": types.StringType, "recursive": types.BoolType, "subpaths_only": types.BoolType,
	}}
	uploadedFileType = types.ObjectType{AttrTypes: map[string]attr.Type{"id": types.StringType, "sha256": types.StringType}}
)

// uploadedFiles reads uploaded_files; an unknown or null map is empty.
func (m knowledgeBaseModel) uploadedFiles(ctx context.Context, diags *diag.Diagnostics) map[string]uploadedFileModel {
	out := map[string]uploadedFileModel{}
	if m.UploadedFiles.IsNull() || m.UploadedFiles.IsUnknown() {
		return out
	}
	diags.Append(m.UploadedFiles.ElementsAs(ctx, &out, false)...)
	return out
}

func uploadedFilesValue(files map[string]uploadedFileModel, diags *diag.Diagnostics) types.Map {
	v, d := types.MapValueFrom(context.Background(), uploadedFileType, files)
	diags.Append(d...)
	return v
}

// stringsOf reads a set of strings; null or unknown is none.
func stringsOf(ctx context.Context, set types.Set, diags *diag.Diagnostics) []string {
	var out []string
	if set.IsNull() || set.IsUnknown() {
		return nil
	}
	diags.Append(set.ElementsAs(ctx, &out, false)...)
	slices.Sort(out)
	return out
}

// urlsOf reads include_urls or exclude_urls.
func urlsOf(ctx context.Context, list types.List, diags *diag.Diagnostics) []interactly.KnowledgeBaseURL {
	if list.IsNull() || list.IsUnknown() {
		return nil
	}
	var models []kbURLModel
	diags.Append(list.ElementsAs(ctx, &models, false)...)
	out := make([]interactly.KnowledgeBaseURL, len(models))
	for i, u := range models {
		out[i] = interactly.KnowledgeBaseURL{URL: u.URL.ValueString(), Recursive: u.Recursive.ValueBool(), SubpathsOnly: u.SubpathsOnly.ValueBool()}
	}
	return out
}

// urlsValue is the API's URLs as state holds them: none is null, or the
// empty list when that is how the prior value said it.
func urlsValue(urls []interactly.KnowledgeBaseURL, prior types.List, diags *diag.Diagnostics) types.List {
	if len(urls) == 0 {
		if !prior.IsNull() && !prior.IsUnknown() && len(prior.Elements()) == 0 {
			return prior
		}
		return types.ListNull(kbURLType)
	}
	models := make([]kbURLModel, len(urls))
	for i, u := range urls {
		models[i] = kbURLModel{URL: types.StringValue(u.URL), Recursive: types.BoolValue(u.Recursive), SubpathsOnly: types.BoolValue(u.SubpathsOnly)}
	}
	v, d := types.ListValueFrom(context.Background(), kbURLType, models)
	diags.Append(d...)
	return v
}

// stringSetValue is ids as a set: none is null, or the empty set when that
// is how the prior value said it.
func stringSetValue(ids []string, prior types.Set) types.Set {
	if len(ids) == 0 {
		if !prior.IsNull() && !prior.IsUnknown() && len(prior.Elements()) == 0 {
			return prior
		}
		return types.SetNull(types.StringType)
	}
	elems := make([]attr.Value, len(ids))
	for i, id := range ids {
		elems[i] = types.StringValue(id)
	}
	return types.SetValueMust(types.StringType, elems)
}

// descriptionValue is the API's description as state holds it: "" is none.
func descriptionValue(description string) types.String {
	if description == "" {
		return types.StringNull()
	}
	return types.StringValue(description)
}

// statusValue is a status as state holds it: "" is not known.
func statusValue(status string) types.String {
	if status == "" {
		return types.StringNull()
	}
	return types.StringValue(status)
}

// document is the whole document the plan describes, with the IDs of the
// files it uploads (by path) next to file_ids.
func (m knowledgeBaseModel) document(ctx context.Context, uploaded map[string]uploadedFileModel, diags *diag.Diagnostics) interactly.KnowledgeBaseDocument {
	ids := stringsOf(ctx, m.FileIDs, diags)
	for _, path := range sortedKeys(uploaded) {
		if id := uploaded[path].ID.ValueString(); !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return interactly.KnowledgeBaseDocument{
		Settings:    m.settingsBody(),
		IncludeURLs: urlsOf(ctx, m.IncludeURLs, diags),
		ExcludeURLs: urlsOf(ctx, m.ExcludeURLs, diags),
		FileIDs:     ids,
	}
}

// withDocument is m updated with what the API holds: the fields the answer
// carries replace m's; the files it holds are split between the uploads m
// knows (by ID) and file_ids, and an upload it no longer holds leaves
// uploaded_files, so that the next plan uploads it again.
func (m knowledgeBaseModel) withDocument(ctx context.Context, kb interactly.KnowledgeBase, diags *diag.Diagnostics) knowledgeBaseModel {
	m.ID = types.StringValue(kb.ID)
	m.Title, m.Description, m.RetrainFrequencyMinutes = settingsOf(kb, m.settingValues(), diags)
	m.IncludeURLs = urlsValue(kb.IncludeURLs, m.IncludeURLs, diags)
	m.ExcludeURLs = urlsValue(kb.ExcludeURLs, m.ExcludeURLs, diags)
	m.Status = statusValue(kb.Status)

	held := map[string]bool{}
	for _, f := range kb.Files {
		held[f.ID] = true
	}
	uploaded := m.uploadedFiles(ctx, diags)
	ours := map[string]bool{}
	for path, f := range uploaded {
		if !held[f.ID.ValueString()] {
			delete(uploaded, path)
			continue
		}
		ours[f.ID.ValueString()] = true
	}
	var others []string
	for _, f := range kb.Files {
		if !ours[f.ID] {
			others = append(others, f.ID)
		}
	}
	slices.Sort(others)
	m.FileIDs = stringSetValue(others, m.FileIDs)
	m.UploadedFiles = uploadedFilesValue(uploaded, diags)
	return m
}

// nullKnowledgeBaseModel is a knowledge base nothing is known of yet, as
// an import starts.
func nullKnowledgeBaseModel() knowledgeBaseModel {
	return knowledgeBaseModel{
		ID: types.StringNull(), Title: types.StringNull(), Description: types.StringNull(),
		Files: types.SetNull(types.StringType), FileIDs: types.SetNull(types.StringType),
		IncludeURLs: types.ListNull(kbURLType), ExcludeURLs: types.ListNull(kbURLType),
		RetrainFrequencyMinutes: types.NumberNull(), WaitForTraining: types.BoolNull(), OnDestroy: types.StringNull(),
		Status: types.StringNull(), UploadedFiles: types.MapValueMust(uploadedFileType, map[string]attr.Value{}),
		Timeouts: nullTimeouts(),
	}
}

// withDefaults fills the arguments an import or a data source cannot read.
func (m knowledgeBaseModel) withDefaults() knowledgeBaseModel {
	if m.WaitForTraining.IsNull() || m.WaitForTraining.IsUnknown() {
		m.WaitForTraining = types.BoolValue(true)
	}
	if m.OnDestroy.IsNull() || m.OnDestroy.IsUnknown() {
		m.OnDestroy = types.StringValue(onDestroyEmpty)
	}
	if m.Files.IsUnknown() {
		m.Files = types.SetNull(types.StringType)
	}
	if m.Timeouts.IsNull() || m.Timeouts.IsUnknown() {
		m.Timeouts = nullTimeouts()
	}
	return m
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
