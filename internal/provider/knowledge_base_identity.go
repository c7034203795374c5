package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The resource identity of interactly_knowledge_base is its ID.

func (r *knowledgeBaseResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{
				Description:       "The knowledge base's ID in Interactly.",
				RequiredForImport: true,
			},
		},
	}
}

func setKnowledgeBaseIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id string) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.SetAttribute(ctx, path.Root("id"), types.StringValue(id))
}

// importedKnowledgeBaseID is the import ID, or else the id of an import
// block's identity.
func importedKnowledgeBaseID(ctx context.Context, req resource.ImportStateRequest) (string, diag.Diagnostics) {
	var diags diag.Diagnostics
	id := strings.TrimSpace(req.ID)
	if id == "" && req.Identity != nil {
		var fromIdentity types.String
		diags.Append(req.Identity.GetAttribute(ctx, path.Root("id"), &fromIdentity)...)
		id = strings.TrimSpace(fromIdentity.ValueString())
	}
	if id == "" && !diags.HasError() {
		diags.AddError("Invalid import ID", "Give the ID of the knowledge base to import (shown in the Interactly dashboard).")
	}
	return id, diags
}
