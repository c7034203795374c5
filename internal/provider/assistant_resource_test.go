package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccAssistant_adoptAndSet(t *testing.T) {
	emu, patches := newPatchRecordingEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id  = "asst-support"
  name          = "Front desk"
  system_prompt = "You answer for the clinic."
  temperature   = 0.3
  hints         = ["clinic", "appointment"]
  predefined_tools = {
    end_call = false
  }
  webhook = {
    enabled = true
    url     = "https://hooks.example.com/interactly"
  }
}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(frontDesk, plancheck.ResourceActionCreate),
					// Looked up at plan time: the ID and the omitted settings are known.
					plancheck.ExpectKnownValue(frontDesk, tfjsonpath.New("id"), knownvalue.StringExact("asst-support")),
					plancheck.ExpectKnownValue(frontDesk, tfjsonpath.New("welcome_message"), knownvalue.StringExact("Hello! How can I help you?")),
				}},
				ConfigStateChecks: expectState(frontDesk, map[string]any{
					"id": "asst-support", "name": "Front desk", "system_prompt": "You answer for the clinic.",
					"welcome_message": "Hello! How can I help you?", "model": "gpt-4o-mini", "on_destroy": "keep",
				}),
				Check: resource.ComposeTestCheckFunc(
					emu.expectAssistant("asst-support", map[string]any{
						"name": "Front desk", "assistantSystemPrompt": "You answer for the clinic.", "assistantTemperature": 0.3,
					}),
					patches.expectPatches(1),
					patches.expectFieldsSent("name", "assistantSystemPrompt", "assistantTemperature", "hints", "assistantPredefinedTools", "assistantServer"),
				),
			},
			{
				Config: emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id  = "asst-support"
  name          = "Front desk"
  system_prompt = "You answer for the clinic, briefly."
  temperature   = 0.3
  hints         = ["clinic", "appointment"]
  predefined_tools = {
    end_call = false
  }
  webhook = {
    enabled = true
    url     = "https://hooks.example.com/interactly"
  }
}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(frontDesk, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(frontDesk, tfjsonpath.New("welcome_message"), knownvalue.StringExact("Hello! How can I help you?")),
				}},
				Check: resource.ComposeTestCheckFunc(
					emu.expectAssistant("asst-support", map[string]any{"assistantSystemPrompt": "You answer for the clinic, briefly."}),
					patches.expectPatches(2),
					patches.expectFieldsSent("assistantSystemPrompt"),
				),
			},
		},
	})
}
