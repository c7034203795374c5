package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// An adoption whose every PUT the API applied but answered with an error
// (or never answered), and whose one look at the number afterwards fails
// too: the number stays in state, tainted, with the restore point taken
// before the first write. Once the API is healthy the next
// apply converges, and a destroy with on_destroy = "restore" puts the number
// back exactly as it was before Terraform first touched it.
func TestAccNumber_ambiguousAdoptionKeepsTheRestorePoint(t *testing.T) {
	for name, fault := range map[string]emulator.Fault{
		"502 after the write":     {Method: "PUT", Status: 502, Apply: true},
		"no answer after a write": {Method: "PUT", Drop: true, Apply: true},
	} {
		t.Run(name, func(t *testing.T) {
			emu, watch := newWriteWatchingEmulator(t, http.MethodPut)
			watch.arm(true)
			original := emu.number(t, londonID) // asst-night, both switches off
			emu.AddFault(fault)
			config := emu.configWith("max_retries = 1", `
resource "interactly_number" "london" {
  number           = "+442071838750"
  assistant_id     = "asst-support"
  inbound_enabled  = true
  outbound_enabled = true
  on_destroy       = "restore"
}`)
			london := "interactly_number.london"
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{
					{
						Config:      config,
						ExpectError: errorMatching(`Unable to configure number \+442071838750`),
					},
					{
						PreConfig: func() {
							if hits := emu.Faults()[0].Hits; hits != 2 {
								t.Errorf("the fault answered %d PUTs, want 2 (the first and its one retry)", hits)
							}
							if got := emu.number(t, londonID); got.AssistantID != "asst-support" {
								t.Errorf("the fault did not apply the write: %+v", got)
							}
							emu.ClearFaults()
							watch.arm(false)
						},
						Config: config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							// Kept in state, tainted: replaced, not adopted anew.
							plancheck.ExpectResourceAction(london, plancheck.ResourceActionDestroyBeforeCreate),
						}},
						Check: resource.ComposeTestCheckFunc(
							emu.expectAPI(londonID, want{"asst-support", true, true}),
							resource.TestCheckResourceAttr(london, "restore_point.assistant_id", "asst-night"),
							emu.checkReported(london, "restore_point.inbound_enabled", "false"),
							emu.checkReported(london, "restore_point.outbound_enabled", "false"),
						),
					},
				},
				CheckDestroy: func(*terraform.State) error {
					got := emu.number(t, londonID)
					// Switches the API never reported cannot be put back.
					switches := !emu.reportsOptionalFields() ||
						(got.InboundEnabled == original.InboundEnabled && got.OutboundEnabled == original.OutboundEnabled)
					if got.AssistantID != original.AssistantID || !switches {
						return fmt.Errorf("after destroy the number is %+v, want it as it was: %+v", got, original)
					}
					return nil
				},
			})
		})
	}
}
