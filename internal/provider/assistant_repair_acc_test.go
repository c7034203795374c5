package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

const (
	originalPrompt = "You are AI assistant asst-support. Answer briefly and politely."
	adoptPrompt    = `
resource "interactly_assistant" "front_desk" {
  assistant_id  = "asst-support"
  system_prompt = "Book tables."
  on_destroy    = "restore"
}`
)

// An adoption whose PATCH was applied but answered 502 reads the assistant
// once: it already is as planned, so the apply ends without an error and
// nothing is tainted; the destroy still puts the original back.
func TestAccAssistant_adoptionAppliedButUnansweredIsConfirmed(t *testing.T) {
	emu := newTestEmulator(t)
	emu.AddFault(emulator.Fault{Method: "PATCH", Status: 502, Apply: true, Times: 1})
	config := emu.configWith("max_retries = 0", adoptPrompt)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             emu.expectAssistant("asst-support", map[string]any{"assistantSystemPrompt": originalPrompt}),
		Steps: confirmedAdoptionSteps(emu, config,
			emu.expectAssistant("asst-support", map[string]any{"assistantSystemPrompt": "Book tables."})),
	})
}

// When that read fails too, the assistant stays in state, tainted. The apply
// that repairs it puts nothing back in between (callers never meet the old
// prompt again), and the restore point of the first adoption, now in state,
// survives: the final destroy puts the original prompt back.
func TestAccAssistant_taintedAdoptionIsRepairedWithoutARestore(t *testing.T) {
	emu, log := newWriteWatchingEmulator(t, http.MethodPatch)
	emu.AddFault(emulator.Fault{Method: "PATCH", Status: 502, Apply: true, Times: 1})
	log.arm(true)
	config := emu.configWith("max_retries = 0", adoptPrompt)
	var before int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             emu.expectAssistant("asst-support", map[string]any{"assistantSystemPrompt": originalPrompt}),
		Steps: taintedRepairSteps(emu, log, config, `Unable to update assistant asst-support.*HTTP 502`, frontDesk, &before,
			func(*terraform.State) error {
				for _, body := range log.sent()[before:] {
					if body["assistantSystemPrompt"] == originalPrompt {
						return fmt.Errorf("the repair put the original prompt back in between: PATCH %v", body)
					}
				}
				return nil
			},
			emu.expectAssistant("asst-support", map[string]any{"assistantSystemPrompt": "Book tables."}),
		),
	})
}
