package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// What terraform destroy does to a number, the values of on_destroy.
const (
	onDestroyDetach  = "detach"
	onDestroyRestore = "restore"
	onDestroyKeep    = "keep"
)

var (
	_ resource.Resource                = (*numberResource)(nil)
	_ resource.ResourceWithConfigure   = (*numberResource)(nil)
	_ resource.ResourceWithImportState = (*numberResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*numberResource)(nil)
)

// NewNumberResource is the interactly_number resource. The API cannot create
// or delete numbers, so the resource adopts a number the team already has:
// create finds it and applies the configuration, destroy lets it go as
// on_destroy says.
func NewNumberResource() resource.Resource { return &numberResource{} }

// numberTypeName is the resource's type name, also the key under which a
// Read records the numbers it removed from state.
const numberTypeName = "interactly_number"

type numberResource struct {
	configured
}

type numberResourceModel struct {
	numberModel
	OnDestroy    types.String   `tfsdk:"on_destroy"`
	RestorePoint types.Object   `tfsdk:"restore_point"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

func (r *numberResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_number"
}

func (r *numberResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	// Only what belongs to the number for good keeps its state value in the
	// plan of an update: its ID, its team and its carrier. Everything else
	// can change in the dashboard at any time, even between a plan and its
	// apply, so an update plans it as unknown and records what the API
	// answers.
	fixed := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Adopts a phone number the Interactly team already has and manages which assistant answers it " +
			"and whether inbound and outbound calls are enabled.\n\n" +
			"Numbers cannot be created or deleted through the Interactly API: creating this resource finds the number " +
			"in the team (import or purchase it first), and destroying it detaches, restores or keeps it as `on_destroy` says. " +
			"The plan of a new resource already looks the number up: a number the team does not have fails the plan, " +
			"and the plan shows the number's `id`, `team_id` and `provider_name`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: descNumberID + " Known in the plan: it is looked up when the resource is planned.",
				Computed:            true,
				PlanModifiers:       fixed,
			},
			"number": schema.StringAttribute{
				MarkdownDescription: "The phone number to adopt, in E.164 form: `+` then 2 to 15 digits, the first not 0 (for example `+14155550100`). " +
					"The team must already have it. Changing it releases this number (as `on_destroy` says) and adopts the other.",
				Required:      true,
				Validators:    []validator.String{e164Validator()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"assistant_id": schema.StringAttribute{
				MarkdownDescription: "ID of the assistant that answers and places calls on this number. Omit it for no assistant: " +
					"the provider then detaches any assistant attached outside Terraform. An empty string is not accepted.",
				Optional:   true,
				Validators: []validator.String{notEmptyString{hint: "omit assistant_id (or set it to null) to have no assistant attached"}},
			},
			"inbound_enabled": schema.BoolAttribute{
				MarkdownDescription: "Whether inbound calls are enabled. When omitted it is left as it is in Interactly and recorded in state " +
					"(plans show its last known value; a change made in the dashboard shows as drift at the next refresh; " +
					"null while the API has never reported it).",
				Optional: true,
				Computed: true,
			},
			"outbound_enabled": schema.BoolAttribute{
				MarkdownDescription: "Whether outbound calls are enabled. When omitted it is left as it is in Interactly and recorded in state " +
					"(plans show its last known value; a change made in the dashboard shows as drift at the next refresh; " +
					"null while the API has never reported it).",
				Optional: true,
				Computed: true,
			},
			"on_destroy": schema.StringAttribute{
				MarkdownDescription: "What `terraform destroy` (or removing the resource) does to the number: " +
					"`\"detach\"` (default) detaches the assistant; " +
					"`\"restore\"` puts back the assistant and both switches as they were when Terraform adopted the number (at create or import); " +
					"`\"keep\"` changes nothing and only removes the number from state.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(onDestroyDetach),
				Validators: []validator.String{stringvalidator.OneOf(onDestroyDetach, onDestroyRestore, onDestroyKeep)},
			},
			"team_id": schema.StringAttribute{
				MarkdownDescription: descNumberTeamID,
				Computed:            true,
				PlanModifiers:       fixed,
			},
			"label": schema.StringAttribute{
				MarkdownDescription: descNumberLabel + " It cannot be changed through the API, but can in the dashboard at any time: " +
					"plans keep its last known value and the apply records it as planned; a change made in the dashboard shows as drift " +
					"at the next refresh.",
				Computed: true,
			},
			"provider_name": schema.StringAttribute{
				MarkdownDescription: descNumberProvider,
				Computed:            true,
				PlanModifiers:       fixed,
			},
			"restore_point": restorePointAttribute(),
		},
		Blocks: map[string]schema.Block{
			"timeouts": resourceTimeoutsBlock(ctx),
		},
	}
}

func (r *numberResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configure(req.ProviderData, &resp.Diagnostics)
}

func (r *numberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config numberResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withDeadline(ctx, plan.Timeouts, opCreate, &resp.Diagnostics)
	defer cancel()
	e164 := plan.Number.ValueString()
	existing, found, err := r.client.CachedNumberByE164(ctx, e164)
	if err != nil {
		addFailure(ctx, &resp.Diagnostics, r.reports(), "Unable to look up number "+e164, err)
		return
	}
	if !found {
		addNumberNotInTeam(&resp.Diagnostics, e164, findingOf(plan.ID))
		return
	}
	if !plan.ID.IsUnknown() && plan.ID.ValueString() != existing.ID {
		resp.Diagnostics.AddAttributeError(path.Root("number"), "Number changed since the plan",
			fmt.Sprintf("When planned, %s had the ID %q; now the team's number %s has the ID %q: it was released and added "+
				"to the team again in between. Nothing was changed. Run terraform plan again to adopt the number as it is now.",
				e164, plan.ID.ValueString(), e164, existing.ID))
		return
	}
	plan.RestorePoint = restorePointOf(existing)
	sent := adoptionRequest(plan.numberModel, config.numberModel)
	updated, err := r.client.UpdateNumber(ctx, existing.ID, sent)
	if err != nil {
		addFailure(ctx, &resp.Diagnostics, r.reports(), "Unable to configure number "+e164, err)
		if mayHaveApplied(err) {
			// Keep the number in state with its restore point, as it was
			// before the write: Terraform marks it tainted, and the next
			// apply releases it as on_destroy says and adopts it again.
			plan.numberModel = newNumberModel(existing)
			resp.Diagnostics.AddAttributeWarning(path.Root("number"), "Number "+e164+" kept in state as tainted",
				"The change may have reached the API before the failure, so the number stays in state, with the values it had "+
					"before this apply and its restore point. Terraform marks it tainted: the next apply releases it as on_destroy "+
					"says (\"restore\" puts back the values it had before Terraform adopted it) and then adopts it again.")
			resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
			resp.Diagnostics.Append(setNumberIdentity(ctx, resp.Identity, existing.ID)...)
		}
		return
	}
	model, diags := appliedModel(plan.numberModel, newNumberModel(existing), sent, updated)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		// Written, but not as asked: keep it (tainted) as the API answered.
		model = answeredModel(newNumberModel(existing), sent, updated)
	}
	plan.numberModel = model
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	resp.Diagnostics.Append(setNumberIdentity(ctx, resp.Identity, existing.ID)...)
}

func (r *numberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state numberResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Before the lookup: the framework wants an identity even from a read
	// that removes the resource, and state written by older Terraform, OpenTofu
	// or provider versions has none yet.
	resp.Diagnostics.Append(setNumberIdentity(ctx, resp.Identity, state.ID.ValueString())...)
	ctx, cancel := withDeadline(ctx, state.Timeouts, opRead, &resp.Diagnostics)
	defer cancel()
	e164 := state.Number.ValueString()
	number, found, err := r.client.CachedNumber(ctx, state.ID.ValueString())
	if err != nil {
		addFailure(ctx, &resp.Diagnostics, r.reports(), "Unable to read number "+e164, err)
		return
	}
	if !found {
		r.readMissing(ctx, state, resp)
		return
	}
	// on_destroy, timeouts and the restore point live in state alone.
	state.numberModel = state.over(number)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// readMissing handles a number the listing lacks: it is removed from state
// only when the listing is evidence that it left the team.
func (r *numberResource) readMissing(ctx context.Context, state numberResourceModel, resp *resource.ReadResponse) {
	e164 := state.Number.ValueString()
	listing, err := r.client.CachedNumbers(ctx)
	if err != nil {
		addFailure(ctx, &resp.Diagnostics, r.reports(), "Unable to read number "+e164, err)
		return
	}
	if d := judgeDeparture(state.TeamID, listing); d != departed {
		summary, detail := departureExplanation(d, e164, state.TeamID, listing, r.keySource())
		if r.reports().explainedBy(summary, summary) != "" {
			detail = "Kept in state for the same reason as the error \"" + summary + "\", explained in full there."
		}
		resp.Diagnostics.AddError(summary, detail)
		return
	}
	resp.Diagnostics.AddWarning("Number "+e164+" left the team",
		fmt.Sprintf("The Interactly team no longer has number %s (ID %s): it was released or moved outside Terraform. "+
			"It was removed from state. A destroy needs nothing more; a plan proposes to adopt it again, which fails until "+
			"the team has the number back.", e164, state.ID.ValueString()))
	r.data.forgotten.remember(numberTypeName, e164) // data is set: Read runs configured
	resp.State.RemoveResource(ctx)
}

func (r *numberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state numberResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sent, needed := updateRequest(plan.numberModel, state.numberModel)
	if !needed {
		// Only on_destroy or timeouts changed, or ignore_changes kept every
		// change out of the plan: nothing to send.
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		resp.Diagnostics.Append(setNumberIdentity(ctx, resp.Identity, state.ID.ValueString())...)
		return
	}
	ctx, cancel := withDeadline(ctx, plan.Timeouts, opUpdate, &resp.Diagnostics)
	defer cancel()
	updated, err := r.client.UpdateNumber(ctx, state.ID.ValueString(), sent)
	if err != nil {
		// The state keeps the last known values (the framework's default),
		// so the next plan shows what still differs.
		addFailure(ctx, &resp.Diagnostics, r.reports(), "Unable to update number "+state.Number.ValueString(), err)
		return
	}
	model, diags := appliedModel(plan.numberModel, state.numberModel, sent, updated)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		// Record the number as the API answered, so the next plan starts
		// from what is true rather than from what was planned.
		state.numberModel = answeredModel(state.numberModel, sent, updated)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		return
	}
	plan.numberModel = model
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	resp.Diagnostics.Append(setNumberIdentity(ctx, resp.Identity, state.ID.ValueString())...)
}

func (r *numberResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state numberResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var body interactly.UpdateNumberRequest
	switch state.OnDestroy.ValueString() {
	case onDestroyKeep:
		return
	case onDestroyRestore:
		point := state.RestorePoint
		if point.IsNull() || point.IsUnknown() {
			resp.Diagnostics.AddWarning("No restore point for number "+state.Number.ValueString(),
				"on_destroy is \"restore\", but the state holds no record of the number as it was before Terraform adopted it "+
					"(restore_point is empty). The assistant was detached instead, as with \"detach\".")
			body = detachRequest()
			break
		}
		var diags diag.Diagnostics
		body, diags = restoreBody(ctx, point)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
	default:
		body = detachRequest()
	}
	ctx, cancel := withDeadline(ctx, state.Timeouts, opDelete, &resp.Diagnostics)
	defer cancel()
	_, err := r.client.UpdateNumber(ctx, state.ID.ValueString(), body)
	if err != nil && !interactly.IsNotFound(err) { // a number already gone needs nothing
		addFailure(ctx, &resp.Diagnostics, r.reports(), "Unable to release number "+state.Number.ValueString(), err)
	}
}

func (r *numberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, diags := importedNumberRef(ctx, req)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	// An import has no timeouts block yet: it reads under the read default.
	ctx, cancel := withDeadline(ctx, nullTimeouts(), opRead, &resp.Diagnostics)
	defer cancel()
	number, found, err := id.lookup(ctx, r.client)
	if err != nil {
		addFailure(ctx, &resp.Diagnostics, r.reports(), "Unable to import number "+id.value, err)
		return
	}
	if !found {
		listing, _ := r.client.CachedNumbers(ctx) // the listing the lookup just read
		resp.Diagnostics.AddError("Cannot import number "+id.value,
			notInTeamDetail(id.String(), listing, r.keySource())+" The ID is the number's \"_id\"; the interactly_numbers "+
				"data source lists them.")
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, importedNumber(number))...)
	resp.Diagnostics.Append(setNumberIdentity(ctx, resp.Identity, number.ID)...)
}

// importedNumber is the state of a number that an import (or a list
// resource's result) brings in: as the API has it, which is also its restore
// point, with the default on_destroy.
func importedNumber(n interactly.Number) numberResourceModel {
	return numberResourceModel{
		numberModel:  newNumberModel(n),
		OnDestroy:    types.StringValue(onDestroyDetach),
		RestorePoint: restorePointOf(n),
		Timeouts:     nullTimeouts(),
	}
}

func detachRequest() interactly.UpdateNumberRequest {
	none := ""
	return interactly.UpdateNumberRequest{AssistantID: &none}
}

// addNumberNotInTeam reports a number to adopt that the team does not have,
// at plan time or, when it left after the plan, at apply time.
func addNumberNotInTeam(diags *diag.Diagnostics, e164 string, found planFinding) {
	detail := fmt.Sprintf("The Interactly team of this API key has no number %s. interactly_number adopts numbers the team "+
		"already has; it cannot create them. Import the number from your carrier or purchase it in Interactly "+
		"(dashboard, or the Import/Purchase Number API), or correct the number, then plan again.", e164)
	summary := "Number not found in the team"
	if found == foundByThePlan {
		summary = "Number left the team after the plan"
		detail = "The team had the number when the plan was made, but no longer does; nothing was changed. " + detail
	}
	diags.AddAttributeError(path.Root("number"), summary, detail)
}
