package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const sales = "interactly_number.sales"

func TestAccNumber_adoptUpdateDetach(t *testing.T) {
	emu := newTestEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             emu.expectAPI(salesID, want{"", true, false}), // detached, switches as left
		Steps: []resource.TestStep{
			{
				Config: emu.config(`
resource "interactly_number" "sales" {
  number           = "+14155550101"
  assistant_id     = "asst-sales"
  inbound_enabled  = true
  outbound_enabled = true
}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sales, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: expectState(sales, map[string]any{
					"id": salesID, "number": "+14155550101", "assistant_id": "asst-sales",
					"inbound_enabled": true, "outbound_enabled": true, "on_destroy": "detach",
					"team_id": "1f7b1b1b1b1b1b1b1b1b1b1b", "label": emu.reported("sales"), "provider_name": "twilio",
				}),
				Check: resource.ComposeTestCheckFunc(
					emu.expectAPI(salesID, want{"asst-sales", true, true}),
					// Create found the number in one listing and wrote it once.
					emu.expectPUTs(1),
				),
			},
			{
				Config: emu.config(`
resource "interactly_number" "sales" {
  number           = "+14155550101"
  assistant_id     = "asst-night"
  outbound_enabled = false
}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sales, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: expectState(sales, map[string]any{
					"assistant_id": "asst-night", "inbound_enabled": true, "outbound_enabled": false,
				}),
				Check: emu.expectAPI(salesID, want{"asst-night", true, false}),
			},
			{
				// Omitting assistant_id detaches; omitted switches stay as they are.
				Config: emu.config(`
resource "interactly_number" "sales" {
  number = "+14155550101"
}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sales, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(sales, tfjsonpath.New("assistant_id"), knownvalue.Null()),
				}},
				ConfigStateChecks: expectState(sales, map[string]any{
					"assistant_id": nil, "inbound_enabled": true, "outbound_enabled": false,
				}),
				Check: emu.expectAPI(salesID, want{"", true, false}),
			},
		},
	})
}

func TestAccNumber_omittedSwitchesFollowTheServer(t *testing.T) {
	emu := newTestEmulator(t)
	config := emu.config(`
resource "interactly_number" "london" {
  number       = "+442071838750"
  assistant_id = "asst-night"
}`)
	const london = "interactly_number.london"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigStateChecks: expectState(london, map[string]any{"inbound_enabled": emu.reported(false), "outbound_enabled": emu.reported(false)}),
				Check:             emu.expectAPI(londonID, want{"asst-night", false, false}),
			},
			{
				// Someone enables inbound calls in the dashboard: with the switch
				// omitted from configuration that is no drift, only recorded.
				PreConfig: func() {
					n, _ := emu.GetNumber(londonID)
					n.InboundEnabled = true
					emu.SetNumber(n)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				ConfigStateChecks: expectState(london, map[string]any{"inbound_enabled": emu.reported(true), "outbound_enabled": emu.reported(false)}),
				Check:             emu.expectAPI(londonID, want{"asst-night", true, false}),
			},
		},
	})
}

func TestAccNumber_driftIsCorrected(t *testing.T) {
	emu := newTestEmulator(t)
	const support = "interactly_number.support"
	config := emu.config(`
resource "interactly_number" "support" {
  number           = "+14155550100"
  assistant_id     = "asst-support"
  outbound_enabled = true
}`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					n, _ := emu.GetNumber(supportID)
					n.AssistantID, n.OutboundEnabled = "asst-sales", false
					emu.SetNumber(n)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(support, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(support, tfjsonpath.New("assistant_id"), knownvalue.StringExact("asst-support")),
					plancheck.ExpectKnownValue(support, tfjsonpath.New("outbound_enabled"), knownvalue.Bool(true)),
				}},
				// The update sends what the plan changes. An API that never
				// reports the switches shows no drift in them: the outbound
				// switch turned off in the dashboard stays off.
				Check: emu.expectAPI(supportID, want{"asst-support", true, emu.reportsOptionalFields()}),
			},
			{
				// A detach made outside Terraform is drift too.
				PreConfig: func() {
					n, _ := emu.GetNumber(supportID)
					n.AssistantID = ""
					emu.SetNumber(n)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(support, plancheck.ResourceActionUpdate),
				}},
				Check: emu.expectAPI(supportID, want{"asst-support", true, emu.reportsOptionalFields()}),
			},
		},
	})
}

func TestAccNumber_goneFromTeamIsAdoptedAgain(t *testing.T) {
	emu := newTestEmulator(t)
	config := emu.config(`
resource "interactly_number" "sales" {
  number       = "+14155550101"
  assistant_id = "asst-sales"
}`)
	var released = emu.number(t, salesID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config},
			{
				// The number leaves the team: refresh drops it from state with
				// a warning, and the adoption planned again fails, with
				// advice and without sending anything.
				PreConfig: func() {
					emu.DeleteNumber(salesID)
					emu.ResetCounts()
				},
				Config:      config,
				ExpectError: errorMatching(`Number not found in the team.*has no number\s+\+14155550101.*Import the number`),
			},
			{
				// The failed apply saved the refresh, which dropped the number
				// from state. With the resource taken out of the configuration
				// meanwhile, there is nothing left to destroy: no PUT.
				PreConfig: func() {
					if n := emu.Counts()[routeUpdate]; n != 0 {
						t.Errorf("the failed apply sent %d PUT requests", n)
					}
				},
				Config: emu.config(""),
				Check: resource.ComposeTestCheckFunc(
					expectNotInState(sales),
					emu.expectPUTs(0),
				),
			},
			{
				// Back in the team (imported again) and in the configuration:
				// the plan adopts it anew, as a resource to create, and the
				// apply sends the configured values.
				PreConfig: func() { emu.SetNumber(released) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sales, plancheck.ResourceActionCreate),
				}},
				Check: emu.expectAPI(salesID, want{"asst-sales", true, false}),
			},
		},
	})
}

func TestAccNumber_onDestroy(t *testing.T) {
	// London starts with asst-night and both switches off; the configuration
	// changes all three, and destroy then does what on_destroy says.
	cases := map[string]want{
		"detach":  {"", true, true},
		"restore": {"asst-night", false, false},
		"keep":    {"asst-support", true, true},
	}
	for onDestroy, after := range cases {
		t.Run(onDestroy, func(t *testing.T) {
			emu := newTestEmulator(t)
			if onDestroy == onDestroyRestore && !emu.reportsOptionalFields() {
				// The API never said what the switches were, so restore
				// can only put back the assistant.
				after.inbound, after.outbound = true, true
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				CheckDestroy:             emu.expectAPI(londonID, after),
				Steps: []resource.TestStep{{
					Config: emu.config(`
resource "interactly_number" "london" {
  number           = "+442071838750"
  assistant_id     = "asst-support"
  inbound_enabled  = true
  outbound_enabled = true
  on_destroy       = "` + onDestroy + `"
}`),
					Check: emu.expectAPI(londonID, want{"asst-support", true, true}),
				}},
			})
		})
	}
}

func TestAccNumber_onDestroyChangeCallsNoAPIAndKeepsRestorePoint(t *testing.T) {
	emu := newTestEmulator(t)
	config := func(onDestroy string) string {
		return emu.config(`
resource "interactly_number" "london" {
  number       = "+442071838750"
  assistant_id = "asst-sales"
  on_destroy   = "` + onDestroy + `"
}`)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		// The restore point taken at create survives the update.
		CheckDestroy: emu.expectAPI(londonID, want{"asst-night", false, false}),
		Steps: []resource.TestStep{
			{Config: config("keep")},
			{
				PreConfig: emu.ResetCounts,
				Config:    config("restore"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("interactly_number.london", plancheck.ResourceActionUpdate),
					// No API call, so the plan shows every other value as
					// the state has it rather than "known after apply".
					plancheck.ExpectKnownValue("interactly_number.london", tfjsonpath.New("label"), reportedValue(emu, knownvalue.StringExact("sales"))),
					plancheck.ExpectKnownValue("interactly_number.london", tfjsonpath.New("inbound_enabled"), reportedValue(emu, knownvalue.Bool(false))),
				}},
				ConfigStateChecks: expectState("interactly_number.london", map[string]any{"on_destroy": "restore"}),
				Check:             emu.expectPUTs(0),
			},
		},
	})
}

func TestAccNumber_import(t *testing.T) {
	emu := newTestEmulator(t)
	const support = "interactly_number.support"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: emu.config(`
resource "interactly_number" "support" {
  number       = "+14155550100"
  assistant_id = "asst-support"
}`),
				// The configuration matches the server: nothing to change.
				Check: emu.expectPUTs(1),
			},
			{ResourceName: support, ImportState: true, ImportStateVerify: true},
			{ResourceName: support, ImportState: true, ImportStateVerify: true, ImportStateId: "+14155550100"},
			{ResourceName: support, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
			{ResourceName: support, ImportState: true, ImportStateKind: resource.ImportBlockWithID, ImportStateId: "+14155550100"},
			{
				ResourceName: support, ImportState: true, ImportStateId: "+19995550000",
				ExpectError: errorMatching(`Cannot import number \+19995550000.*lists 3 numbers of team 1f7b1b1b1b1b1b1b1b1b1b1b, and none with phone number`),
			},
			{
				ResourceName: support, ImportState: true, ImportStateId: "no-such-id",
				ExpectError: errorMatching(`Cannot import number no-such-id.*none with ID`),
			},
			{
				ResourceName: support, ImportState: true, ImportStateId: "+0123",
				ExpectError: errorMatching(`Invalid import ID.*not an E.164 phone number`),
			},
		},
	})
}

func TestAccNumber_importBlockGeneratesConfigThatPlansClean(t *testing.T) {
	emu := newTestEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:          emu.config(""),
			ResourceName:    "interactly_number.support",
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   supportID,
			GenerateConfig:  true,
		}},
	})
}

func TestAccNumber_importedNumberIsRestoredAsItWasAtImport(t *testing.T) {
	emu := newTestEmulator(t)
	restored := want{"asst-support", true, true}
	if !emu.reportsOptionalFields() {
		restored.inbound = false // never reported, so not restored: as configured
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             emu.expectAPI(supportID, restored),
		Steps: []resource.TestStep{{
			Config: emu.config(`
import {
  to = interactly_number.support
  id = "+14155550100"
}

resource "interactly_number" "support" {
  number          = "+14155550100"
  assistant_id    = "asst-sales"
  inbound_enabled = false
  on_destroy      = "restore"
}`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("interactly_number.support", plancheck.ResourceActionUpdate),
			}},
			Check: emu.expectAPI(supportID, want{"asst-sales", false, true}),
		}},
	})
}

func TestAccNumber_invalidConfiguration(t *testing.T) {
	emu := newTestEmulator(t)
	cases := map[string]struct {
		resource string
		err      string
	}{
		"not E.164": {`number = "4155550100"`, `must be an E.164 phone number`},
		"leading 0": {`number = "+04155550100"`, `must be an E.164 phone number`},
		"too long":  {`number = "+1234567890123456"`, `must be an E.164 phone number`},
		"empty assistant": {`
  number       = "+14155550100"
  assistant_id = ""`, `assistant_id must not be an empty string.*omit assistant_id`},
		"bad on_destroy": {`
  number     = "+14155550100"
  on_destroy = "delete"`, `on_destroy.*value must be one of.*"detach".*"restore".*"keep"`},
	}
	var steps []resource.TestStep
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      emu.config("resource \"interactly_number\" \"bad\" {\n" + tc.resource + "\n}"),
			PlanOnly:    true,
			ExpectError: errorMatching(tc.err),
		})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
	if got := emu.Counts()[routeUpdate] + emu.Counts()[routeList]; got != 0 {
		t.Errorf("plan-time errors made %d API calls, want 0", got)
	}
}

func TestAccNumber_apiErrors(t *testing.T) {
	emu := newTestEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(*terraform.State) error {
			return want{"asst-support", true, true}.check(emu.number(t, supportID)) // untouched
		},
		Steps: []resource.TestStep{
			{
				Config: emu.config(`
resource "interactly_number" "missing" {
  number = "+19995550000"
}`),
				ExpectError: errorMatching(`Number not found in the team.*has no number\s+\+19995550000`),
			},
			{
				Config: emu.config(`
resource "interactly_number" "support" {
  number       = "+14155550100"
  assistant_id = "asst-ghost"
}`),
				// The plan fails where the API's 404 says the assistant is
				// missing; the sparse profile's says nothing, and the apply
				// reports the refusal.
				ExpectError: errorMatching(`(Assistant asst-ghost not found|Unable to configure number \+14155550100.*HTTP 400.*assistant_id that is not an assistant)`),
			},
			{
				Config: emu.configWithKey("sk-not-the-right-key", `
resource "interactly_number" "support" {
  number = "+14155550100"
}`),
				ExpectError: errorMatching(`HTTP 401.*in the warning "The Interactly API refused the API key"`),
			},
		},
	})
}
