package provider

import (
	"context"
	"fmt"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

var (
	_ datasource.DataSource                     = (*numberDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*numberDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*numberDataSource)(nil)
)

// NewNumberDataSource is the interactly_number data source: one number of the
// team, looked up by ID, phone number or label.
func NewNumberDataSource() datasource.DataSource { return &numberDataSource{} }

type numberDataSource struct {
	configured
}

// numberDataSourceModel is a number document and the data source's timeouts.
type numberDataSourceModel struct {
	numberModel
	Timeouts dstimeouts.Value `tfsdk:"timeouts"`
}

func (d *numberDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_number"
}

func (d *numberDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one phone number of the Interactly team by exactly one of `id`, `number` or `label`.",
		Attributes:          numberLookupAttributes(),
		Blocks:              map[string]schema.Block{"timeouts": dataSourceTimeoutsBlock(ctx, "looking the number up")},
	}
}

func (d *numberDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("number"), path.MatchRoot("label")),
	}
}

func (d *numberDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *numberDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config numberDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withReadDeadline(ctx, config.Timeouts, "looking the number up", "data source", &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	if !config.Label.IsNull() {
		d.readByLabel(ctx, config, resp)
		return
	}
	ref := numberRef{value: config.ID.ValueString()}
	if !config.Number.IsNull() {
		ref = numberRef{value: config.Number.ValueString(), byE164: true}
	}
	number, found, err := ref.lookup(ctx, d.client)
	if err != nil {
		addFailure(ctx, &resp.Diagnostics, d.reports(), "Unable to look up the number with "+ref.String(), err)
		return
	}
	if !found {
		listing, _ := d.client.CachedNumbers(ctx) // the listing the lookup just read
		resp.Diagnostics.AddError("Number not found", notInTeamDetail(ref.String(), listing, d.keySource()))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, numberDataSourceModel{numberModel: newNumberModel(number), Timeouts: config.Timeouts})...)
}

// readByLabel asks the API for the numbers with this label (a server-side
// query) and takes the one that has it, failing unless exactly one does.
func (d *numberDataSource) readByLabel(ctx context.Context, config numberDataSourceModel, resp *datasource.ReadResponse) {
	label := config.Label.ValueString()
	matches, err := teamNumbers(ctx, d.client, label)
	if err != nil {
		addFailure(ctx, &resp.Diagnostics, d.reports(), fmt.Sprintf("Unable to look up the number with label %q", label), err)
		return
	}
	if len(matches) != 1 {
		resp.Diagnostics.AddAttributeError(path.Root("label"), "Label does not match exactly one number",
			fmt.Sprintf("The label %q matches %d numbers of the team; it must match exactly one. "+
				"Look the number up by id or number instead, or list them with the interactly_numbers data source.", label, len(matches)))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, numberDataSourceModel{numberModel: newNumberModel(matches[0]), Timeouts: config.Timeouts})...)
}
