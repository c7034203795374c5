package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// Faults of the API, through Terraform: each transient one is absorbed by
// retries and the apply ends as configured; the others fail with a message
// that says what happened.
func TestAccFaults_transientFaultsAreRetried(t *testing.T) {
	cases := map[string]emulator.Fault{
		"503 on PUT":                    {Method: "PUT", Route: "/assistants/v1/numbers/{id}", Status: 503, Times: 2},
		"502 on list":                   {Method: "GET", Route: "/assistants/v1/numbers", Status: 502, Times: 1},
		"504 on PUT":                    {Method: "PUT", Status: 504, Times: 1},
		"429 with Retry-After seconds":  {Method: "GET", Status: 429, Times: 2, RetryAfter: "1"},
		"429 with Retry-After date":     {Method: "PUT", Status: 429, Times: 1, RetryAfter: "Thu, 01 Jan 1970 00:00:00 GMT"},
		"dropped connection":            {Method: "PUT", Drop: true, Times: 1},
		"hung request hits the timeout": {Method: "GET", Hang: true, Times: 1},
		"slow answer within timeout":    {Method: "PUT", Latency: 300 * 1e6, Times: 1},
	}
	for name, fault := range cases {
		t.Run(name, func(t *testing.T) {
			emu := newTestEmulator(t)
			emu.AddFault(fault)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config: emu.configWith(`request_timeout = "2s"`, `
resource "interactly_number" "sales" {
  number       = "+14155550101"
  assistant_id = "asst-sales"
}`),
					Check: resource.ComposeTestCheckFunc(
						emu.expectAPI(salesID, want{"asst-sales", true, false}),
						// The fault answered as many requests as it was
						// given, so the apply went through the retries.
						emu.expectFaultHits(fault.Times),
					),
				}},
			})
		})
	}
}

func TestAccFaults_rateLimitedAPI(t *testing.T) {
	emu := newTestEmulatorWith(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam(), RateLimit: 2})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: emu.config(`
locals {
  numbers = ["+14155550100", "+14155550101", "+442071838750"]
}

resource "interactly_number" "all" {
  count        = length(local.numbers)
  number       = local.numbers[count.index]
  assistant_id = "asst-night"
}`),
			Check: resource.ComposeTestCheckFunc(
				// Three PUTs at once against a burst of two: the API refused
				// some, and the apply still ended as configured.
				emu.expectRefusals(),
				emu.expectAPI(supportID, want{"asst-night", true, true}),
				emu.expectAPI(salesID, want{"asst-night", true, false}),
				emu.expectAPI(londonID, want{"asst-night", false, false}),
			),
		}},
	})
}

func TestAccFaults_permanentFailuresAreReported(t *testing.T) {
	cases := map[string]struct {
		fault   emulator.Fault
		retries string
		err     string
		profile emulator.Profile
	}{
		"retries run out": {emulator.Fault{Method: "PUT", Status: 503}, "max_retries = 1",
			`Unable to configure number \+14155550101.*HTTP 503 Service Unavailable.*gave up after 2 attempts.*server fault`, ""},
		"malformed body": {emulator.Fault{Method: "GET", Malformed: true}, "",
			`Unable to look up number \+14155550101.*not a valid answer`, ""},
		"hung beyond every attempt": {emulator.Fault{Method: "GET", Hang: true}, "max_retries = 1\n  request_timeout = \"1s\"",
			`Unable to look up number.*failed after 2 attempts.*(Timeout|deadline)`, ""},
		"server bug": {emulator.Fault{Method: "PUT", Status: 500}, "",
			`HTTP 500 Internal Server Error`, ""},
		// A proxy in front of the API answers with an HTML page.
		"HTML error page": {emulator.Fault{Method: "PUT", Status: 502}, "max_retries = 0",
			`HTTP 502 Bad Gateway: an HTML page titled "502 Bad Gateway".*may or may not have been applied`, emulator.ProfileVerbose},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			emu := newTestEmulatorWith(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam(), Profile: tc.profile})
			emu.AddFault(tc.fault)
			config := emu.configWith(tc.retries, `
resource "interactly_number" "sales" {
  number       = "+14155550101"
  assistant_id = "asst-sales"
}`)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{
					{Config: config, ExpectError: errorMatching(tc.err)},
					{
						// Once the API is healthy again the next apply
						// converges, whatever the failure left in state.
						PreConfig: func() {
							if emu.Faults()[0].Hits == 0 {
								t.Errorf("the fault never fired; the error came from elsewhere")
							}
							emu.ClearFaults()
						},
						Config: config,
						Check:  emu.expectAPI(salesID, want{"asst-sales", true, false}),
					},
				},
			})
		})
	}
}
