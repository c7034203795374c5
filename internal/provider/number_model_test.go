package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

func TestNewNumberModel(t *testing.T) {
	t.Parallel()
	on, off := true, false
	full := interactly.Number{ID: "n1", TeamID: "t1", Number: "+14155550100", Provider: interactly.Provider{Name: "twilio"},
		AssistantID: "a1", InboundEnabled: &on, OutboundEnabled: &off, Label: "support"}
	got := newNumberModel(full)
	want := numberModel{
		ID: types.StringValue("n1"), Number: types.StringValue("+14155550100"), TeamID: types.StringValue("t1"),
		Label: types.StringValue("support"), ProviderName: types.StringValue("twilio"), AssistantID: types.StringValue("a1"),
		InboundEnabled: types.BoolValue(true), OutboundEnabled: types.BoolValue(false),
	}
	if got != want {
		t.Errorf("full document:\n got %+v\nwant %+v", got, want)
	}

	// Absent or empty optional fields are null: an empty assistantId means none.
	sparse := newNumberModel(interactly.Number{ID: "n2", Number: "+12", AssistantID: ""})
	for name, v := range map[string]interface{ IsNull() bool }{
		"assistant_id": sparse.AssistantID, "label": sparse.Label, "team_id": sparse.TeamID,
		"provider_name": sparse.ProviderName, "inbound_enabled": sparse.InboundEnabled, "outbound_enabled": sparse.OutboundEnabled,
	} {
		if !v.IsNull() {
			t.Errorf("%s = %v, want null", name, v)
		}
	}
}

func TestDesiredUpdate(t *testing.T) {
	t.Parallel()
	// Omitted assistant: detach. Omitted switches: not sent.
	body := desiredUpdate(numberResourceModel{numberModel: numberModel{
		AssistantID: types.StringNull(), InboundEnabled: types.BoolNull(), OutboundEnabled: types.BoolNull(),
	}})
	if body.AssistantID == nil || *body.AssistantID != "" || body.InboundEnabled != nil || body.OutboundEnabled != nil {
		t.Errorf("omitted everything: %+v", body)
	}
	body = desiredUpdate(numberResourceModel{numberModel: numberModel{
		AssistantID: types.StringValue("a1"), InboundEnabled: types.BoolValue(false), OutboundEnabled: types.BoolValue(true),
	}})
	if *body.AssistantID != "a1" || *body.InboundEnabled || !*body.OutboundEnabled {
		t.Errorf("set everything: %+v", body)
	}
}

func TestRestoreRequest(t *testing.T) {
	t.Parallel()
	on := true
	body := restoreRequest(interactly.Number{ID: "n", Number: "+12", InboundEnabled: &on})
	if body.AssistantID == nil || *body.AssistantID != "" || body.InboundEnabled == nil || !*body.InboundEnabled || body.OutboundEnabled != nil {
		t.Errorf("restore of a number without assistant: %+v", body)
	}
}
