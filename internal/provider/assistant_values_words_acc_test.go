package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// A wrong value fails the plan in the provider's own words: the attribute,
// the value as written, and why; never the framework's "%!s(*big.Float=1.5)"
// or "0.000000".
func TestAccAssistant_wrongValuesInOurWords(t *testing.T) {
	emu := newTestEmulator(t)
	cases := map[string]struct{ setting, want string }{
		"a fraction where the API takes a whole number": {`max_call_duration = 1.5`,
			`Not a whole number.*max_call_duration = 1.5: the API takes max_call_duration as a whole number`},
		"a fraction inside an object": {`stop_speaking_options = { number_of_words = 2.5 }`,
			`stop_speaking_options.number_of_words = 2.5: the API takes`},
		"a whole number below its range": {`idle_timeout = -1`, `idle_timeout must be at least 0, got -1\.`},
		"a webhook timeout below its range": {`webhook = { enabled = false, timeout_seconds = 0 }`,
			`webhook.timeout_seconds must be at least 1, got 0\.`},
		"a decimal below its range":        {`temperature = -0.5`, `temperature must be at least 0, got -0.5\.`},
		"an empty list of voices":          {`text_to_speech = []`, `Empty text_to_speech.*at least one voice`},
		"a huge number the API can't hold": {`max_tokens = 1e30`, `max_tokens = 1e\+30 is larger than the API can hold`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config: emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id = "asst-support"
  ` + tc.setting + `
}`),
					PlanOnly:    true,
					ExpectError: errorMatching(tc.want),
				}},
			})
		})
	}
}

// Whole numbers written as whole numbers still go through and come back.
func TestAccAssistant_wholeNumbersAreSentAsWholeNumbers(t *testing.T) {
	emu := newTestEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id          = "asst-support"
  max_call_duration     = 600
  stop_speaking_options = { number_of_words = 4 }
}`),
			Check: resource.ComposeTestCheckFunc(
				emu.expectAssistant("asst-support", map[string]any{"maxCallDuration": 600}),
				resource.TestCheckResourceAttr(frontDesk, "max_call_duration", "600"),
				resource.TestCheckResourceAttr(frontDesk, "stop_speaking_options.number_of_words", "4"),
			),
		}},
	})
}
