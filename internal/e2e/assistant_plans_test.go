package e2e

import (
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// A saved plan of an assistant applies as planned after the dashboard
// changed settings the configuration omits (they are neither sent nor
// reported as an inconsistency), and so does an apply with -refresh=false.
func TestAccAssistantSavedPlanAndNoRefresh(t *testing.T) {
	ws, emu := newWorkspace(t, emulator.Options{APIKey: "sk-plans", Seed: emulator.GenerateSeed(1)})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-plans")
	config := func(prompt string) string {
		return `
terraform {
  required_providers {
    interactly = { source = "interactly/interactly" }
  }
}

resource "interactly_assistant" "main" {
  assistant_id  = "asst-1"
  system_prompt = "` + prompt + `"
}
`
	}
	write := func(prompt string) {
		t.Helper()
		if err := ws.WriteFile("main.tf", config(prompt)); err != nil {
			t.Fatal(err)
		}
	}
	field := func(name string) any {
		a, _ := emu.Assistant("asst-1")
		return a[name]
	}
	write("First")
	mustRun(t, ws, "apply", "-auto-approve")

	write("Second")
	mustRun(t, ws, "plan", "-out=tfplan")
	emu.EditAssistant("asst-1", map[string]any{"name": "Renamed in the dashboard", "assistantSystemPrompt": "Edited too"})
	mustRun(t, ws, "apply", "tfplan")
	if field("assistantSystemPrompt") != "Second" || field("name") != "Renamed in the dashboard" {
		t.Errorf("after the saved plan: prompt %v, name %v; want the planned prompt and the dashboard's name", field("assistantSystemPrompt"), field("name"))
	}
	// The dashboard's rename shows on the next refresh as drift of an
	// omitted setting: recorded, nothing to change.
	if plan, err := ws.Run(t.Context(), "plan", "-detailed-exitcode", "-no-color"); err != nil || plan.ExitCode != 0 {
		t.Errorf("plan after the saved plan: %v %s", err, plan)
	}

	write("Third")
	mustRun(t, ws, "apply", "-auto-approve", "-refresh=false")
	if field("assistantSystemPrompt") != "Third" || field("name") != "Renamed in the dashboard" {
		t.Errorf("after -refresh=false: prompt %v, name %v", field("assistantSystemPrompt"), field("name"))
	}
}
