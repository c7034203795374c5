package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// expectWebhookSecret checks the secret the emulator holds for an assistant's webhook.
func (e *testEmulator) expectWebhookSecret(want string) resource.TestCheckFunc {
	const id = "asst-support"
	return func(*terraform.State) error {
		a, ok := e.Assistant(id)
		if !ok {
			return fmt.Errorf("the emulator has no assistant %s", id)
		}
		server, _ := a["assistantServer"].(map[string]any)
		if got, _ := server["secret"].(string); got != want {
			return fmt.Errorf("assistant %s's webhook secret is %q, want %q", id, got, want)
		}
		return nil
	}
}

// The secret travels with the webhook: changing another webhook setting
// sends it again, so that an API that replaces the webhook whole keeps it.
func TestAccAssistant_webhookSecret(t *testing.T) {
	emu, patches := newPatchRecordingEmulator(t)
	config := func(url string) string {
		return emu.config(`
resource "interactly_assistant" "front_desk" {
  assistant_id = "asst-support"
  webhook = {
    enabled = true
    url     = "` + url + `"
    headers = { Authorization = "Bearer hook-token" }
  }
  webhook_secret = "s3cret-1"
}`)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config("https://hooks.example.com/a"),
				Check:  emu.expectWebhookSecret("s3cret-1"),
			},
			{
				Config: config("https://hooks.example.com/b"),
				Check: resource.ComposeTestCheckFunc(
					patches.expectFieldsSent("assistantServer"),
					emu.expectWebhookSecret("s3cret-1"),
				),
			},
		},
	})
}

// The write-only secret is sent at creation and whenever its version
// changes, never stored.
func TestAccAssistant_webhookSecretWriteOnly(t *testing.T) {
	emu, patches := newPatchRecordingEmulator(t)
	config := func(secret string, version int) string {
		return emu.config(fmt.Sprintf(`
resource "interactly_assistant" "front_desk" {
  assistant_id = "asst-support"
  webhook = {
    enabled = true
    url     = "https://hooks.example.com/a"
  }
  webhook_secret_wo         = %q
  webhook_secret_wo_version = %d
}`, secret, version))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		// Write-only arguments need Terraform 1.11 or later.
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		Steps: []resource.TestStep{
			{
				Config:            config("wo-1", 1),
				ConfigStateChecks: expectState(frontDesk, map[string]any{"webhook_secret_wo": nil}),
				Check:             emu.expectWebhookSecret("wo-1"),
			},
			{
				// A new value alone changes nothing: the version says when to send it.
				Config: config("wo-2", 1),
				Check: resource.ComposeTestCheckFunc(
					patches.expectPatches(1),
					emu.expectWebhookSecret("wo-1"),
				),
			},
			{
				Config: config("wo-2", 2),
				Check: resource.ComposeTestCheckFunc(
					patches.expectPatches(2),
					patches.expectFieldsSent("assistantServer"),
					emu.expectWebhookSecret("wo-2"),
				),
			},
		},
	})
}
