package provider

import (
	"context"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

var (
	_ list.ListResource              = (*numberListResource)(nil)
	_ list.ListResourceWithConfigure = (*numberListResource)(nil)
)

// NewNumberListResource is the interactly_number list resource: every number
// of the team, or those with a label, for a list block of terraform query
// (Terraform 1.14 and later), which can generate the import blocks and the
// configuration of all of them at once.
func NewNumberListResource() list.ListResource { return &numberListResource{} }

type numberListResource struct {
	configured
}

type numberListModel struct {
	Label    types.String     `tfsdk:"label"`
	Timeouts dstimeouts.Value `tfsdk:"timeouts"`
}

func (l *numberListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_number"
}

func (l *numberListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the phone numbers of the Interactly team, sorted by number, for `terraform query` to adopt them.",
		Attributes: map[string]listschema.Attribute{
			"label": listschema.StringAttribute{
				MarkdownDescription: "Only numbers with exactly this label (filtered by the API). Omit it for every number.",
				Optional:            true,
				Validators:          []validator.String{labelValidator()},
			},
		},
		Blocks: map[string]listschema.Block{"timeouts": listTimeoutsBlock()},
	}
}

func (l *numberListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.configure(req.ProviderData, &resp.Diagnostics)
}

// List makes its one API call before streaming, so a failure comes back as a
// single result holding the error rather than as an empty list.
func (l *numberListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config numberListModel
	diags := req.Config.Get(ctx, &config)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	if l.client == nil {
		diags.AddError("Provider not configured",
			"Terraform asked to list interactly_number before configuring the provider, so there is no API client to list with. "+
				"This is a bug in Terraform or in the provider; please report it.")
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	listCtx, cancel := withReadDeadline(ctx, config.Timeouts, "listing the numbers", "list block's config", &diags)
	defer cancel()
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	numbers, err := teamNumbers(listCtx, l.client, config.Label.ValueString())
	if err != nil {
		addFailure(listCtx, &diags, l.reports(), "Unable to list the team's numbers", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	// Terraform always sends the list block's limit (100 unless set); zero
	// or less would be no answer at all, so it is read as no limit.
	if req.Limit > 0 && int64(len(numbers)) > req.Limit {
		numbers = numbers[:req.Limit]
	}
	stream.Results = func(push func(list.ListResult) bool) {
		for _, n := range numbers {
			if !push(numberListResult(ctx, req, n)) {
				return
			}
		}
	}
}

// numberListResult is one listed number: its identity, a name for people,
// and, when Terraform asks for it, the resource as an import and read would
// record it (on_destroy at its default, since it lives in state alone).
func numberListResult(ctx context.Context, req list.ListRequest, n interactly.Number) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = numberDisplayName(n)
	result.Diagnostics.Append(setNumberIdentity(ctx, result.Identity, n.ID)...)
	if req.IncludeResource {
		result.Diagnostics.Append(result.Resource.Set(ctx, importedNumber(n))...)
	}
	return result
}

// numberDisplayName shows the phone number, and its label when it has one,
// such as "+14155550100 (support)".
func numberDisplayName(n interactly.Number) string {
	if n.LabelText() == "" {
		return n.Number
	}
	return n.Number + " (" + n.LabelText() + ")"
}
