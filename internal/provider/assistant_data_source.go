package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var (
	_ datasource.DataSource              = (*assistantDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*assistantDataSource)(nil)
)

// NewAssistantDataSource is the interactly_assistant data source: one
// assistant of the team, by ID, with every setting the resource manages
// (never the webhook's secret, which the API does not show).
func NewAssistantDataSource() datasource.DataSource { return &assistantDataSource{} }

type assistantDataSource struct {
	configured
}

func (d *assistantDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_assistant"
}

func (d *assistantDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attributes := dataSourceSettingAttributes()
	attributes[attrID] = schema.StringAttribute{
		MarkdownDescription: "The assistant's ID (its `_id`).",
		Required:            true,
		Validators:          []validator.String{notEmptyString{hint: "give the ID of an assistant of the team"}},
	}
	attributes[attrTeamID] = schema.StringAttribute{
		MarkdownDescription: "The team that owns the assistant, when the API reports it.",
		Computed:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one assistant of the Interactly team by ID, with the settings `interactly_assistant` manages. " +
			"The webhook's secret is never shown. Settings the API leaves out of its answer are null.",
		Attributes: attributes,
		Blocks: map[string]schema.Block{
			attrTimeouts: dataSourceTimeoutsBlock(ctx, "reading the assistant"),
		},
	}
}

func (d *assistantDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *assistantDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	typ := req.Config.Schema.Type()
	config, diags := valuesFrom(ctx, typ, req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	t, _ := config[attrTimeouts].(timeouts.Value)
	ctx, cancel := withReadDeadline(ctx, t, assistantSubject, "data source", &resp.Diagnostics)
	defer cancel()
	id := config.text(attrID)
	current, err := d.client.GetAssistant(ctx, id)
	if err != nil {
		addAssistantLookupError(ctx, &resp.Diagnostics, d.reports(), id, err, notFoundBefore)
		return
	}
	values, diags := config.withDocument(current)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	delete(values, attrAssistantID) // the resource's alone
	raw, diags := values.raw(ctx, typ)
	resp.Diagnostics.Append(diags...)
	if !diags.HasError() {
		resp.State.Raw = raw
	}
}
