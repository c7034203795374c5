package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// appliedModel is what the state records after an apply sent sent to a number
// whose last known values are known, and the API answered answer.
//
// Every value the plan showed as known is recorded as planned: that is the
// plan's promise, and a change made in the dashboard meanwhile shows as
// ordinary drift at the next refresh. A value the plan left unknown (the
// number itself was only known at apply) takes what the API says.
// An answer that contradicts what was sent means the API did not apply it,
// which is an error naming the attribute rather than something to record.
func appliedModel(planned, known numberModel, sent interactly.UpdateNumberRequest, answer interactly.Number) (numberModel, diag.Diagnostics) {
	return planned.withUnknownsFrom(answeredModel(known, sent, answer)), contradictions(sent, answer)
}

// answeredModel is the number as the API's answer to sent shows it. A value
// sent and left out of the answer is recorded as sent (the update succeeded,
// so it holds); a value neither sent nor answered keeps its last known value.
func answeredModel(known numberModel, sent interactly.UpdateNumberRequest, answer interactly.Number) numberModel {
	if sent.InboundEnabled != nil {
		known.InboundEnabled = types.BoolPointerValue(sent.InboundEnabled)
	}
	if sent.OutboundEnabled != nil {
		known.OutboundEnabled = types.BoolPointerValue(sent.OutboundEnabled)
	}
	out := known.over(answer)
	if sent.AssistantID != nil && answer.AssistantID == "" {
		// An answer to a PUT without an assistant leaves the field out; it
		// is not a detach.
		out.AssistantID = stringOrNull(*sent.AssistantID)
	}
	return out
}

// contradictions reports each sent value that the answer contradicts.
func contradictions(sent interactly.UpdateNumberRequest, answer interactly.Number) diag.Diagnostics {
	var diags diag.Diagnostics
	contradicts := func(attribute string, sentValue, answered any) {
		diags.AddAttributeError(path.Root(attribute), "The API did not apply "+attribute,
			fmt.Sprintf("Number %s was updated with %s = %v, but the API answered %v. It may refuse the value without an error, "+
				"or someone changed the number at the same moment. Run terraform plan to see the number as it is now, then apply again.",
				answer.Number, attribute, sentValue, answered))
	}
	if sent.AssistantID != nil {
		if a := answer.AssistantID; a != "" && a != *sent.AssistantID {
			contradicts("assistant_id", fmt.Sprintf("%q", *sent.AssistantID), fmt.Sprintf("%q", a))
		}
	}
	if sent.InboundEnabled != nil && answer.InboundEnabled != nil && *answer.InboundEnabled != *sent.InboundEnabled {
		contradicts("inbound_enabled", *sent.InboundEnabled, *answer.InboundEnabled)
	}
	if sent.OutboundEnabled != nil && answer.OutboundEnabled != nil && *answer.OutboundEnabled != *sent.OutboundEnabled {
		contradicts("outbound_enabled", *sent.OutboundEnabled, *answer.OutboundEnabled)
	}
	return diags
}

// withUnknownsFrom keeps every known value of m and takes the others from o.
func (m numberModel) withUnknownsFrom(o numberModel) numberModel {
	str := func(v, other types.String) types.String {
		if v.IsUnknown() {
			return other
		}
		return v
	}
	boolean := func(v, other types.Bool) types.Bool {
		if v.IsUnknown() {
			return other
		}
		return v
	}
	return numberModel{
		ID:              str(m.ID, o.ID),
		Number:          str(m.Number, o.Number),
		TeamID:          str(m.TeamID, o.TeamID),
		Label:           str(m.Label, o.Label),
		ProviderName:    str(m.ProviderName, o.ProviderName),
		AssistantID:     str(m.AssistantID, o.AssistantID),
		InboundEnabled:  boolean(m.InboundEnabled, o.InboundEnabled),
		OutboundEnabled: boolean(m.OutboundEnabled, o.OutboundEnabled),
	}
}

// quietPlan is the plan of a number that stays adopted: what the
// configuration sets, and for everything else the values last known, so the
// plan shows as changing only what the apply will change. The configuration
// here is the one Terraform planned from, with ignore_changes applied.
func quietPlan(config, known numberModel) numberModel {
	out := known
	out.AssistantID = config.AssistantID
	if !config.InboundEnabled.IsNull() {
		out.InboundEnabled = config.InboundEnabled
	}
	if !config.OutboundEnabled.IsNull() {
		out.OutboundEnabled = config.OutboundEnabled
	}
	return out
}
