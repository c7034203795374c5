package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// numberModel holds the attributes of a number document. The resource and
// both data sources embed or list it, and newNumberModel is the one mapping
// from the API document to Terraform values that all of them use.
type numberModel struct {
	ID              types.String `tfsdk:"id"`
	Number          types.String `tfsdk:"number"`
	TeamID          types.String `tfsdk:"team_id"`
	Label           types.String `tfsdk:"label"`
	ProviderName    types.String `tfsdk:"provider_name"`
	AssistantID     types.String `tfsdk:"assistant_id"`
	InboundEnabled  types.Bool   `tfsdk:"inbound_enabled"`
	OutboundEnabled types.Bool   `tfsdk:"outbound_enabled"`
}

// newNumberModel maps an API document to Terraform values. Optional fields the
// API leaves out or sends empty (assistantId, label, the two switches) become
// null: an absent or empty assistantId means no assistant is attached.
func newNumberModel(n interactly.Number) numberModel {
	return numberModel{
		ID:              types.StringValue(n.ID),
		Number:          types.StringValue(n.Number),
		TeamID:          stringOrNull(n.TeamID),
		Label:           stringOrNull(n.LabelText()),
		ProviderName:    stringOrNull(n.Provider.Name),
		AssistantID:     stringOrNull(n.AssistantID),
		InboundEnabled:  types.BoolPointerValue(n.InboundEnabled),
		OutboundEnabled: types.BoolPointerValue(n.OutboundEnabled),
	}
}

// over maps an answer about a number whose last known values are m. The API
// may leave any optional field out of an answer, which says nothing about
// it: such a field keeps the value m had instead of becoming null. (An
// absent assistantId is the exception the docs make: it means no assistant.)
func (m numberModel) over(n interactly.Number) numberModel {
	out := newNumberModel(n)
	if n.TeamID == "" {
		out.TeamID = m.TeamID
	}
	if n.Provider.Name == "" {
		out.ProviderName = m.ProviderName
	}
	if n.Label == nil {
		out.Label = m.Label
	}
	if n.InboundEnabled == nil {
		out.InboundEnabled = m.InboundEnabled
	}
	if n.OutboundEnabled == nil {
		out.OutboundEnabled = m.OutboundEnabled
	}
	return out
}

func stringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
