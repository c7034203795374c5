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

// Resources whose identity is the object's ID alone (the assistant, the
// knowledge base) record and read it the same way.

// idIdentitySchema is the identity schema { id }, described by desc.
func idIdentitySchema(desc string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{Description: desc, RequiredForImport: true},
		},
	}
}

// setIDIdentity records an identity of { id }.
func setIDIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id string) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.SetAttribute(ctx, path.Root("id"), types.StringValue(id))
}

// importedID is the ID an import names: the import ID, or else the id of an
// import block's identity. hint says what to give when there is neither.
func importedID(ctx context.Context, req resource.ImportStateRequest, hint string) (string, diag.Diagnostics) {
	var diags diag.Diagnostics
	id := strings.TrimSpace(req.ID)
	if id == "" && req.Identity != nil {
		var fromIdentity types.String
		diags.Append(req.Identity.GetAttribute(ctx, path.Root("id"), &fromIdentity)...)
		id = strings.TrimSpace(fromIdentity.ValueString())
	}
	if id == "" && !diags.HasError() {
		diags.AddError("Invalid import ID", hint)
	}
	return id, diags
}
