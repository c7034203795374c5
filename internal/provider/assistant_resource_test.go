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
	config := func(prompt string) string {
		return emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id  = "asst-support"
  name          = "Front desk"
  system_prompt = "` + prompt + `"
  temperature   = 0.3
  hints         = ["clinic", "appointment"]
  predefined_tools = {
    end_call = false
  }
  webhook = {
    enabled = true
    url     = "https://hooks.example.com/interactly"
  }
}`)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config("You answer for the clinic."),
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
				Config: config("You answer for the clinic, briefly."),
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

// A change made in the dashboard to a managed setting shows in the plan and
// the apply puts it back; a change to a setting the configuration omits is
// recorded and left alone.
func TestAccAssistant_driftShownAndRepaired(t *testing.T) {
	emu, patches := newPatchRecordingEmulator(t)
	config := emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id  = "asst-support"
  system_prompt = "You answer for the clinic."
}`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config, Check: patches.expectFieldsSent("assistantSystemPrompt")},
			{
				PreConfig: func() {
					emu.EditAssistant("asst-support", map[string]any{"assistantSystemPrompt": "Edited in the dashboard", "name": "Renamed"})
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(frontDesk, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(frontDesk, tfjsonpath.New("system_prompt"), knownvalue.StringExact("You answer for the clinic.")),
					plancheck.ExpectKnownValue(frontDesk, tfjsonpath.New("name"), knownvalue.StringExact("Renamed")),
				}},
				ConfigStateChecks: expectState(frontDesk, map[string]any{"name": "Renamed", "system_prompt": "You answer for the clinic."}),
				Check: resource.ComposeTestCheckFunc(
					emu.expectAssistant("asst-support", map[string]any{"assistantSystemPrompt": "You answer for the clinic.", "name": "Renamed"}),
					patches.expectPatches(2),
					patches.expectFieldsSent("assistantSystemPrompt"),
				),
			},
		},
	})
}

// Settings the configuration omits are never sent, and keep the values the
// plan showed.
func TestAccAssistant_omittedSettingsLeftAlone(t *testing.T) {
	emu, patches := newPatchRecordingEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id = "asst-support"
}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(frontDesk, tfjsonpath.New("name"), knownvalue.StringExact("Assistant asst-support")),
					plancheck.ExpectKnownValue(frontDesk, tfjsonpath.New("max_call_duration"), reportedAssistantValue(emu, knownvalue.Int64Exact(900))),
				}},
				ConfigStateChecks: expectState(frontDesk, map[string]any{"name": "Assistant asst-support", "model": "gpt-4o-mini"}),
				Check:             patches.expectPatches(0),
			},
			{
				// on_destroy lives in state alone: no call.
				Config: emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id = "asst-support"
  on_destroy   = "restore"
}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(frontDesk, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(frontDesk, tfjsonpath.New("name"), knownvalue.StringExact("Assistant asst-support")),
				}},
				Check: patches.expectPatches(0),
			},
		},
	})
}

func TestAccAssistant_missingAssistantFailsThePlan(t *testing.T) {
	emu, patches := newPatchRecordingEmulator(t)
	// Under the sparse profile the 404 has no body, which proves nothing,
	// so the plan fails with another error.
	notFound := `Assistant not found in the team.*no assistant "asst-nope"`
	if !emu.reportsAllAssistantFields() {
		notFound = `Unable to look up assistant asst-nope.*without saying that the assistant is missing`
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id = "asst-nope"
  name         = "Front desk"
}`),
				PlanOnly:    true,
				ExpectError: errorMatching(notFound),
			},
			{
				Config: emu.config(`
data "interactly_assistant" "any" {
  id = "asst-support"
}`),
				Check: resource.ComposeTestCheckFunc(patches.expectPatches(0), emu.expectAssistantGETs(2)),
			},
		},
	})
}

func TestAccAssistant_importPlansClean(t *testing.T) {
	emu, patches := newPatchRecordingEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: emu.config(`
import {
  to = interactly_assistant.front_desk
  id = "asst-sales"
}

resource "interactly_assistant" "front_desk" {
  assistant_id  = "asst-sales"
  name          = "Assistant asst-sales"
  system_prompt = "You are AI assistant asst-sales. Answer briefly and politely."
}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(frontDesk, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: expectState(frontDesk, map[string]any{"id": "asst-sales", "on_destroy": "keep"}),
				Check:             patches.expectPatches(0),
			},
			{
				ResourceName:      frontDesk,
				ImportState:       true,
				ImportStateId:     "asst-sales",
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccAssistant_numberWiredToAdoptedAssistant(t *testing.T) {
	emu := newTestEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: emu.config(`
resource "interactly_assistant" "night" {
  assistant_id    = "asst-night"
  welcome_message = "We are closed; leave a message."
}

resource "interactly_number" "sales" {
  number       = "+14155550101"
  assistant_id = interactly_assistant.night.id
}`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				// Known at plan time: the assistant's ID is looked up then.
				plancheck.ExpectKnownValue("interactly_number.sales", tfjsonpath.New("assistant_id"), knownvalue.StringExact("asst-night")),
			}},
			Check: resource.ComposeTestCheckFunc(
				emu.expectAPI(salesID, want{"asst-night", true, false}),
				emu.expectAssistant("asst-night", map[string]any{"welcomeMessage": "We are closed; leave a message."}),
			),
		}},
	})
}

func TestAccAssistant_restoreOnDestroy(t *testing.T) {
	emu := newTestEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: emu.expectAssistant("asst-support", map[string]any{
			"name": "Assistant asst-support", "assistantSystemPrompt": "You are AI assistant asst-support. Answer briefly and politely.",
			// Changed in the dashboard, never by Terraform: left as it is.
			"welcomeMessage": "Hi from the dashboard",
		}),
		Steps: []resource.TestStep{
			{
				Config: emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id = "asst-support"
  name         = "Temporary"
  on_destroy   = "restore"
}`),
			},
			{
				PreConfig: func() { emu.EditAssistant("asst-support", map[string]any{"welcomeMessage": "Hi from the dashboard"}) },
				Config: emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id  = "asst-support"
  name          = "Temporary"
  system_prompt = "A prompt for a while."
  on_destroy    = "restore"
}`),
				Check: emu.expectAssistant("asst-support", map[string]any{"name": "Temporary", "assistantSystemPrompt": "A prompt for a while."}),
			},
		},
	})
}

func TestAccAssistant_keptByDefault(t *testing.T) {
	emu := newTestEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             emu.expectAssistant("asst-support", map[string]any{"name": "Kept", "assistantSystemPrompt": "Kept prompt"}),
		Steps: []resource.TestStep{{
			Config: emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id  = "asst-support"
  name          = "Kept"
  system_prompt = "Kept prompt"
}`),
		}},
	})
}

// The docs do not show what a PATCH answers: an answer that is not the
// document makes the provider read the assistant once.
func TestAccAssistant_patchAnsweredWithoutTheDocument(t *testing.T) {
	emu := newTestEmulator(t)
	emu.AnswerAssistantUpdatesWithoutDocument(true)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id = "asst-support"
  name         = "Front desk"
  temperature  = 0.7
}`),
			ConfigStateChecks: expectState(frontDesk, map[string]any{"name": "Front desk", "temperature": knownvalue.Float64Exact(0.7)}),
			Check:             emu.expectAssistant("asst-support", map[string]any{"name": "Front desk", "assistantTemperature": 0.7}),
		}},
	})
}

// reportedAssistantValue is check where the profile's answers carry every
// setting of an assistant, and null where they leave it out.
func reportedAssistantValue(e *testEmulator, check knownvalue.Check) knownvalue.Check {
	if !e.reportsAllAssistantFields() {
		return knownvalue.Null()
	}
	return check
}
