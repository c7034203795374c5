package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
)

// TestAccAssistantWebhookSecretsNeverLeak sets an assistant's webhook
// secret and headers with TF_LOG=TRACE and looks for them in the log and the
// command output (plans included). The sensitive webhook_secret and headers
// are kept in state by design; the write-only secret (Terraform 1.11 and
// later) is looked for in the state as well.
func TestAccAssistantWebhookSecretsNeverLeak(t *testing.T) {
	key := randomKey(t, "sk-live-")
	secret := randomKey(t, "whsec-")
	header := randomKey(t, "hook-token-")
	writeOnly := randomKey(t, "whsec-wo-")
	ws, emu := newWorkspace(t, emulator.Options{APIKey: key, Seed: emulator.GenerateSeed(1)})
	logPath := filepath.Join(ws.Dir, "terraform.log")
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY="+key, "TF_LOG=TRACE", "TF_LOG_PATH="+logPath,
		"TF_VAR_webhook_secret="+secret, "TF_VAR_hook_header=Bearer "+header, "TF_VAR_webhook_secret_wo="+writeOnly)
	config := func(url, secretArguments string) string {
		return `
terraform {
  required_providers {
    interactly = { source = "interactly/interactly" }
  }
}

variable "webhook_secret" {
  type      = string
  sensitive = true
}

variable "webhook_secret_wo" {
  type      = string
  sensitive = true
}

variable "hook_header" {
  type      = string
  sensitive = true
}

resource "interactly_assistant" "main" {
  assistant_id = "asst-1"
  webhook = {
    enabled = true
    url     = "` + url + `"
    headers = { Authorization = var.hook_header }
  }
` + secretArguments + `
}
`
	}
	var output strings.Builder
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) {
		r := mustRun(t, ws, args...)
		output.WriteString(r.Stdout + r.Stderr)
	}
	supportsWriteOnly := cliAtLeast(t, ws, 1, 11)
	write := func(url, secretArguments string) {
		must(ws.WriteFile("main.tf", config(url, secretArguments)))
	}
	write("https://hooks.example.com/a", `  webhook_secret = var.webhook_secret`)
	run("apply", "-auto-approve")
	write("https://hooks.example.com/b", `  webhook_secret = var.webhook_secret`)
	run("plan")
	run("apply", "-auto-approve")
	if supportsWriteOnly {
		write("https://hooks.example.com/b", "  webhook_secret_wo         = var.webhook_secret_wo\n  webhook_secret_wo_version = 1")
		run("apply", "-auto-approve")
		a, _ := emu.Assistant("asst-1")
		if server, _ := a["assistantServer"].(map[string]any); server["secret"] != writeOnly {
			t.Fatalf("the write-only secret did not reach the API: %v", server["secret"])
		}
	} else {
		t.Log("the CLI is older than 1.11: write-only arguments are not checked")
	}

	logData, err := os.ReadFile(logPath)
	must(err)
	log := string(logData)
	for _, want := range []string{"interactly_api", "http_request_body", "assistantServer"} {
		if !strings.Contains(log, want) {
			t.Fatalf("the TRACE log lacks %q: the provider's lines did not reach it", want)
		}
	}
	state, err := os.ReadFile(filepath.Join(ws.Dir, "terraform.tfstate"))
	must(err)
	places := map[string]struct {
		text    string
		secrets []string
	}{
		"log":    {log, []string{secret, header, writeOnly}},
		"output": {output.String(), []string{secret, header, writeOnly}},
		"state":  {string(state), []string{writeOnly}},
	}
	for name, place := range places {
		for _, s := range place.secrets {
			if i := strings.Index(place.text, s); i >= 0 {
				t.Errorf("the %s contains a webhook secret, near: %q", name, place.text[max(0, i-200):min(len(place.text), i+len(s)+50)])
			}
		}
	}
}

// cliAtLeast reports whether the workspace's CLI (Terraform or OpenTofu) is
// at least version major.minor.
func cliAtLeast(t *testing.T, ws *tfcli.Workspace, major, minor int) bool {
	t.Helper()
	r := mustRun(t, ws, "version", "-json")
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal([]byte(r.Stdout), &v); err != nil {
		t.Fatalf("terraform version -json: %v: %s", err, r.Stdout)
	}
	var gotMajor, gotMinor int
	if _, err := fmt.Sscanf(v.Version, "%d.%d", &gotMajor, &gotMinor); err != nil {
		t.Fatalf("terraform version %q: %v", v.Version, err)
	}
	return gotMajor > major || gotMajor == major && gotMinor >= minor
}
