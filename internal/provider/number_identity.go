package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The resource identity of interactly_number is the number's ID alone: it
// names one number across every team and never changes while the number
// exists. Terraform 1.12 and later store it beside the state, import by it
// (an import block with identity = { id = ... }) and list resources return
// it; older Terraform and OpenTofu ignore it.

var _ resource.ResourceWithIdentity = (*numberResource)(nil)

type numberIdentityModel struct {
	ID types.String `tfsdk:"id"`
}

func (r *numberResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{
				Description:       "The number's ID in Interactly (its `_id`), as shown by the `interactly_numbers` data source.",
				RequiredForImport: true,
			},
		},
	}
}

// setNumberIdentity records the identity of the number with this ID. The
// framework hands every create, read, update and import response (and every
// list result) an identity to fill, and fails the operation if it stays
// empty; nil only happens for a resource without an identity schema.
func setNumberIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id string) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.Set(ctx, numberIdentityModel{ID: types.StringValue(id)})
}

// importedNumberRef says which number an import names: the import ID (an
// import block's id, or the terraform import argument), or else the identity
// of an import block's identity argument. An identity is always the number's
// ID, never a phone number, as the identity the provider stores.
func importedNumberRef(ctx context.Context, req resource.ImportStateRequest) (numberRef, diag.Diagnostics) {
	var diags diag.Diagnostics
	if req.ID != "" || req.Identity == nil {
		ref, err := parseNumberImportID(req.ID)
		if err != nil {
			diags.AddError("Invalid import ID", err.Error())
		}
		return ref, diags
	}
	var id types.String
	diags.Append(req.Identity.GetAttribute(ctx, path.Root("id"), &id)...)
	if diags.HasError() {
		return numberRef{}, diags
	}
	value := strings.TrimSpace(id.ValueString())
	switch {
	case value == "":
		diags.AddError("Invalid import identity",
			"The identity's id is empty. Give the number's ID (its \"_id\"; see the interactly_numbers data source).")
	case strings.HasPrefix(value, "+"):
		diags.AddError("Invalid import identity",
			fmt.Sprintf("The identity's id %q looks like a phone number, but an identity holds the number's ID (its \"_id\"; "+
				"see the interactly_numbers data source). To import by phone number, write id = %q in the import block instead of identity.", value, value))
	}
	if diags.HasError() {
		return numberRef{}, diags
	}
	return numberRef{value: value}, diags
}
