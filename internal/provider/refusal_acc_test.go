package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// An adoption the API refuses changed nothing, so it keeps nothing in state:
// the next plan adopts the object afresh ("1 to add"), it never replaces it
// ("1 to add, 1 to destroy" on a live number or assistant). The message
// counts the refusals for rate as they were: one refusal is not "kept
// refusing".
func TestAccRefusal_anAdoptionRefusedKeepsNothing(t *testing.T) {
	const (
		number    = "interactly_number.sales"
		assistant = "interactly_assistant.front_desk"
	)
	numberConfig := `
resource "interactly_number" "sales" {
  number       = "+14155550101"
  assistant_id = "asst-sales"
}`
	assistantConfig := func(volume string) string {
		return `
resource "interactly_assistant" "front_desk" {
  assistant_id            = "asst-support"
  background_sound_volume = ` + volume + `
}`
	}
	rateLimited := func(method string) emulator.Fault {
		return emulator.Fault{Method: method, Status: 429, RetryAfter: "3600"}
	}
	cases := map[string]struct {
		fault          *emulator.Fault // nil: the configuration itself is refused
		config, fixed  string
		address, error string
	}{
		"a number, rate limited past the deadline": {fault: ptr(rateLimited("PUT")), config: numberConfig, fixed: numberConfig,
			address: number, error: `Unable to configure number \+14155550101.*HTTP 429.*refused this request once for rate`},
		"an assistant, rate limited past the deadline": {fault: ptr(rateLimited("PATCH")), config: assistantConfig("40"), fixed: assistantConfig("40"),
			address: assistant, error: `Unable to update assistant asst-support.*HTTP 429.*refused this request once for rate`},
		"an assistant, a setting refused": {config: assistantConfig("150"), fixed: assistantConfig("40"),
			address: assistant, error: `Unable to update assistant asst-support.*HTTP 400`}, // the sparse profile's 400 has no message
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			emu := newTestEmulator(t)
			if tc.fault != nil {
				emu.AddFault(*tc.fault)
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{
					{Config: emu.config(tc.config), ExpectError: errorMatching(tc.error)},
					{
						PreConfig: func() {
							if tc.fault != nil && emu.Faults()[0].Hits != 1 {
								t.Errorf("the fault answered %d requests, want 1: one refusal, no retry", emu.Faults()[0].Hits)
							}
							emu.ClearFaults()
						},
						Config: emu.config(tc.fixed),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(tc.address, plancheck.ResourceActionCreate)},
						},
					},
				},
			})
		})
	}
}
