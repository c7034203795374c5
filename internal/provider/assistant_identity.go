package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// The resource identity of interactly_assistant is the assistant's ID: it
// names one assistant across every team and never changes.

var _ resource.ResourceWithIdentity = (*assistantResource)(nil)

func (r *assistantResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema("The assistant's ID in Interactly (its `_id`).")
}

// setAssistantIdentity records the identity of the assistant with this ID.
func setAssistantIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id string) diag.Diagnostics {
	return setIDIdentity(ctx, identity, id)
}

// importedAssistantID is the assistant an import names: the import ID, or
// else the id of an import block's identity.
func importedAssistantID(ctx context.Context, req resource.ImportStateRequest) (string, diag.Diagnostics) {
	return importedID(ctx, req, "Give the ID of the assistant to import (its \"_id\", shown in the Interactly dashboard).")
}
