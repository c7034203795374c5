package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestUpdateRequestSendsWhatThePlanChanges(t *testing.T) {
	t.Parallel()
	state := numberModel{
		AssistantID: types.StringValue("a1"), InboundEnabled: types.BoolValue(true), OutboundEnabled: types.BoolValue(false),
	}

	if body, needed := updateRequest(state, state); needed {
		t.Errorf("a plan equal to the state (ignore_changes, omitted values) sends %+v", body)
	}

	plan := state
	plan.InboundEnabled = types.BoolValue(false)
	body, needed := updateRequest(plan, state)
	if !needed || body.AssistantID != nil || body.InboundEnabled == nil || *body.InboundEnabled || body.OutboundEnabled != nil {
		t.Errorf("a switch change sends %+v (needed %v); want inbound only", body, needed)
	}

	plan = state
	plan.AssistantID = types.StringNull()
	body, needed = updateRequest(plan, state)
	if !needed || body.AssistantID == nil || *body.AssistantID != "" || body.InboundEnabled != nil || body.OutboundEnabled != nil {
		t.Errorf("a detach sends %+v; want the assistant \"\" only", body)
	}

	plan = state
	plan.AssistantID = types.StringValue("a2")
	plan.OutboundEnabled = types.BoolNull() // a switch the API never reported and the configuration omits
	body, _ = updateRequest(plan, state)
	if body.AssistantID == nil || *body.AssistantID != "a2" || body.OutboundEnabled != nil {
		t.Errorf("an assistant change sends %+v", body)
	}
}

func TestAdoptionRequestSendsTheAssistantAndConfiguredSwitches(t *testing.T) {
	t.Parallel()
	plan := numberModel{
		AssistantID: types.StringNull(), InboundEnabled: types.BoolValue(true), OutboundEnabled: types.BoolValue(false),
	}
	config := numberModel{AssistantID: types.StringNull(), InboundEnabled: types.BoolNull(), OutboundEnabled: types.BoolValue(false)}
	body := adoptionRequest(plan, config)
	if body.AssistantID == nil || *body.AssistantID != "" {
		t.Errorf("an omitted assistant is not detached: %+v", body)
	}
	if body.InboundEnabled != nil {
		t.Errorf("an omitted switch (planned from the lookup) is sent: %+v", body)
	}
	if body.OutboundEnabled == nil || *body.OutboundEnabled {
		t.Errorf("a configured switch is not sent as planned: %+v", body)
	}
}

func TestQuietPlanKeepsWhatTheConfigurationOmits(t *testing.T) {
	t.Parallel()
	known := numberModel{
		ID: types.StringValue("n1"), Label: types.StringValue("front-desk"), AssistantID: types.StringValue("a1"),
		InboundEnabled: types.BoolValue(true), OutboundEnabled: types.BoolValue(false),
	}
	config := numberModel{AssistantID: types.StringNull(), InboundEnabled: types.BoolNull(), OutboundEnabled: types.BoolValue(true)}
	got := quietPlan(config, known)
	want := known
	want.AssistantID, want.OutboundEnabled = types.StringNull(), types.BoolValue(true)
	if got != want {
		t.Errorf("quietPlan:\n got %+v\nwant %+v", got, want)
	}
	config.AssistantID = types.StringUnknown()
	if got := quietPlan(config, known); !got.AssistantID.IsUnknown() {
		t.Errorf("an assistant known only after apply is planned as %v", got.AssistantID)
	}
}
