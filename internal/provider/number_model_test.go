package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

func TestNewNumberModel(t *testing.T) {
	t.Parallel()
	on, off := true, false
	full := interactly.Number{ID: "n1", TeamID: "t1", Number: "+14155550100", Provider: interactly.Provider{Name: "twilio"},
		AssistantID: "a1", InboundEnabled: &on, OutboundEnabled: &off, Label: ptr("support")}
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

func TestRestoreRequest(t *testing.T) {
	t.Parallel()
	on := true
	body := restoreRequest(interactly.Number{ID: "n", Number: "+12", InboundEnabled: &on})
	if body.AssistantID == nil || *body.AssistantID != "" || body.InboundEnabled == nil || !*body.InboundEnabled || body.OutboundEnabled != nil {
		t.Errorf("restore of a number without assistant: %+v", body)
	}
}

func ptr[T any](v T) *T { return &v }

// A field an answer leaves out keeps its last known value; one it sends
// (even empty, for the label) replaces it. An absent assistant means none.
func TestNumberModelOver(t *testing.T) {
	t.Parallel()
	known := numberModel{
		ID: types.StringValue("n1"), Number: types.StringValue("+14155550100"), TeamID: types.StringValue("t1"),
		Label: types.StringValue("support"), ProviderName: types.StringValue("twilio"), AssistantID: types.StringValue("a1"),
		InboundEnabled: types.BoolValue(true), OutboundEnabled: types.BoolValue(false),
	}
	got := known.over(interactly.Number{ID: "n1", Number: "+14155550100"})
	want := known
	want.AssistantID = types.StringNull()
	if got != want {
		t.Errorf("answer without optional fields:\n got %+v\nwant %+v", got, want)
	}

	got = known.over(interactly.Number{ID: "n1", Number: "+14155550100", TeamID: "t2", Provider: interactly.Provider{Name: "other"},
		Label: ptr(""), AssistantID: "a2", InboundEnabled: ptr(false), OutboundEnabled: ptr(true)})
	want = numberModel{
		ID: types.StringValue("n1"), Number: types.StringValue("+14155550100"), TeamID: types.StringValue("t2"),
		Label: types.StringNull(), ProviderName: types.StringValue("other"), AssistantID: types.StringValue("a2"),
		InboundEnabled: types.BoolValue(false), OutboundEnabled: types.BoolValue(true),
	}
	if got != want {
		t.Errorf("full answer:\n got %+v\nwant %+v", got, want)
	}
}

func TestAnsweredModel(t *testing.T) {
	t.Parallel()
	known := numberModel{
		ID: types.StringValue("n1"), Number: types.StringValue("+14155550100"), TeamID: types.StringValue("t1"),
		Label: types.StringValue("old"), ProviderName: types.StringValue("twilio"), AssistantID: types.StringNull(),
		InboundEnabled: types.BoolValue(true), OutboundEnabled: types.BoolNull(),
	}
	bare := interactly.Number{ID: "n1", Number: "+14155550100"}
	tests := []struct {
		name    string
		sent    interactly.UpdateNumberRequest
		answer  interactly.Number
		want    func(m *numberModel)
		errPath string // the attribute an error names; "" for none
	}{
		{
			name:   "sent values the answer leaves out are recorded as sent; the rest keeps its known value",
			sent:   interactly.UpdateNumberRequest{AssistantID: ptr("a1"), OutboundEnabled: ptr(true)},
			answer: bare,
			want: func(m *numberModel) {
				m.AssistantID, m.OutboundEnabled = types.StringValue("a1"), types.BoolValue(true)
			},
		},
		{
			name:   "the answer wins where it speaks",
			sent:   interactly.UpdateNumberRequest{AssistantID: ptr("a1")},
			answer: interactly.Number{ID: "n1", Number: "+14155550100", AssistantID: "a1", Label: ptr("new"), InboundEnabled: ptr(false)},
			want: func(m *numberModel) {
				m.AssistantID, m.Label, m.InboundEnabled = types.StringValue("a1"), types.StringValue("new"), types.BoolValue(false)
			},
		},
		{
			name:   "a detach the answer confirms by leaving the assistant out",
			sent:   interactly.UpdateNumberRequest{AssistantID: ptr("")},
			answer: bare,
			want:   func(*numberModel) {},
		},
		{
			name:    "an answer naming another assistant contradicts the update",
			sent:    interactly.UpdateNumberRequest{AssistantID: ptr("a1")},
			answer:  interactly.Number{ID: "n1", Number: "+14155550100", AssistantID: "a9"},
			want:    func(m *numberModel) { m.AssistantID = types.StringValue("a9") },
			errPath: "assistant_id",
		},
		{
			name:    "an answer with the other outbound value contradicts the update",
			sent:    interactly.UpdateNumberRequest{AssistantID: ptr(""), OutboundEnabled: ptr(true)},
			answer:  interactly.Number{ID: "n1", Number: "+14155550100", OutboundEnabled: ptr(false)},
			want:    func(m *numberModel) { m.OutboundEnabled = types.BoolValue(false) },
			errPath: "outbound_enabled",
		},
		{
			name:   "an answer that agrees with a sent switch",
			sent:   interactly.UpdateNumberRequest{AssistantID: ptr(""), OutboundEnabled: ptr(true)},
			answer: interactly.Number{ID: "n1", Number: "+14155550100", OutboundEnabled: ptr(true)},
			want:   func(m *numberModel) { m.OutboundEnabled = types.BoolValue(true) },
		},
		{
			name:    "an answer with the other value of a sent switch contradicts the update",
			sent:    interactly.UpdateNumberRequest{AssistantID: ptr(""), InboundEnabled: ptr(true)},
			answer:  interactly.Number{ID: "n1", Number: "+14155550100", InboundEnabled: ptr(false)},
			want:    func(m *numberModel) { m.InboundEnabled = types.BoolValue(false) },
			errPath: "inbound_enabled",
		},
	}
	for _, tt := range tests {
		got, diags := answeredModel(known, tt.sent, tt.answer), contradictions(tt.sent, tt.answer)
		want := known
		tt.want(&want)
		if got != want {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, want)
		}
		switch {
		case tt.errPath == "" && diags.HasError():
			t.Errorf("%s: unexpected error %v", tt.name, diags)
		case tt.errPath != "" && (diags.ErrorsCount() != 1 || !strings.Contains(diags[0].Detail(), tt.errPath)):
			t.Errorf("%s: want one error about %s, got %v", tt.name, tt.errPath, diags)
		}
	}
}

// The apply records every value the plan showed as known, whatever the
// answer says of values it did not send; unknown ones take the answer's.
func TestAppliedModel(t *testing.T) {
	t.Parallel()
	known := numberModel{
		ID: types.StringValue("n1"), Number: types.StringValue("+14155550100"), TeamID: types.StringValue("t1"),
		Label: types.StringValue("then"), ProviderName: types.StringValue("twilio"), AssistantID: types.StringNull(),
		InboundEnabled: types.BoolValue(true), OutboundEnabled: types.BoolValue(true),
	}
	planned := known
	planned.AssistantID = types.StringValue("a1")
	// The dashboard renamed the number and turned outbound calls off after the plan.
	answer := interactly.Number{ID: "n1", Number: "+14155550100", AssistantID: "a1", Label: ptr("now"), OutboundEnabled: ptr(false)}
	sent := interactly.UpdateNumberRequest{AssistantID: ptr("a1")}
	got, diags := appliedModel(planned, known, sent, answer)
	if diags.HasError() || got != planned {
		t.Errorf("known planned values:\n got %+v (%v)\nwant %+v", got, diags, planned)
	}

	planned.Label, planned.OutboundEnabled, planned.TeamID = types.StringUnknown(), types.BoolUnknown(), types.StringUnknown()
	got, _ = appliedModel(planned, known, sent, answer)
	want := planned
	want.Label, want.OutboundEnabled, want.TeamID = types.StringValue("now"), types.BoolValue(false), types.StringValue("t1")
	if got != want {
		t.Errorf("unknown planned values:\n got %+v\nwant %+v", got, want)
	}

	if _, diags := appliedModel(planned, known, sent, interactly.Number{ID: "n1", Number: "+14155550100", AssistantID: "a9"}); !diags.HasError() {
		t.Error("an answer that contradicts what was sent is not an error")
	}
}
