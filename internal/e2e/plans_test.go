package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// Pipelines plan on review and apply the saved plan later; the team keeps
// using the dashboard in between. These tests make those changes between
// the two commands and check that the apply either records the number as
// the API returned it or fails with an error that says what happened, and
// never with Terraform's "inconsistent result after apply".

const planKey = "sk-plans"

// numberConfig adopts one number; body is the rest of the resource block.
func numberConfig(e164, body string) string {
	return tfconfig.RequiredProviders(`interactly = { source = "interactly/interactly" }`) + `
resource "interactly_number" "n" {
  number = "` + e164 + `"
` + body + `
}
`
}

// planWorkspace is a workspace on an emulator of two generated numbers
// under profile.
func planWorkspace(t *testing.T, profile emulator.Profile) (*tfcli.Workspace, *emulator.Server, emulator.Seed) {
	t.Helper()
	seed := emulator.GenerateSeed(2)
	ws, emu := newWorkspace(t, emulator.Options{APIKey: planKey, Seed: seed, Profile: profile})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY="+planKey)
	return ws, emu, seed
}

func write(t *testing.T, ws *tfcli.Workspace, config string) {
	t.Helper()
	if err := ws.WriteFile("main.tf", config); err != nil {
		t.Fatal(err)
	}
}

// resourceState is the interactly_number.n object in the workspace's state.
func resourceState(t *testing.T, ws *tfcli.Workspace) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(ws.Dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	var state struct {
		Resources []struct {
			Type      string `json:"type"`
			Instances []struct {
				Attributes map[string]any `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(data, &state); err != nil {
		t.Fatal(err)
	}
	for _, r := range state.Resources {
		if r.Type == "interactly_number" && len(r.Instances) == 1 {
			return r.Instances[0].Attributes
		}
	}
	t.Fatalf("no interactly_number in the state:\n%s", data)
	return nil
}

// mustFail runs a command that must fail with output matching pattern (in
// which a space matches any run of white space, as Terraform wraps lines).
func mustFail(t *testing.T, ws *tfcli.Workspace, pattern string, args ...string) {
	t.Helper()
	result, err := ws.Run(t.Context(), args...)
	if err != nil {
		t.Fatal(err)
	}
	output := result.Stdout + result.Stderr
	if result.ExitCode == 0 {
		t.Fatalf("want a failure matching %q, got success: %s", pattern, result)
	}
	if strings.Contains(output, "inconsistent result") {
		t.Fatalf("Terraform reported an inconsistent result: %s", result)
	}
	if !regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `\s+`)).MatchString(output) {
		t.Fatalf("the output does not match %q: %s", pattern, result)
	}
}

func TestAccSavedPlanAppliedAfterChangesElsewhere(t *testing.T) {
	for _, profile := range []emulator.Profile{emulator.ProfileDefault, emulator.ProfileSparse} {
		t.Run(string(profile), func(t *testing.T) {
			ws, emu, seed := planWorkspace(t, profile)
			number := seed.Numbers[0]
			write(t, ws, numberConfig(number.Number, `  assistant_id    = "asst-1"
  inbound_enabled = true`))
			mustRun(t, ws, "apply", "-auto-approve", "-no-color")

			write(t, ws, numberConfig(number.Number, `  assistant_id    = "asst-2"
  inbound_enabled = true`))
			mustRun(t, ws, "plan", "-out=tfplan", "-no-color")

			// In the dashboard, before the apply: another assistant, outbound
			// calls off (the configuration leaves them alone), a new label,
			// and inbound calls off (the configuration wants them on).
			changed, _ := emu.GetNumber(number.ID)
			changed.AssistantID, changed.OutboundEnabled, changed.Label, changed.InboundEnabled = "asst-3", false, "renamed", false
			emu.SetNumber(changed)

			mustRun(t, ws, "apply", "-no-color", "tfplan")
			got, _ := emu.GetNumber(number.ID)
			if got.AssistantID != "asst-2" || got.InboundEnabled || got.OutboundEnabled || got.Label != "renamed" {
				t.Errorf("the API holds %+v after the apply; want asst-2 and everything else as the dashboard left it", got)
			}
			// The apply wrote what the plan showed: the assistant it sent,
			// and every other value as planned.
			state := resourceState(t, ws)
			want := map[string]any{"assistant_id": "asst-2", "inbound_enabled": true, "outbound_enabled": true, "label": number.Label}
			if profile == emulator.ProfileSparse {
				// Never reported: the state keeps what it knew.
				want["outbound_enabled"], want["label"] = nil, nil
			}
			for attr, value := range want {
				if state[attr] != value {
					t.Errorf("state %s = %v, want %v", attr, state[attr], value)
				}
			}
			// The dashboard's changes are ordinary drift for the next plan:
			// inbound calls, which the configuration wants on, are turned
			// on again; the rest is recorded.
			mustRun(t, ws, "apply", "-auto-approve", "-no-color")
			// An API that never reports the switches shows no drift in them.
			repaired := profile != emulator.ProfileSparse
			if got, _ := emu.GetNumber(number.ID); got.InboundEnabled != repaired || got.OutboundEnabled || got.AssistantID != "asst-2" {
				t.Errorf("the API holds %+v after the next apply; want inbound on again: %v", got, repaired)
			}
			if r, _ := ws.Run(t.Context(), "plan", "-detailed-exitcode", "-no-color"); r.ExitCode != 0 {
				t.Errorf("the plan after the drift was repaired is not empty: %s", r)
			}
		})
	}
}

func TestAccSavedPlanOfANumberRemovedBeforeApply(t *testing.T) {
	ws, emu, seed := planWorkspace(t, emulator.ProfileDefault)
	number := seed.Numbers[1]
	write(t, ws, numberConfig(number.Number, `  assistant_id = "asst-1"`))
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	write(t, ws, numberConfig(number.Number, `  assistant_id = "asst-2"`))
	mustRun(t, ws, "plan", "-out=tfplan", "-no-color")
	emu.DeleteNumber(number.ID)
	mustFail(t, ws, `Unable to update number \+14155000001.*HTTP 404.*no longer in the team.*Run terraform plan again`, "apply", "-no-color", "tfplan")
}

// A new resource: the plan looks the number up and shows its ID, and an
// apply of that plan fails clearly when the number left the team in between.
func TestAccSavedPlanOfAnAdoption(t *testing.T) {
	ws, emu, seed := planWorkspace(t, emulator.ProfileDefault)
	number := seed.Numbers[1]
	write(t, ws, numberConfig(number.Number, `  assistant_id = "asst-2"`))
	mustRun(t, ws, "plan", "-out=tfplan", "-no-color")

	shown := mustRun(t, ws, "show", "-json", "tfplan")
	var plan struct {
		ResourceChanges []struct {
			Change struct {
				After        map[string]any `json:"after"`
				AfterUnknown map[string]any `json:"after_unknown"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal([]byte(shown.Stdout), &plan); err != nil || len(plan.ResourceChanges) != 1 {
		t.Fatalf("terraform show -json: %v\n%s", err, shown.Stdout)
	}
	change := plan.ResourceChanges[0].Change
	if change.After["id"] != number.ID || change.After["team_id"] != number.TeamID || change.After["provider_name"] != "twilio" {
		t.Errorf("planned id, team_id, provider_name = %v, %v, %v; want %s, %s, twilio",
			change.After["id"], change.After["team_id"], change.After["provider_name"], number.ID, number.TeamID)
	}
	// Nothing the apply leaves alone shows as "known after apply": the plan
	// shows the number's label and switches as the team has them.
	if change.After["label"] != number.Label || change.After["inbound_enabled"] != number.InboundEnabled ||
		change.After["outbound_enabled"] != number.OutboundEnabled {
		t.Errorf("planned label, inbound_enabled, outbound_enabled = %v, %v, %v; want the number's %q, %v, %v",
			change.After["label"], change.After["inbound_enabled"], change.After["outbound_enabled"],
			number.Label, number.InboundEnabled, number.OutboundEnabled)
	}
	if change.AfterUnknown["restore_point"] != true {
		t.Errorf("the restore point is planned as %v; the apply records it", change.After["restore_point"])
	}

	// Gone from the team before the apply: Terraform plans the change
	// again before applying it, and that plan fails as a plan would.
	emu.DeleteNumber(number.ID)
	emu.ResetCounts()
	mustFail(t, ws, `Number not found in the team.*has no number \+14155000001`, "apply", "-no-color", "tfplan")
	if n := emu.Counts()[routeUpdate]; n != 0 {
		t.Errorf("the failed apply sent %d PUT requests", n)
	}
}

func TestAccApplyWithoutRefreshAfterChangesElsewhere(t *testing.T) {
	ws, emu, seed := planWorkspace(t, emulator.ProfileDefault)
	number := seed.Numbers[0]
	write(t, ws, numberConfig(number.Number, `  assistant_id = "asst-1"`))
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")

	changed, _ := emu.GetNumber(number.ID)
	changed.InboundEnabled, changed.Label = false, "renamed"
	emu.SetNumber(changed)
	write(t, ws, numberConfig(number.Number, `  assistant_id = "asst-3"`))
	mustRun(t, ws, "apply", "-auto-approve", "-refresh=false", "-no-color")

	// Planned from the state, which knew nothing of the dashboard's
	// changes: the apply sent the assistant and recorded what it planned.
	state := resourceState(t, ws)
	if state["assistant_id"] != "asst-3" || state["inbound_enabled"] != true || state["label"] != number.Label {
		t.Errorf("state after apply -refresh=false: %v; want the planned values", state)
	}
	if got, _ := emu.GetNumber(number.ID); got.AssistantID != "asst-3" || got.InboundEnabled || got.Label != "renamed" {
		t.Errorf("the API holds %+v; want asst-3 and the dashboard's changes left alone", got)
	}
	// The next refresh records the dashboard's changes as drift.
	mustRun(t, ws, "apply", "-refresh-only", "-auto-approve", "-no-color")
	state = resourceState(t, ws)
	if state["inbound_enabled"] != false || state["label"] != "renamed" {
		t.Errorf("state after a refresh: %v; want the dashboard's inbound_enabled and label", state)
	}
}

// A number the team does not have fails the plan, before anything is sent.
func TestAccPlanFailsForANumberNotInTheTeam(t *testing.T) {
	ws, emu, _ := planWorkspace(t, emulator.ProfileDefault)
	write(t, ws, numberConfig("+19995550000", `  assistant_id = "asst-1"`))
	mustFail(t, ws, `Number not found in the team.*has no number \+19995550000`, "plan", "-no-color")
	counts := emu.Counts()
	if counts[routeUpdate] != 0 || counts[routeList] != 1 {
		t.Errorf("the plan sent %v; want one list call and no PUT", counts)
	}
}

// terraform validate checks the provider's arguments, with no API call.
func TestAccValidateRejectsBadProviderArguments(t *testing.T) {
	ws, emu, seed := planWorkspace(t, emulator.ProfileDefault)
	cases := map[string]string{
		`max_retries = -1`:                `max_retries.*between 0 and 100, got: -1`,
		`max_retries = 4294967297`:        `max_retries.*between 0 and 100, got: 4294967297`,
		`max_retries = 1.5`:               `max_retries = 1.5: the provider takes max_retries as a whole number`,
		`max_requests_per_second = 2.5`:   `max_requests_per_second = 2.5: the provider takes max_requests_per_second as a whole`,
		`request_timeout = "soon"`:        `request_timeout = "soon" is not a duration`,
		`request_timeout = "-5s"`:         `request_timeout = "-5s" must be longer than zero`,
		`request_timeout = "0s"`:          `request_timeout = "0s" must be longer than zero`,
		`base_url = "api.example.com"`:    `Invalid Interactly base URL.*has no scheme: add https:// in front`,
		`base_url = "https:///v1"`:        `Invalid Interactly base URL.*has no host`,
		`base_url = "ftp://example.com"`:  `Invalid Interactly base URL.*must start with https://`,
		`base_url = "http://example.com"`: `Invalid Interactly base URL.*not loopback`,
	}
	for argument, pattern := range cases {
		write(t, ws, `provider "interactly" {
  `+argument+`
}
`+numberConfig(seed.Numbers[0].Number, ""))
		mustFail(t, ws, pattern, "validate", "-no-color")
	}
	if counts := emu.Counts(); len(counts) != 0 {
		t.Errorf("validate made API calls: %v", counts)
	}
}

// The timeouts block bounds a whole operation: a PUT that hangs, with a
// request timeout of ten minutes, ends when the update timeout passes.
func TestAccTimeoutsCutShortAHungUpdate(t *testing.T) {
	ws, emu, seed := planWorkspace(t, emulator.ProfileDefault)
	ws.Env = append(ws.Env, "INTERACTLY_REQUEST_TIMEOUT=10m")
	number := seed.Numbers[0]
	body := func(assistant string) string {
		return `  assistant_id = "` + assistant + `"
  timeouts {
    update = "2s"
  }`
	}
	write(t, ws, numberConfig(number.Number, body("asst-1")))
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")

	emu.AddFault(emulator.Fault{Method: "PUT", Hang: true})
	write(t, ws, numberConfig(number.Number, body("asst-2")))
	start := time.Now()
	mustFail(t, ws, `Unable to update number \+14155000000: timed out.*Updating the number did not finish within 2s, its update timeout.*timeouts \{ update`,
		"apply", "-auto-approve", "-no-color")
	// Generous: without the deadline it would wait for the 10-minute request timeout.
	if took := time.Since(start); took > 45*time.Second {
		t.Errorf("the apply took %v to give up", took)
	}
}
