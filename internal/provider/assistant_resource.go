package provider

import (
	"context"

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
)

const assistantResourceType = "interactly_assistant"

var (
	_ resource.Resource                = (*assistantResource)(nil)
	_ resource.ResourceWithConfigure   = (*assistantResource)(nil)
	_ resource.ResourceWithImportState = (*assistantResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*assistantResource)(nil)
)

// NewAssistantResource is the interactly_assistant resource. The API cannot
// create or delete assistants, so the resource adopts one the team made in
// the dashboard: create looks it up and applies the configured settings,
// destroy keeps it as it is or restores what Terraform changed.
func NewAssistantResource() resource.Resource { return &assistantResource{} }

type assistantResource struct {
	configured
}

// assistantSubject is what the assistant's timeout messages name.
const assistantSubject = "the assistant"

// withAssistantDeadline bounds ctx by the assistant's timeout for op.
func withAssistantDeadline(ctx context.Context, t timeouts.Value, op operation, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	return withDeadlineOn(ctx, t, op, assistantSubject, diags)
}

// Attributes of interactly_assistant besides its settings.
const (
	attrID                   = "id"
	attrAssistantID          = "assistant_id"
	attrTeamID               = "team_id"
	attrWebhookSecret        = "webhook_secret"
	attrWebhookSecretWO      = "webhook_secret_wo"
	attrWebhookSecretVersion = "webhook_secret_wo_version"
	attrOnDestroy            = "on_destroy"
	attrRestorePoint         = "restore_point"
	attrTimeouts             = "timeouts"
)

func (r *assistantResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_assistant"
}

func (r *assistantResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attributes := resourceSettingAttributes()
	// The ID and the team belong to the assistant for good.
	fixed := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	attributes[attrID] = schema.StringAttribute{
		MarkdownDescription: "The assistant's ID, the same as `assistant_id`, so that a number can say `assistant_id = interactly_assistant.front_desk.id`.",
		Computed:            true,
		PlanModifiers:       fixed,
	}
	attributes[attrAssistantID] = schema.StringAttribute{
		MarkdownDescription: "ID of the assistant to adopt, made in the Interactly dashboard (its `_id`). The plan looks it up: " +
			"an ID the team of the API key does not have fails the plan. Changing it releases this assistant (as `on_destroy` says) and adopts the other.",
		Required:      true,
		Validators:    []validator.String{notEmptyString{hint: "give the ID of an assistant of the team"}},
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
	attributes[attrTeamID] = schema.StringAttribute{
		MarkdownDescription: "The team that owns the assistant, when the API reports it.",
		Computed:            true,
		PlanModifiers:       fixed,
	}
	attributes[attrWebhookSecret] = schema.StringAttribute{
		MarkdownDescription: "The webhook's secret, sent to your server as the header `x-interactly-secret`. Sensitive: it is kept in state " +
			"(use `webhook_secret_wo` to keep it out). The API never shows it, so a change made in the dashboard cannot be seen; " +
			"omitted, the secret is left as it is.",
		Optional:   true,
		Sensitive:  true,
		Validators: []validator.String{stringvalidator.ConflictsWith(path.MatchRoot(attrWebhookSecretWO))},
	}
	attributes[attrWebhookSecretWO] = schema.StringAttribute{
		MarkdownDescription: "The webhook's secret as a write-only argument (Terraform 1.11 or later): never stored in the plan or state. " +
			"It is sent when the resource is created and whenever `webhook_secret_wo_version` changes.",
		Optional:   true,
		Sensitive:  true,
		WriteOnly:  true,
		Validators: []validator.String{stringvalidator.ConflictsWith(path.MatchRoot(attrWebhookSecret))},
	}
	attributes[attrWebhookSecretVersion] = schema.NumberAttribute{
		MarkdownDescription: "Any number; change it to send `webhook_secret_wo` again (to rotate the secret). `webhook_secret_wo` " +
			"is needed only by a plan that sends it: one that adopts the assistant with a version, or changes the version. A plan " +
			"that leaves the version as it is needs no secret, so a drift check can run without it.",
		Optional: true,
	}
	attributes[attrRestorePoint] = schema.StringAttribute{
		MarkdownDescription: "The assistant's settings as they were when Terraform adopted it (at create or import), as the API's " +
			"document fields in JSON: what `on_destroy = \"restore\"` puts back, for the fields Terraform changed. Recorded by the " +
			"apply that adopts the assistant and never changed afterwards; kept across the replacement of an adoption that failed. " +
			"Sensitive: it may hold the webhook's headers.",
		Computed:  true,
		Sensitive: true,
	}
	attributes[attrOnDestroy] = schema.StringAttribute{
		MarkdownDescription: "What `terraform destroy` (or removing the resource) does to the assistant, which the API cannot delete: " +
			"`\"keep\"` (default) leaves it as it is and only removes it from state; `\"restore\"` puts back every setting Terraform " +
			"changed as it was when Terraform adopted the assistant (at create or import).",
		Optional:   true,
		Computed:   true,
		Default:    stringdefault.StaticString(onDestroyKeep),
		Validators: []validator.String{stringvalidator.OneOf(onDestroyKeep, onDestroyRestore)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Adopts an assistant (a voice agent) that the Interactly team already has and manages its settings: " +
			"prompt, welcome message, model, voice, tools, webhook.\n\n" +
			"The API cannot create or delete assistants: creating this resource adopts one made in the dashboard, and destroying it " +
			"keeps or restores it as `on_destroy` says. Every setting is optional: a setting in the configuration is enforced, " +
			"one left out is left as it is and recorded from the API.",
		Attributes: attributes,
		Blocks: map[string]schema.Block{
			attrTimeouts: resourceTimeoutsBlockWith(ctx, timeouts.Opts{
				Create: true, CreateDescription: describeTimeout(opCreate, "adopting the assistant, and looking it up when the plan is made"),
				Read: true, ReadDescription: describeTimeout(opRead, "reading the assistant during a refresh or an import"),
				Update: true, UpdateDescription: describeTimeout(opUpdate, "an update"),
				Delete: true, DeleteDescription: describeTimeout(opDelete, "releasing the assistant as on_destroy says"),
			}),
		},
	}
}

func describeTimeout(op operation, what string) string {
	return "How long " + what + " may take, every retry and rate-limit wait included, as a duration such as `\"30s\"` " +
		"or `\"10m\"`. Default `\"" + shortDuration(op.defaultTimeout) + "\"`."
}

func (r *assistantResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configure(req.ProviderData, &resp.Diagnostics)
}

// forgotten is the process's record of objects a Read removed, nil before
// Configure.
func (r *assistantResource) forgotten() *forgottenObjects {
	if r.data == nil {
		return nil
	}
	return r.data.forgotten
}
