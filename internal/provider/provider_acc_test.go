package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

const listAllNumbers = `
data "interactly_numbers" "all" {}
`

// Not parallel: it clears INTERACTLY_API_KEY in the test process, where the
// in-process provider reads it.
func TestAccProvider_configurationErrors(t *testing.T) {
	t.Setenv(envAPIKey, "")
	t.Setenv(envBaseURL, "")
	emu := newTestEmulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      `provider "interactly" {}` + listAllNumbers,
				ExpectError: errorMatching(`Missing Interactly API key.*api_key in the provider block or the ` + envAPIKey),
			},
			{
				Config: `
provider "interactly" {
  api_key  = "` + testAPIKey + `"
  base_url = "http://api-prod.interactly.ai"
}` + listAllNumbers,
				ExpectError: errorMatching(`Invalid Interactly base URL.*not loopback.*unencrypted`),
			},
			{
				Config: `
provider "interactly" {
  api_key         = "` + testAPIKey + `"
  base_url        = "` + emu.URL + `"
  request_timeout = "soon"
}` + listAllNumbers,
				ExpectError: errorMatching(`Invalid request_timeout.*request_timeout = "soon" is not a duration`),
			},
			{
				// The environment stands in for the block.
				PreConfig: func() {
					t.Setenv(envAPIKey, testAPIKey)
					t.Setenv(envBaseURL, emu.URL)
				},
				Config: `provider "interactly" {}` + listAllNumbers,
				Check:  resource.TestCheckResourceAttr("data.interactly_numbers.all", "numbers.#", "3"),
			},
		},
	})
}

// Every request names the provider and the Terraform version that runs it.
func TestAccProvider_userAgent(t *testing.T) {
	env, requests := newRecordingEmulator(t)
	pattern := regexp.MustCompile(`^terraform-provider-interactly/test Terraform/\d+\.\d+\.\d+`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(listAllNumbers),
			Check: func(*terraform.State) error {
				seen := requests.all()
				if len(seen) == 0 {
					return fmt.Errorf("no request reached the API")
				}
				for _, r := range seen {
					if !pattern.MatchString(r.UserAgent()) {
						return fmt.Errorf("User-Agent %q does not match %s", r.UserAgent(), pattern)
					}
				}
				return nil
			},
		}},
	})
}
