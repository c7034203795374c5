package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// expectNoDetach checks that no PUT since `since` detached the number.
func (l *writeWatch) expectNoDetach(since *int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		bodies := l.sent()
		for _, body := range bodies[*since:] {
			if a, ok := body["assistantId"]; ok && a == "" {
				return fmt.Errorf("the repair sent a detach (PUT %v): callers met no assistant in between", body)
			}
		}
		return nil
	}
}

const adoptNight = `
resource "interactly_number" "support" {
  number       = "+14155550100"
  assistant_id = "asst-night"
  on_destroy   = "restore"
}`

// An adoption whose PUT was applied but answered 502 looks at the number
// once: it already is as planned, so the apply ends without an error, and
// nothing is tainted.
func TestAccNumber_adoptionAppliedButUnansweredIsConfirmed(t *testing.T) {
	emu := newTestEmulator(t)
	emu.AddFault(emulator.Fault{Method: "PUT", Status: 502, Apply: true, Times: 1})
	config := emu.configWith("max_retries = 0", adoptNight)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             emu.expectAPI(supportID, want{"asst-support", true, true}),
		Steps: confirmedAdoptionSteps(emu, config,
			emu.expectAPI(supportID, want{"asst-night", true, true}),
			resource.TestCheckResourceAttr("interactly_number.support", "restore_point.assistant_id", "asst-support")),
	})
}

// When the look fails too, the number stays in state, tainted. The apply
// that repairs it sends no detach of the number the configuration still
// adopts (callers never meet a number without its assistant), and keeps
// the restore point of the first adoption, which the final destroy puts back.
func TestAccNumber_taintedAdoptionIsRepairedWithoutADetach(t *testing.T) {
	emu, log := newWriteWatchingEmulator(t, http.MethodPut)
	emu.AddFault(emulator.Fault{Method: "PUT", Status: 502, Apply: true, Times: 1})
	log.arm(true)
	config := emu.configWith("max_retries = 0", adoptNight)
	var before int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             emu.expectAPI(supportID, want{"asst-support", true, true}),
		Steps: taintedRepairSteps(emu, log, config, `Unable to configure number \+14155550100.*HTTP 502`, "interactly_number.support", &before,
			log.expectNoDetach(&before),
			emu.expectAPI(supportID, want{"asst-night", true, true}),
			resource.TestCheckResourceAttr("interactly_number.support", "restore_point.assistant_id", "asst-support"),
		),
	})
}
