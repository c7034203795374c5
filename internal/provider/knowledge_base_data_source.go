package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

var (
	_ datasource.DataSource              = (*knowledgeBaseDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*knowledgeBaseDataSource)(nil)
)

// NewKnowledgeBaseDataSource is the interactly_knowledge_base data source:
// one knowledge base of the team, by ID, read-only.
func NewKnowledgeBaseDataSource() datasource.DataSource { return &knowledgeBaseDataSource{} }

type knowledgeBaseDataSource struct {
	configured
}

type knowledgeBaseDataModel struct {
	ID                      types.String   `tfsdk:"id"`
	Title                   types.String   `tfsdk:"title"`
	Description             types.String   `tfsdk:"description"`
	Status                  types.String   `tfsdk:"status"`
	RetrainFrequencyMinutes types.Number   `tfsdk:"retrain_frequency_minutes"`
	IncludeURLs             types.List     `tfsdk:"include_urls"`
	ExcludeURLs             types.List     `tfsdk:"exclude_urls"`
	FileIDs                 types.Set      `tfsdk:"file_ids"`
	Files                   types.List     `tfsdk:"files"`
	Timeouts                timeouts.Value `tfsdk:"timeouts"`
}

var kbFileType = types.ObjectType{AttrTypes: map[string]attr.Type{"id": types.StringType, "name": types.StringType}}

func (d *knowledgeBaseDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_knowledge_base"
}

func (d *knowledgeBaseDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *knowledgeBaseDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	urlList := func(desc string) schema.ListNestedAttribute {
		return schema.ListNestedAttribute{MarkdownDescription: desc, Computed: true, NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{
				"url":           schema.StringAttribute{Computed: true, MarkdownDescription: "The page's URL."},
				"recursive":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the pages it links to are crawled too."},
				"subpaths_only": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether a recursive crawl stays below the URL's path."},
			}}}
	}
	attributes := knowledgeBaseSettings.DataSourceAttributes()
	for name, a := range map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: "The knowledge base's ID.",
			Required:            true,
			Validators:          []validator.String{notEmptyString{hint: "give the ID of a knowledge base of the team"}},
		},
		"status": schema.StringAttribute{Computed: true, MarkdownDescription: "Where training stands: `draft`, `created`, `queued`, " +
			"`training` or `trained`; null when the API did not say."},
		"include_urls": urlList("Web pages it crawls."),
		"exclude_urls": urlList("Web pages the crawl leaves out."),
		"file_ids":     schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the files it holds."},
		"files": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "The files it holds, with their names.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":   schema.StringAttribute{Computed: true, MarkdownDescription: "The file's ID."},
				"name": schema.StringAttribute{Computed: true, MarkdownDescription: "The file's name; null when the API did not say."},
			}}},
	} {
		attributes[name] = a
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one knowledge base of the Interactly team by ID.",
		Attributes:          attributes,
		Blocks: map[string]schema.Block{
			"timeouts": dataSourceTimeoutsBlock(ctx, "reading the knowledge base"),
		},
	}
}

func (d *knowledgeBaseDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config knowledgeBaseDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withReadDeadline(ctx, config.Timeouts, knowledgeBaseSubject, "data source", &resp.Diagnostics)
	defer cancel()
	id := config.ID.ValueString()
	kb, err := d.client.GetKnowledgeBase(ctx, id)
	if err != nil {
		summary := fmt.Sprintf("Unable to read knowledge base %s", id)
		switch {
		case interactly.IsKnowledgeBaseNotFound(err):
			resp.Diagnostics.AddError("Knowledge base not found in the team",
				fmt.Sprintf("The Interactly team of this API key has no knowledge base %q. Check the ID and the API key.", id))
		case interactly.IsNotFound(err):
			resp.Diagnostics.AddError(summary, err.Error()+"\n\n"+doubtfulKnowledgeBase404)
		default:
			addFailure(ctx, &resp.Diagnostics, d.reports(), summary, err)
		}
		return
	}
	out := config
	out.Title, out.Description, out.RetrainFrequencyMinutes = settingsOf(kb, nullSettings(), &resp.Diagnostics)
	if kb.RetrainFrequencyMinutes == nil {
		out.RetrainFrequencyMinutes = types.NumberNull() // not reported
	}
	out.Status = statusValue(kb.Status)
	out.IncludeURLs = urlsValue(kb.IncludeURLs, types.ListValueMust(kbURLType, nil), &resp.Diagnostics)
	out.ExcludeURLs = urlsValue(kb.ExcludeURLs, types.ListValueMust(kbURLType, nil), &resp.Diagnostics)
	ids := make([]string, len(kb.Files))
	files := make([]attr.Value, len(kb.Files))
	for i, f := range kb.Files {
		ids[i] = f.ID
		name := types.StringNull()
		if f.Name != "" {
			name = types.StringValue(f.Name)
		}
		files[i] = types.ObjectValueMust(kbFileType.AttrTypes, map[string]attr.Value{"id": types.StringValue(f.ID), "name": name})
	}
	out.FileIDs = stringSetValue(ids, types.SetValueMust(types.StringType, nil))
	out.Files = types.ListValueMust(kbFileType, files)
	resp.Diagnostics.Append(resp.State.Set(ctx, out)...)
}
