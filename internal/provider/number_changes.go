package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// The PUT an apply sends is decided by the plan, never by the raw
// configuration: Terraform hands ApplyResourceChange the configuration
// without ignore_changes, which exists only in the plan. So an update sends
// exactly what the plan changes, and an attribute the plan keeps as the state
// has it (unchanged, ignored, or omitted) is neither sent nor checked.

// updateRequest is the PUT body that takes a number from state to plan: the
// assistant when the plan changes it (none is sent as "", which detaches),
// and each switch the plan changes. needed is false when the plan changes
// nothing the API holds, and then no call is made.
func updateRequest(plan, state numberModel) (body interactly.UpdateNumberRequest, needed bool) {
	if !plan.AssistantID.Equal(state.AssistantID) {
		assistant := plan.AssistantID.ValueString()
		body.AssistantID = &assistant
	}
	body.InboundEnabled = changedSwitch(plan.InboundEnabled, state.InboundEnabled)
	body.OutboundEnabled = changedSwitch(plan.OutboundEnabled, state.OutboundEnabled)
	return body, body.AssistantID != nil || body.InboundEnabled != nil || body.OutboundEnabled != nil
}

func changedSwitch(planned, state types.Bool) *bool {
	if planned.IsNull() || planned.IsUnknown() || planned.Equal(state) {
		return nil
	}
	return planned.ValueBoolPointer()
}

// adoptionRequest is the PUT body of an adoption: the planned assistant
// (none detaches one attached outside Terraform) and the switches the
// configuration sets. The configuration tells which switches are set:
// ignore_changes never applies to a create, so the create's configuration
// is the one the plan was made from; omitted switches were planned as the
// lookup found them and are left alone.
func adoptionRequest(plan, config numberModel) interactly.UpdateNumberRequest {
	assistant := plan.AssistantID.ValueString()
	body := interactly.UpdateNumberRequest{AssistantID: &assistant}
	if !config.InboundEnabled.IsNull() {
		body.InboundEnabled = plan.InboundEnabled.ValueBoolPointer()
	}
	if !config.OutboundEnabled.IsNull() {
		body.OutboundEnabled = plan.OutboundEnabled.ValueBoolPointer()
	}
	return body
}
