package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// ignore_changes lives in the plan alone: an ignored setting is neither sent
// nor checked, whatever the configuration says.
func TestAccAssistant_ignoreChanges(t *testing.T) {
	emu, patches := newPatchRecordingEmulator(t)
	config := func(name, ignored string) string {
		return emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id  = "asst-support"
  name          = "` + name + `"
  system_prompt = "Terraform's prompt"
  lifecycle {
    ignore_changes = ` + ignored + `
  }
}`)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config("Front desk", "[system_prompt]"), Check: patches.expectPatches(1)},
			{
				PreConfig: func() {
					emu.EditAssistant("asst-support", map[string]any{"assistantSystemPrompt": "The dashboard's prompt"})
				},
				Config: config("Reception", "[system_prompt]"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(frontDesk, tfjsonpath.New("system_prompt"), knownvalue.StringExact("The dashboard's prompt")),
				}},
				ConfigStateChecks: expectState(frontDesk, map[string]any{"name": "Reception", "system_prompt": "The dashboard's prompt"}),
				Check: resource.ComposeTestCheckFunc(
					patches.expectFieldsSent("name"),
					emu.expectAssistant("asst-support", map[string]any{"name": "Reception", "assistantSystemPrompt": "The dashboard's prompt"}),
				),
			},
			{
				// Everything ignored: a changed name makes no call at all.
				Config:   config("Another name", "all"),
				PlanOnly: true,
			},
			{
				Config: config("Another name", "all"),
				Check: resource.ComposeTestCheckFunc(
					patches.expectPatches(2),
					emu.expectAssistant("asst-support", map[string]any{"name": "Reception"}),
				),
			},
		},
	})
}

// A PATCH that fails in a way that leaves open whether it was applied keeps
// the last known values in state, so the next plan shows what still differs.
func TestAccAssistant_ambiguousWriteFailureKeepsLastKnownValues(t *testing.T) {
	emu := newTestEmulator(t)
	config := func(prompt string) string {
		return emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id  = "asst-support"
  system_prompt = "` + prompt + `"
}`)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config("First")},
			{
				PreConfig: func() {
					emu.AddFault(emulator.Fault{Method: "PATCH", Route: "/assistants/v1/assistants/{id}", Status: 500, Times: 1})
				},
				Config:      config("Second"),
				ExpectError: errorMatching(`Unable to update assistant asst-support.*HTTP 500.*may or may not have been applied`),
			},
			{
				Config: config("Second"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(frontDesk, plancheck.ResourceActionUpdate),
				}},
				Check: emu.expectAssistant("asst-support", map[string]any{"assistantSystemPrompt": "Second"}),
			},
		},
	})
}

// An assistant deleted in the dashboard leaves state with a warning when the
// API says so clearly, and never blocks a destroy. Under the sparse profile
// the 404 says nothing, so the refresh fails and state keeps it.
func TestAccAssistant_vanishedAssistant(t *testing.T) {
	emu := newTestEmulator(t)
	config := emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id = "asst-support"
  name         = "Front desk"
}`)
	vanished := resource.TestStep{
		PreConfig:          func() { emu.DeleteAssistant("asst-support") },
		Config:             config,
		PlanOnly:           true,
		ExpectNonEmptyPlan: true,
	}
	steps := []resource.TestStep{{Config: config}, vanished}
	if !emu.reportsAllAssistantFields() {
		vanished.ExpectError = errorMatching(`Unable to read assistant asst-support.*without saying that the assistant is missing`)
		steps = []resource.TestStep{{Config: config}, vanished, {
			// Back, so that the test's destroy can refresh it.
			PreConfig: func() { emu.PutAssistant(emulator.Assistant{"_id": "asst-support", "name": "Front desk"}) },
			Config:    config,
		}}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    steps,
	})
}

func TestAccAssistant_dataSource(t *testing.T) {
	emu := newTestEmulator(t)
	const support = "data.interactly_assistant.support"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: emu.config(`
data "interactly_assistant" "support" {
  id = "asst-support"
  timeouts {
    read = "30s"
  }
}`),
				ConfigStateChecks: expectState(support, map[string]any{
					"id": "asst-support", "name": "Assistant asst-support", "model": "gpt-4o-mini",
					"team_id":           emu.reportedAssistant("1f7b1b1b1b1b1b1b1b1b1b1b"),
					"max_call_duration": reportedAssistantValue(emu, knownvalue.Int64Exact(900)),
					"speech_to_text":    knownvalue.ObjectExact(map[string]knownvalue.Check{"vendor": knownvalue.StringExact("microsoft"), "languages": knownvalue.StringExact("en-US")}),
					"webhook":           knownvalue.ObjectPartial(map[string]knownvalue.Check{"enabled": knownvalue.Bool(false)}),
				}),
			},
			{
				Config: emu.config(`
data "interactly_assistant" "support" {
  id = "asst-nope"
}`),
				ExpectError: errorMatching(`assistant asst-nope|assistant "asst-nope"`),
			},
		},
	})
}

// A value the API refuses fails the apply with an error that names the
// assistant and, where the API's message names its field, the setting.
func TestAccAssistant_refusedValueNamesTheSetting(t *testing.T) {
	emu := newTestEmulator(t)
	want := `Unable to update assistant asst-support.*HTTP 400.*names background_sound_volume \(backgroundSoundVolume\)`
	if !emu.reportsAllAssistantFields() { // sparse: error answers without a body
		want = `Unable to update assistant asst-support.*HTTP 400.*The API refused a setting`
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id            = "asst-support"
  background_sound_volume = 150
}`),
			ExpectError: errorMatching(want),
		}},
	})
}

// A refresh with another team's key never forgets the assistant: the 404
// such a key gets is doubtful, and the key's numbers show another team.
func TestAccAssistant_anotherTeamsKeyKeepsTheAssistant(t *testing.T) {
	const otherKey = "sk-acc-other-team-0123456789"
	seed := testTeam()
	seed.Numbers = append(seed.Numbers, emulator.Number{
		ID: "d0d0d0d0-3333-4444-8555-b66677778888", TeamID: "2e2e2e2e2e2e2e2e2e2e2e2e", Number: "+14155550199",
		Provider: emulator.Provider{Name: "twilio"}, InboundEnabled: true,
	})
	emu := newTestEmulatorWith(t, emulator.Options{APIKey: testAPIKey, Seed: seed, TeamKeys: map[string]string{otherKey: "2e2e2e2e2e2e2e2e2e2e2e2e"}})
	const hcl = `
resource "interactly_assistant" "front_desk" {
  assistant_id = "asst-support"
  name         = "Front desk"
}`
	refused := `Unable to read assistant asst-support.*lists the numbers of team 2e2e2e2e2e2e2e2e2e2e2e2e.*warning "API key of another team"`
	if !emu.reportsAllAssistantFields() { // sparse: no teamId recorded, and the 404 says nothing
		refused = `Unable to read assistant asst-support.*without saying that the assistant is missing`
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: emu.config(hcl)},
			{Config: emu.configWithKey(otherKey, hcl), PlanOnly: true, ExpectError: errorMatching(refused)},
			{
				// Still in state: the right key plans no change.
				Config:   emu.config(hcl),
				PlanOnly: true,
			},
		},
	})
}
