package provider

import (
	"context"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ datasource.DataSource              = (*numbersDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*numbersDataSource)(nil)
)

// NewNumbersDataSource is the interactly_numbers data source: every number of
// the team, optionally only those with a label.
func NewNumbersDataSource() datasource.DataSource { return &numbersDataSource{} }

type numbersDataSource struct {
	configured
}

type numbersDataSourceModel struct {
	Label    types.String     `tfsdk:"label"`
	Numbers  []numberModel    `tfsdk:"numbers"`
	Timeouts dstimeouts.Value `tfsdk:"timeouts"`
}

func (d *numbersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_numbers"
}

func (d *numbersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the phone numbers of the Interactly team, optionally only those with a label, sorted by number.",
		Attributes: map[string]schema.Attribute{
			"label": schema.StringAttribute{
				MarkdownDescription: "Only numbers with exactly this label (filtered by the API). Omit it for every number.",
				Optional:            true,
				Validators:          []validator.String{labelValidator()},
			},
			"numbers": schema.ListNestedAttribute{
				MarkdownDescription: "The numbers, sorted by `number` so that plans do not churn.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: numberDocumentAttributes()},
			},
		},
		Blocks: map[string]schema.Block{"timeouts": dataSourceTimeoutsBlock(ctx, "listing the numbers")},
	}
}

func (d *numbersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *numbersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config numbersDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withReadDeadline(ctx, config.Timeouts, "listing the numbers", "data source", &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	numbers, err := teamNumbers(ctx, d.client, config.Label.ValueString())
	if err != nil {
		addFailure(ctx, &resp.Diagnostics, d.reports(), "Unable to list the team's numbers", err)
		return
	}
	config.Numbers = make([]numberModel, 0, len(numbers))
	for _, n := range numbers {
		config.Numbers = append(config.Numbers, newNumberModel(n))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, config)...)
}
