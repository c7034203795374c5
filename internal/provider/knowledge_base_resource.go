package provider

import (
	"context"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/numberdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

var (
	_ resource.Resource                = (*knowledgeBaseResource)(nil)
	_ resource.ResourceWithConfigure   = (*knowledgeBaseResource)(nil)
	_ resource.ResourceWithImportState = (*knowledgeBaseResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*knowledgeBaseResource)(nil)
	_ resource.ResourceWithIdentity    = (*knowledgeBaseResource)(nil)
)

// NewKnowledgeBaseResource is the interactly_knowledge_base resource: the
// first object the provider creates rather than adopts. The API cannot
// delete a knowledge base, so destroy empties it (or keeps it) and forgets it.
func NewKnowledgeBaseResource() resource.Resource { return &knowledgeBaseResource{} }

type knowledgeBaseResource struct {
	configured
}

// on_destroy values of interactly_knowledge_base.
const (
	onDestroyEmpty = "empty"
	// onDestroyKeep ("keep") is shared with interactly_assistant.
)

// knowledgeBaseSubject is what the knowledge base's timeout messages name.
const knowledgeBaseSubject = "the knowledge base"

func withKnowledgeBaseDeadline(ctx context.Context, t timeouts.Value, op operation, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	return withDeadlineOn(ctx, t, op, knowledgeBaseSubject, diags)
}

func (r *knowledgeBaseResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_knowledge_base"
}

func (r *knowledgeBaseResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configure(req.ProviderData, &resp.Diagnostics)
}

// kbURLAttributes are the attributes of an include_urls or exclude_urls entry.
func kbURLAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"url": schema.StringAttribute{
			MarkdownDescription: "The page's `http://` or `https://` URL.",
			Required:            true,
			Validators:          []validator.String{httpURL()},
		},
		"recursive": schema.BoolAttribute{
			MarkdownDescription: "Whether the pages it links to are crawled too. Default `false`.",
			Optional:            true, Computed: true, Default: booldefault.StaticBool(false),
		},
		"subpaths_only": schema.BoolAttribute{
			MarkdownDescription: "Whether a recursive crawl stays below the URL's path. Default `false`.",
			Optional:            true, Computed: true, Default: booldefault.StaticBool(false),
		},
	}
}

func (r *knowledgeBaseResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A knowledge base: the web pages and files an assistant looks answers up in. Terraform creates it, " +
			"uploads the local files of `files` and keeps it as configured. The API cannot delete a knowledge base: destroying " +
			"the resource empties it (`on_destroy`) and leaves it to be deleted in the dashboard.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The knowledge base's ID, for `interactly_assistant`'s `knowledge_base_ids`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"title": schema.StringAttribute{
				MarkdownDescription: settingDesc("title"),
				Required:            true,
				Validators:          []validator.String{notEmptyString{hint: "give the knowledge base a title"}},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: settingDesc("description") + " Leave it out for none.",
				Optional:            true,
				Validators:          []validator.String{notEmptyString{hint: "leave description out for none"}},
			},
			"files": schema.SetAttribute{
				MarkdownDescription: "Local files Terraform uploads and owns, by path (such as `\"${path.module}/kb/menu.pdf\"`). " +
					"Every plan reads each file and shows its SHA-256 in `uploaded_files`, so a file changed on disk shows as a change: " +
					"the apply uploads the new file, points the knowledge base at it, then deletes the old one. A file removed from " +
					"this list is deleted from Interactly after the knowledge base stops holding it. A missing or unreadable file fails the plan.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(notEmptyString{hint: "give the path of a file"})},
			},
			"file_ids": schema.SetAttribute{
				MarkdownDescription: "IDs of files already in Interactly that the knowledge base holds as they are. Terraform never " +
					"uploads or deletes them. An import brings every file of the knowledge base in here.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(notEmptyString{hint: "give the ID of a file"})},
			},
			"include_urls": schema.ListNestedAttribute{
				MarkdownDescription: "Web pages the knowledge base crawls.",
				Optional:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: kbURLAttributes()},
			},
			"exclude_urls": schema.ListNestedAttribute{
				MarkdownDescription: "Web pages the crawl leaves out.",
				Optional:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: kbURLAttributes()},
			},
			"retrain_frequency_minutes": schema.NumberAttribute{
				MarkdownDescription: settingDesc("retrain_frequency_minutes") + " Default `0`.",
				Optional:            true, Computed: true, Default: numberdefault.StaticBigFloat(big.NewFloat(0)),
				Validators: []validator.Number{settings.WholeAtLeast(0), retrainFrequency{}},
			},
			"wait_for_training": schema.BoolAttribute{
				MarkdownDescription: "Whether create and update wait until the knowledge base is `trained`, within their timeout. " +
					"One still training when the timeout ends is kept in state with its status and a warning. Default `true`.",
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
			},
			"on_destroy": schema.StringAttribute{
				MarkdownDescription: "What destroy does, since the API cannot delete a knowledge base: `\"empty\"` (the default) removes " +
					"its URLs and files, deletes the files Terraform uploaded and forgets it with a warning naming it, so it can be " +
					"deleted in the dashboard; `\"keep\"` only forgets it, as it is.",
				Optional: true, Computed: true, Default: stringdefault.StaticString(onDestroyEmpty),
				Validators: []validator.String{stringvalidator.OneOf(onDestroyEmpty, onDestroyKeep)},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Where training stands: `draft`, `created`, `queued`, `training` or `trained`. Null when the API did not say.",
				Computed:            true,
			},
			"uploaded_files": schema.MapNestedAttribute{
				MarkdownDescription: "The files of `files` as uploaded, by path: the file's `id` in Interactly and the `sha256` of what was uploaded.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":     schema.StringAttribute{Computed: true, MarkdownDescription: "The file's ID in Interactly."},
					"sha256": schema.StringAttribute{Computed: true, MarkdownDescription: "The SHA-256 of the file, in hex."},
				}},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": resourceTimeoutsBlockWith(ctx, knowledgeBaseTimeoutOptions()),
		},
	}
}

func knowledgeBaseTimeoutOptions() timeouts.Opts {
	describe := func(op operation, what string) string {
		return "How long " + what + " may take, every retry and rate-limit wait included, as a duration such as `\"30s\"` or `\"10m\"`. " +
			"Default `\"" + shortDuration(op.defaultTimeout) + "\"`."
	}
	return timeouts.Opts{
		Create: true, CreateDescription: describe(opCreate, "creating the knowledge base (uploads and the wait for training included)"),
		Read: true, ReadDescription: describe(opRead, "reading the knowledge base during a refresh"),
		Update: true, UpdateDescription: describe(opUpdate, "an update (uploads, deletions and the wait for training included)"),
		Delete: true, DeleteDescription: describe(opDelete, "emptying the knowledge base as on_destroy says (delete)"),
	}
}
