package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// The write-only secret is needed only by a plan that sends it: a read-only
// drift check without it plans no change; a new webhook_secret_wo_version
// without it fails the plan, naming both attributes.
func TestAccAssistant_webhookSecretWriteOnlyOnlyWhenSent(t *testing.T) {
	emu, patches := newPatchRecordingEmulator(t)
	const webhook = `
resource "interactly_assistant" "front_desk" {
  assistant_id = "asst-support"
  webhook = {
    enabled = true
    url     = "https://hooks.example.com/a"
  }
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		Steps: []resource.TestStep{
			{
				Config: emu.config(webhook + `
  webhook_secret_wo         = "wo-1"
  webhook_secret_wo_version = 1
}`),
				Check: emu.expectWebhookSecret("wo-1"),
			},
			{
				// The drift job of a CI runner that has no secret.
				Config: emu.config(webhook + `
  webhook_secret_wo_version = 1
}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeTestCheckFunc(
					patches.expectPatches(1),
					emu.expectWebhookSecret("wo-1"),
				),
			},
			{
				Config: emu.config(webhook + `
  webhook_secret_wo_version = 2
}`),
				ExpectError: errorMatching(`webhook_secret_wo_version.*webhook_secret_wo`),
			},
			{
				// A version is any number, 1.5 too: the plan meets our rule,
				// not a conversion error of the framework.
				Config: emu.config(webhook + `
  webhook_secret_wo_version = 1.5
}`),
				ExpectError: errorMatching(`webhook_secret_wo_version.*webhook_secret_wo`),
			},
			{
				// A create sends the secret, so it needs it.
				Config: emu.config(`
resource "interactly_assistant" "night" {
  assistant_id              = "asst-night"
  webhook_secret_wo_version = 1
}`),
				ExpectError: errorMatching(`webhook_secret_wo_version.*webhook_secret_wo`),
			},
		},
	})
}
