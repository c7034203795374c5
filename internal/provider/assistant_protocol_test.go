package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// An update whose PATCH fails so that nobody knows whether it was applied
// returns the prior state, not the plan: the next plan, even with
// -refresh=false, shows what still differs. (A refresh would show it too,
// which is why this is checked at the protocol, with no refresh in between.)
func TestAssistantFailedUpdateKeepsPriorState(t *testing.T) {
	for _, fault := range []emulator.Fault{
		{Method: "PATCH", Status: 500, Times: 1},
		{Method: "PATCH", Drop: true, Times: 1},
	} {
		emu := newTestEmulator(t)
		emu.AddFault(fault)
		p := newConfiguredProtocolProvider(t, emu, testAPIKey)
		typ := p.schemas.ResourceSchemas[assistantResourceType].ValueType()
		base := map[string]any{"id": "asst-support", "assistant_id": "asst-support", "on_destroy": "keep"}
		with := func(prompt string) *tfprotov6.DynamicValue {
			attrs := map[string]any{"system_prompt": prompt}
			for k, v := range base {
				attrs[k] = v
			}
			return p.dynamic(typ, attrs)
		}
		resp, err := p.server.ApplyResourceChange(t.Context(), &tfprotov6.ApplyResourceChangeRequest{
			TypeName:     assistantResourceType,
			PriorState:   with("First"),
			PlannedState: with("Second"),
			Config:       with("Second"),
		})
		if err != nil {
			t.Fatal(err)
		}
		onlyError(t, "ApplyResourceChange", resp.Diagnostics)
		if got := decode(t, resp.NewState, typ)["system_prompt"]; got != "First" {
			t.Errorf("after a failed PATCH (%+v), state holds system_prompt = %v, want the prior \"First\"", fault, got)
		}
	}
}

// A number's plan warns when it attaches an assistant the API says the team
// lacks, asking once per assistant however many numbers name it; an answer
// that says nothing clear gives no warning.
func TestNumberPlanWarnsAboutMissingAssistant(t *testing.T) {
	emu := newTestEmulator(t)
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)
	typ := p.resourceType()
	plan := func(number, assistant string) []*tfprotov6.Diagnostic {
		config := p.dynamic(typ, map[string]any{"number": number, "assistant_id": assistant})
		resp, err := p.server.PlanResourceChange(t.Context(), &tfprotov6.PlanResourceChangeRequest{
			TypeName:         "interactly_number",
			PriorState:       p.dynamic(typ, nil),
			ProposedNewState: p.dynamic(typ, map[string]any{"number": number, "assistant_id": assistant, "on_destroy": "detach"}),
			Config:           config,
		})
		if err != nil {
			t.Fatal(err)
		}
		return resp.Diagnostics
	}
	warned := func(diags []*tfprotov6.Diagnostic, id string) bool {
		for _, d := range diags {
			if d.Severity == tfprotov6.DiagnosticSeverityError {
				t.Fatalf("the plan failed: %s: %s", d.Summary, d.Detail)
			}
			if d.Severity == tfprotov6.DiagnosticSeverityWarning && d.Summary == "Assistant "+id+" not found" {
				return true
			}
		}
		return false
	}
	// Under the sparse profile a 404 has no body and proves nothing.
	clearAnswer := emu.reportsAllAssistantFields()
	if first, second := warned(plan("+14155550101", "asst-gone"), "asst-gone"), warned(plan("+442071838750", "asst-gone"), "asst-gone"); first != clearAnswer || second != clearAnswer {
		t.Errorf("warnings %v, %v for an assistant the team does not have, want %v", first, second, clearAnswer)
	}
	if warned(plan("+14155550101", "asst-sales"), "asst-sales") {
		t.Error("a warning for an assistant the team has")
	}
	if got := emu.Counts()[routeGetAssistant]; got != 2 {
		t.Errorf("%d GETs of assistants for two distinct assistants, want 2", got)
	}
	emu.AddFault(emulator.Fault{Method: "GET", Route: "/assistants/v1/assistants/{id}", Status: 404})
	if warned(plan("+14155550101", "asst-doubtful"), "asst-doubtful") {
		t.Error("a warning for a 404 that does not say the assistant is missing")
	}
}
