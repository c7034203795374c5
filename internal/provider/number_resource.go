package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
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
)

// NewNumberResource is the interactly_number resource. The API cannot create
// or delete numbers, so the resource adopts a number the team already has:
// create finds it and applies the configuration, destroy lets it go as
// on_destroy says.
func NewNumberResource() resource.Resource { return &numberResource{} }

type numberResource struct {
	client *interactly.Client
}

type numberResourceModel struct {
	numberModel
	OnDestroy types.String `tfsdk:"on_destroy"`
}

func (r *numberResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_number"
}

func (r *numberResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Adopts a phone number the Interactly team already has and manages which assistant answers it " +
			"and whether inbound and outbound calls are enabled.\n\n" +
			"Numbers cannot be created or deleted through the Interactly API: creating this resource finds the number " +
			"in the team (import or purchase it first), and destroying it detaches, restores or keeps it as `on_destroy` says.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The number's ID in Interactly (`_id`).",
				Computed:            true,
				PlanModifiers:       keep,
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
				MarkdownDescription: "Whether inbound calls are enabled. When omitted it is left as it is in Interactly and recorded in state.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"outbound_enabled": schema.BoolAttribute{
				MarkdownDescription: "Whether outbound calls are enabled. When omitted it is left as it is in Interactly and recorded in state.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
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
				MarkdownDescription: "ID of the team that owns the number.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"label": schema.StringAttribute{
				MarkdownDescription: "The number's friendly name in Interactly. It cannot be changed through the API.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"provider_name": schema.StringAttribute{
				MarkdownDescription: "The telephony carrier of the number, such as `twilio`.",
				Computed:            true,
				PlanModifiers:       keep,
			},
		},
	}
}

func (r *numberResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *numberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config numberResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	e164 := plan.Number.ValueString()
	existing, found, err := r.client.NumberByE164(ctx, e164)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to look up number "+e164, err)
		return
	}
	if !found {
		resp.Diagnostics.AddAttributeError(path.Root("number"), "Number not found in the team",
			fmt.Sprintf("The Interactly team of this API key has no number %s. interactly_number adopts numbers the team "+
				"already has; it cannot create them. Import the number from your carrier or purchase it in Interactly "+
				"(dashboard, or the Import/Purchase Number API), or correct the number, then apply again.", e164))
		return
	}
	resp.Diagnostics.Append(saveRestorePoint(ctx, resp.Private, existing)...)
	if resp.Diagnostics.HasError() {
		return
	}

	updated, err := r.client.UpdateNumber(ctx, existing.ID, desiredUpdate(config))
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to configure number "+e164, err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, numberResourceModel{
		numberModel: newNumberModel(updated),
		OnDestroy:   plan.OnDestroy,
	})...)
	resp.Diagnostics.Append(setNumberIdentity(ctx, resp.Identity, updated.ID)...)
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
	number, found, err := r.client.Number(ctx, state.ID.ValueString())
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to read number "+state.Number.ValueString(), err)
		return
	}
	if !found {
		// Released or moved outside Terraform: drop it so the next plan
		// proposes to adopt it again instead of failing.
		resp.State.RemoveResource(ctx)
		return
	}
	// on_destroy lives in state alone; create and import always set it.
	resp.Diagnostics.Append(resp.State.Set(ctx, numberResourceModel{
		numberModel: newNumberModel(number),
		OnDestroy:   state.OnDestroy,
	})...)
}

func (r *numberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state, config numberResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !plan.AssistantID.Equal(state.AssistantID) ||
		!plan.InboundEnabled.Equal(state.InboundEnabled) ||
		!plan.OutboundEnabled.Equal(state.OutboundEnabled) {
		updated, err := r.client.UpdateNumber(ctx, state.ID.ValueString(), desiredUpdate(config))
		if err != nil {
			addAPIError(&resp.Diagnostics, "Unable to update number "+state.Number.ValueString(), err)
			return
		}
		plan.numberModel = newNumberModel(updated)
	}
	// Otherwise only on_destroy changed, which lives in state alone.
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
		restore, found, diags := loadRestorePoint(ctx, req.Private)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		if !found {
			resp.Diagnostics.AddWarning("No restore point for number "+state.Number.ValueString(),
				"on_destroy is \"restore\", but the state holds no record of the number as it was before Terraform adopted it "+
					"(it was adopted by an older provider version). The assistant was detached instead, as with \"detach\".")
			body = detachRequest()
		} else {
			body = restore
		}
	default:
		body = detachRequest()
	}
	_, err := r.client.UpdateNumber(ctx, state.ID.ValueString(), body)
	if err != nil && !interactly.IsNotFound(err) { // a number already gone needs nothing
		addAPIError(&resp.Diagnostics, "Unable to release number "+state.Number.ValueString(), err)
	}
}

func (r *numberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, diags := importedNumberRef(ctx, req)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	number, found, err := id.lookup(ctx, r.client)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to import number "+id.value, err)
		return
	}
	if !found {
		resp.Diagnostics.AddError("Cannot import number "+id.value,
			fmt.Sprintf("The Interactly team of this API key has no number with %s. Check the value (the ID is the number's "+
				"\"_id\"; see the interactly_numbers data source) and that the API key belongs to the team that owns it.", id))
		return
	}
	resp.Diagnostics.Append(saveRestorePoint(ctx, resp.Private, number)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, numberResourceModel{
		numberModel: newNumberModel(number),
		OnDestroy:   types.StringValue(onDestroyDetach),
	})...)
	resp.Diagnostics.Append(setNumberIdentity(ctx, resp.Identity, number.ID)...)
}

// desiredUpdate is the PUT body that makes a number match the configuration.
// The assistant is always sent (omitted in configuration means detach); the
// switches only when configured, so omitted ones stay as the server has them.
func desiredUpdate(config numberResourceModel) interactly.UpdateNumberRequest {
	assistant := config.AssistantID.ValueString() // "" when null: detach
	return interactly.UpdateNumberRequest{
		AssistantID:     &assistant,
		InboundEnabled:  config.InboundEnabled.ValueBoolPointer(),
		OutboundEnabled: config.OutboundEnabled.ValueBoolPointer(),
	}
}

func detachRequest() interactly.UpdateNumberRequest {
	none := ""
	return interactly.UpdateNumberRequest{AssistantID: &none}
}
