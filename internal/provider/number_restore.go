package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// The restore point is the number as it was before Terraform adopted it:
// what on_destroy = "restore" puts back. It lives in state, not in private
// state, because Terraform drops a tainted object's private state when it
// plans the object's replacement: an adoption whose write may have been
// applied is saved tainted, and the destroy half of its replacement must
// still know what to put back.

// restorePointModel is the restore_point attribute.
type restorePointModel struct {
	AssistantID     types.String `tfsdk:"assistant_id"`
	InboundEnabled  types.Bool   `tfsdk:"inbound_enabled"`
	OutboundEnabled types.Bool   `tfsdk:"outbound_enabled"`
}

var restorePointTypes = map[string]attr.Type{
	"assistant_id":     types.StringType,
	"inbound_enabled":  types.BoolType,
	"outbound_enabled": types.BoolType,
}

// restorePointAttribute is an object-typed attribute rather than a nested
// attribute: Terraform 1.5 crashes generating configuration
// (-generate-config-out) for a resource with a computed nested attribute.
func restorePointAttribute() schema.ObjectAttribute {
	return schema.ObjectAttribute{
		MarkdownDescription: "The number as it was when Terraform adopted it (at create or import): what `on_destroy = \"restore\"` " +
			"puts back. `assistant_id` is the assistant attached then (null when none was), `inbound_enabled` and " +
			"`outbound_enabled` the switches (null when the API did not report them: a restore leaves them as they are). " +
			"Recorded by the apply that adopts the number and never changed afterwards.",
		AttributeTypes: restorePointTypes,
		Computed:       true,
	}
}

// restorePointOf records n as it is now.
func restorePointOf(n interactly.Number) types.Object {
	return restorePointValue(restoreRequest(n))
}

func restorePointValue(body interactly.UpdateNumberRequest) types.Object {
	assistant := ""
	if body.AssistantID != nil {
		assistant = *body.AssistantID
	}
	return types.ObjectValueMust(restorePointTypes, map[string]attr.Value{
		"assistant_id":     stringOrNull(assistant),
		"inbound_enabled":  types.BoolPointerValue(body.InboundEnabled),
		"outbound_enabled": types.BoolPointerValue(body.OutboundEnabled),
	})
}

// objectAsOptions reads an object into a struct as it is.
var objectAsOptions = basetypes.ObjectAsOptions{}

func nullRestorePoint() types.Object { return types.ObjectNull(restorePointTypes) }

// restoreBody is the PUT body that puts the restore point back: the
// assistant (or none) and each switch the API reported at adoption.
func restoreBody(ctx context.Context, point types.Object) (interactly.UpdateNumberRequest, diag.Diagnostics) {
	var m restorePointModel
	diags := point.As(ctx, &m, objectAsOptions)
	assistant := m.AssistantID.ValueString() // "" when none: detach
	return interactly.UpdateNumberRequest{
		AssistantID:     &assistant,
		InboundEnabled:  m.InboundEnabled.ValueBoolPointer(),
		OutboundEnabled: m.OutboundEnabled.ValueBoolPointer(),
	}, diags
}

// restoreRequest is the PUT body that puts n back as it is now: its assistant
// (or none) and both switches as the API reported them.
func restoreRequest(n interactly.Number) interactly.UpdateNumberRequest {
	assistant := n.AssistantID
	return interactly.UpdateNumberRequest{
		AssistantID:     &assistant,
		InboundEnabled:  n.InboundEnabled,
		OutboundEnabled: n.OutboundEnabled,
	}
}
