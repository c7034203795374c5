package e2e

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
)

func randomKey(t *testing.T, prefix string) string {
	t.Helper()
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return prefix + hex.EncodeToString(b)
}

// TestAccSecretsNeverLeak runs create, update, import and a refused key with
// TF_LOG=TRACE, and looks for either key in everything Terraform wrote: the
// log (which includes the provider's own TRACE lines), the state and the
// command output.
func TestAccSecretsNeverLeak(t *testing.T) {
	key := randomKey(t, "sk-live-")
	wrongKey := randomKey(t, "sk-revoked-")
	seed := emulator.GenerateSeed(3)
	// The emulator sends the Authorization header back in every answer, so
	// the key reaches the provider's logs and errors unless it is masked.
	ws, _ := newWorkspace(t, emulator.Options{APIKey: key, Seed: seed, EchoAuthorization: true})
	logPath := filepath.Join(ws.Dir, "terraform.log")
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY="+key, "TF_LOG=TRACE", "TF_LOG_PATH="+logPath)

	number := seed.Numbers[0]
	config := func(assistant string) string {
		return `
terraform {
  required_providers {
    interactly = { source = "interactly/interactly" }
  }
}

variable "api_key" {
  type      = string
  default   = null
  sensitive = true
}

provider "interactly" {
  api_key = var.api_key # null: INTERACTLY_API_KEY
}

resource "interactly_number" "main" {
  number       = "` + number.Number + `"
  assistant_id = "` + assistant + `"
}
`
	}
	var output strings.Builder
	record := func(r tfcli.Result) { output.WriteString(r.Stdout + r.Stderr) }

	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(ws.WriteFile("main.tf", config("asst-1")))
	record(mustRun(t, ws, "apply", "-auto-approve")) // create
	must(ws.WriteFile("main.tf", config("asst-2")))
	record(mustRun(t, ws, "apply", "-auto-approve")) // update
	record(mustRun(t, ws, "state", "rm", "interactly_number.main"))
	record(mustRun(t, ws, "import", "interactly_number.main", number.ID)) // import

	// A revoked key given in configuration, through a sensitive variable set
	// the way pipelines do (Terraform itself logs its command line, so a key
	// passed with -var would be in the log whatever the provider does).
	ws.Env = append(ws.Env, "TF_VAR_api_key="+wrongKey)
	refused, err := ws.Run(t.Context(), "plan", "-no-color")
	must(err)
	record(refused)
	if refused.ExitCode == 0 || !strings.Contains(refused.Stdout+refused.Stderr, "refused the API key") {
		t.Fatalf("plan with a revoked key: want a 401 that says the key was refused, got %s", refused)
	}

	logData, err := os.ReadFile(logPath)
	must(err)
	log := string(logData)
	// The log must hold the provider's API lines, or finding no key proves nothing.
	for _, want := range []string{"interactly_api", "API request", "http_status=401", "http_response_body", "echoedAuthorization"} {
		if !strings.Contains(log, want) {
			t.Fatalf("the TRACE log lacks %q: the provider's lines did not reach it", want)
		}
	}
	state, err := os.ReadFile(filepath.Join(ws.Dir, "terraform.tfstate"))
	must(err)
	if !strings.Contains(string(state), number.ID) {
		t.Fatal("the state does not hold the imported number")
	}
	places := map[string]string{"log": log, "state": string(state), "output": output.String()}
	if backup, err := os.ReadFile(filepath.Join(ws.Dir, "terraform.tfstate.backup")); err == nil {
		places["state backup"] = string(backup)
	}
	for name, text := range places {
		for _, secret := range []string{key, wrongKey} {
			if i := strings.Index(text, secret); i >= 0 {
				start := max(0, i-200)
				t.Errorf("the %s contains an API key, near: %q", name, text[start:min(len(text), i+len(secret)+50)])
			}
		}
	}
	// The echoed header may appear, masked, and only masked.
	for name, text := range places {
		for rest := text; ; {
			i := strings.Index(rest, "Bearer ")
			if i < 0 {
				break
			}
			rest = rest[i+len("Bearer "):]
			if !strings.HasPrefix(rest, "***") && !strings.HasPrefix(rest, "[REDACTED]") {
				t.Errorf("the %s contains an unmasked Authorization header value: %q", name, "Bearer "+rest[:min(len(rest), 12)])
				break
			}
		}
	}
}
