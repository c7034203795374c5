package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// The guide section "Drift checks in CI", run as written: a scheduled
// `terraform plan -detailed-exitcode` against a team whose dashboard
// changes things, through the emulator's admin routes as a person would.
// Each exit code is the one the guide gives for the case.

const driftKey = "sk-drift"

func driftConfig(prompt string) string {
	return tfconfig.RequiredProviders(`interactly = { source = "interactly/interactly" }`) + `
resource "interactly_assistant" "front_desk" {
  assistant_id  = "asst-1"
  system_prompt = "` + prompt + `"
}

resource "interactly_number" "main" {
  number       = "+14155000000"
  assistant_id = "asst-2"
}
`
}

// driftPlan runs the drift check and returns its exit code and output.
func driftPlan(t *testing.T, ws *tfcli.Workspace) (int, string) {
	t.Helper()
	r, err := ws.Run(t.Context(), "plan", "-detailed-exitcode", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	return r.ExitCode, r.Stdout + r.Stderr
}

// wantDrift checks the drift check's exit code, and that its output says
// what the guide says it says.
func wantDrift(t *testing.T, ws *tfcli.Workspace, what string, code int, says ...string) {
	t.Helper()
	got, output := driftPlan(t, ws)
	if got != code {
		t.Fatalf("%s: plan -detailed-exitcode exited %d, want %d:\n%s", what, got, code, output)
	}
	for _, s := range says {
		if !strings.Contains(strings.Join(strings.Fields(output), " "), s) {
			t.Errorf("%s: the plan does not say %q:\n%s", what, s, output)
		}
	}
}

// admin sends a request to an emulator admin route, as the guide's curl
// lines do, and checks its status.
func admin(t *testing.T, ws *tfcli.Workspace, method, path, body string, status int) {
	t.Helper()
	var base string
	for _, kv := range ws.Env {
		if v, ok := strings.CutPrefix(kv, "INTERACTLY_BASE_URL="); ok {
			base = v
		}
	}
	req, err := http.NewRequestWithContext(t.Context(), method, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != status {
		t.Fatalf("%s %s answered %d, want %d", method, path, res.StatusCode, status)
	}
}

func TestAccDriftCheckInCI(t *testing.T) {
	// Two numbers, one managed: a team that still has numbers.
	seed := emulator.GenerateSeed(2)
	ws, _ := newWorkspace(t, emulator.Options{APIKey: driftKey, Seed: seed})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY="+driftKey)
	number := seed.Numbers[0]
	write(t, ws, driftConfig("You are the front desk."))
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	wantDrift(t, ws, "no change anywhere", 0)

	// A configured setting edited in the dashboard: 2, and an apply puts
	// it back.
	admin(t, ws, "PATCH", "/_emulator/assistants/asst-1", `{"assistantSystemPrompt": "Edited in the dashboard"}`, http.StatusOK)
	wantDrift(t, ws, "a prompt edited in the dashboard", 2, "interactly_assistant.front_desk will be updated in-place")
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	wantDrift(t, ws, "after the apply", 0)
	// Settings the configuration leaves out are only recorded: 0.
	admin(t, ws, "PATCH", "/_emulator/assistants/asst-1", `{"name": "Renamed in the dashboard"}`, http.StatusOK)
	admin(t, ws, "PATCH", "/_emulator/numbers/"+number.ID, `{"outboundEnabled": false, "label": "renamed"}`, http.StatusOK)
	wantDrift(t, ws, "settings the configuration leaves out, changed in the dashboard", 0)

	// A number released in the dashboard: 2, a plan to adopt it again
	// that cannot be applied.
	admin(t, ws, "DELETE", "/_emulator/numbers/"+number.ID, "", http.StatusNoContent)
	wantDrift(t, ws, "a number released in the dashboard", 2,
		"Number "+number.Number+" left the team", "interactly_number.main will be created")
	// Once someone recorded that with apply -refresh-only, the number is
	// not in state and the plan fails: 1.
	mustRun(t, ws, "apply", "-refresh-only", "-auto-approve", "-no-color")
	wantDrift(t, ws, "a released number after apply -refresh-only", 1, "Number not found in the team", "has no number "+number.Number)
	// The number back in the team: 2, and the apply adopts it again.
	admin(t, ws, "POST", "/_emulator/numbers", `{"_id": "`+number.ID+`", "number": "`+number.Number+`"}`, http.StatusCreated)
	wantDrift(t, ws, "the number back in the team", 2, "interactly_number.main will be created")
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	wantDrift(t, ws, "after adopting it again", 0)

	// Every number of the team released: an empty listing is no evidence
	// (another team's key without numbers looks the same), so 1, with the
	// number kept in state.
	other := seed.Numbers[1]
	admin(t, ws, "DELETE", "/_emulator/numbers/"+number.ID, "", http.StatusNoContent)
	admin(t, ws, "DELETE", "/_emulator/numbers/"+other.ID, "", http.StatusNoContent)
	wantDrift(t, ws, "every number of the team released", 1, "The team lists no numbers at all")
	admin(t, ws, "POST", "/_emulator/numbers", `{"_id": "`+number.ID+`", "number": "`+number.Number+`", "assistantId": "asst-2"}`, http.StatusCreated)
	admin(t, ws, "POST", "/_emulator/numbers", `{"_id": "`+other.ID+`", "number": "`+other.Number+`"}`, http.StatusCreated)
	wantDrift(t, ws, "the numbers back once more", 0)

	// Any apply after a release saves the state without the number, as
	// apply -refresh-only does: the apply fails to adopt it, and the next
	// drift check is 1.
	admin(t, ws, "DELETE", "/_emulator/numbers/"+number.ID, "", http.StatusNoContent)
	mustFail(t, ws, `Number not found in the team`, "apply", "-auto-approve", "-no-color")
	wantDrift(t, ws, "a released number after a failed apply", 1, "Number not found in the team")
	admin(t, ws, "POST", "/_emulator/numbers", `{"_id": "`+number.ID+`", "number": "`+number.Number+`", "assistantId": "asst-2"}`, http.StatusCreated)
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	wantDrift(t, ws, "the number adopted once more", 0)

	// An assistant deleted in the dashboard: 2, and 1 after apply -refresh-only.
	admin(t, ws, "DELETE", "/_emulator/assistants/asst-1", "", http.StatusNoContent)
	wantDrift(t, ws, "an assistant deleted in the dashboard", 2,
		"Assistant asst-1 removed from state", "interactly_assistant.front_desk will be created")
	mustRun(t, ws, "apply", "-refresh-only", "-auto-approve", "-no-color")
	wantDrift(t, ws, "a deleted assistant after apply -refresh-only", 1, "Assistant not found in the team", `has no assistant "asst-1"`)
}
