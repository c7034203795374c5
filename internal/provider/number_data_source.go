package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
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
	client *interactly.Client
}

func (d *numberDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_number"
}

func (d *numberDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one phone number of the Interactly team by exactly one of `id`, `number` or `label`.",
		Attributes:          numberDataAttributes(true),
	}
}

func (d *numberDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("number"), path.MatchRoot("label")),
	}
}

func (d *numberDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *numberDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config numberModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var number interactly.Number
	var found bool
	var err error
	var by string
	switch {
	case !config.ID.IsNull():
		by = "ID " + config.ID.ValueString()
		number, found, err = d.client.Number(ctx, config.ID.ValueString())
	case !config.Number.IsNull():
		by = "phone number " + config.Number.ValueString()
		number, found, err = d.client.NumberByE164(ctx, config.Number.ValueString())
	default:
		label := config.Label.ValueString()
		by = fmt.Sprintf("label %q", label)
		var matches []interactly.Number
		matches, err = d.client.ListNumbers(ctx, label) // a server-side query
		if err == nil && len(matches) != 1 {
			resp.Diagnostics.AddAttributeError(path.Root("label"), "Label does not match exactly one number",
				fmt.Sprintf("The label %q matches %d numbers of the team; it must match exactly one. "+
					"Look the number up by id or number instead, or list them with the interactly_numbers data source.", label, len(matches)))
			return
		}
		if err == nil {
			number, found = matches[0], true
		}
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to look up the number with "+by, err)
		return
	}
	if !found {
		resp.Diagnostics.AddError("Number not found",
			fmt.Sprintf("The Interactly team of this API key has no number with %s. Check the value and that the key belongs to the team that owns the number.", by))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, newNumberModel(number))...)
}
