package provider

import (
	"fmt"
	"maps"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestAccNumberDataSource(t *testing.T) {
	emu := newTestEmulator(t)
	support := map[string]any{
		"id": supportID, "number": "+14155550100", "label": emu.reported("support"), "team_id": "1f7b1b1b1b1b1b1b1b1b1b1b",
		"provider_name": "twilio", "assistant_id": "asst-support", "inbound_enabled": emu.reported(true), "outbound_enabled": emu.reported(true),
	}
	sales := map[string]any{
		"id": salesID, "number": "+14155550101", "label": emu.reported("sales"), "assistant_id": nil,
		"inbound_enabled": emu.reported(true), "outbound_enabled": emu.reported(false),
	}
	// Looked up by label, a number has that label whether or not the
	// answer repeats it.
	supportByLabel := maps.Clone(support)
	supportByLabel["label"] = "support"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: emu.config(`
data "interactly_number" "by_id" {
  id = "` + supportID + `"
}
data "interactly_number" "by_number" {
  number = "+14155550101"
}
data "interactly_number" "by_label" {
  label = "support"
}`),
				ConfigStateChecks: append(append(
					expectState("data.interactly_number.by_id", support),
					expectState("data.interactly_number.by_number", sales)...),
					expectState("data.interactly_number.by_label", supportByLabel)...),
			},
			{
				Config:      emu.config(`data "interactly_number" "x" { label = "sales" }`),
				ExpectError: errorMatching(`Label does not match exactly one number.*matches 2 numbers`),
			},
			{
				Config:      emu.config(`data "interactly_number" "x" { label = "marketing" }`),
				ExpectError: errorMatching(`Label does not match exactly one number.*matches 0 numbers`),
			},
			{
				Config:      emu.config(`data "interactly_number" "x" { number = "+19995550000" }`),
				ExpectError: errorMatching(`Number not found.*phone number \+19995550000`),
			},
			{
				Config:      emu.config(`data "interactly_number" "x" { id = "nope" }`),
				ExpectError: errorMatching(`Number not found.*ID nope`),
			},
			{
				Config: emu.config(`data "interactly_number" "x" {
  id     = "` + supportID + `"
  number = "+14155550100"
}`),
				ExpectError: errorMatching(`Invalid Attribute Combination.*Exactly one of these attributes must be configured`),
			},
			{
				Config:      emu.config(`data "interactly_number" "x" {}`),
				ExpectError: errorMatching(`Missing Attribute Configuration.*Exactly one of these attributes must be configured`),
			},
			{
				Config:      emu.config(`data "interactly_number" "x" { number = "0044 20 7183 8750" }`),
				ExpectError: errorMatching(`must be an E.164 phone number`),
			},
			{
				// Finish on a valid configuration, which the post-test destroy uses.
				Config: emu.config(`data "interactly_number" "x" { id = "` + supportID + `" }`),
			},
		},
	})
}

func TestAccNumbersDataSource(t *testing.T) {
	emu, requests := newRecordingEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: emu.config(`
data "interactly_numbers" "all" {}

data "interactly_numbers" "sales" {
  label = "sales"
}

data "interactly_numbers" "none" {
  label = "marketing"
}`),
			Check: resource.ComposeAggregateTestCheckFunc(
				// Sorted by number, whatever order the API lists them in.
				resource.TestCheckResourceAttr("data.interactly_numbers.all", "numbers.#", "3"),
				resource.TestCheckResourceAttr("data.interactly_numbers.all", "numbers.0.number", "+14155550100"),
				resource.TestCheckResourceAttr("data.interactly_numbers.all", "numbers.1.number", "+14155550101"),
				resource.TestCheckResourceAttr("data.interactly_numbers.all", "numbers.2.number", "+442071838750"),
				resource.TestCheckResourceAttr("data.interactly_numbers.all", "numbers.0.id", supportID),
				resource.TestCheckResourceAttr("data.interactly_numbers.all", "numbers.0.assistant_id", "asst-support"),
				resource.TestCheckResourceAttr("data.interactly_numbers.all", "numbers.0.team_id", "1f7b1b1b1b1b1b1b1b1b1b1b"),
				resource.TestCheckResourceAttr("data.interactly_numbers.all", "numbers.0.provider_name", "twilio"),
				emu.checkReported("data.interactly_numbers.all", "numbers.0.label", "support"),
				resource.TestCheckNoResourceAttr("data.interactly_numbers.all", "numbers.1.assistant_id"),
				emu.checkReported("data.interactly_numbers.all", "numbers.1.outbound_enabled", "false"),
				emu.checkReported("data.interactly_numbers.all", "numbers.2.inbound_enabled", "false"),
				resource.TestCheckResourceAttr("data.interactly_numbers.sales", "numbers.#", "2"),
				resource.TestCheckResourceAttr("data.interactly_numbers.sales", "numbers.0.id", salesID),
				resource.TestCheckResourceAttr("data.interactly_numbers.sales", "numbers.1.id", londonID),
				// Filtered by label, every number has it, said or not.
				resource.TestCheckResourceAttr("data.interactly_numbers.sales", "numbers.0.label", "sales"),
				resource.TestCheckResourceAttr("data.interactly_numbers.sales", "numbers.1.label", "sales"),
				resource.TestCheckResourceAttr("data.interactly_numbers.none", "numbers.#", "0"),
				// The label filter is the API's query, not a filter of the full list.
				func(*terraform.State) error {
					queries := map[string]bool{}
					for _, r := range requests.all() {
						queries[r.URL.Query().Get("label")] = true
					}
					if !queries["sales"] || !queries["marketing"] {
						return fmt.Errorf("label queries sent to the API: %v; want sales and marketing", queries)
					}
					return nil
				},
			),
		}},
	})
}
