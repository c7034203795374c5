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
