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

// The resource identity of interactly_assistant is the assistant's ID: it
// names one assistant across every team and never changes.

var _ resource.ResourceWithIdentity = (*assistantResource)(nil)

func (r *assistantResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			attrID: identityschema.StringAttribute{
				Description:       "The assistant's ID in Interactly (its `_id`).",
				RequiredForImport: true,
			},
		},
	}
}

// setAssistantIdentity records the identity of the assistant with this ID.
func setAssistantIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id string) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.SetAttribute(ctx, path.Root(attrID), types.StringValue(id))
}

// importedAssistantID is the assistant an import names: the import ID, or
// else the id of an import block's identity.
func importedAssistantID(ctx context.Context, req resource.ImportStateRequest) (string, diag.Diagnostics) {
	var diags diag.Diagnostics
	id := strings.TrimSpace(req.ID)
	if id == "" && req.Identity != nil {
		var fromIdentity types.String
		diags.Append(req.Identity.GetAttribute(ctx, path.Root(attrID), &fromIdentity)...)
		id = strings.TrimSpace(fromIdentity.ValueString())
	}
	if id == "" && !diags.HasError() {
		diags.AddError("Invalid import ID", "Give the ID of the assistant to import (its \"_id\", shown in the Interactly dashboard).")
	}
	return id, diags
}
