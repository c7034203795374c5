package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// The resource identity of interactly_knowledge_base is its ID.

func (r *knowledgeBaseResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema("The knowledge base's ID in Interactly.")
}

func setKnowledgeBaseIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id string) diag.Diagnostics {
	return setIDIdentity(ctx, identity, id)
}

func importedKnowledgeBaseID(ctx context.Context, req resource.ImportStateRequest) (string, diag.Diagnostics) {
	return importedID(ctx, req, "Give the ID of the knowledge base to import (shown in the Interactly dashboard).")
}
