package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// Configuration generated for an imported assistant
// (plan -generate-config-out) applies the import with no change, and then
// plans clean.
func TestAccAssistantGeneratedConfigPlansClean(t *testing.T) {
	ws, emu := newWorkspace(t, emulator.Options{APIKey: "sk-generate", Seed: emulator.GenerateSeed(1)})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-generate")
	if err := ws.WriteFile("main.tf", `
terraform {
  required_providers {
    interactly = { source = "interactly/interactly" }
  }
}

import {
  to = interactly_assistant.main
  id = "asst-1"
}
`); err != nil {
		t.Fatal(err)
	}
	mustRun(t, ws, "plan", "-generate-config-out=generated.tf")
	generated, err := os.ReadFile(filepath.Join(ws.Dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("generated:\n%s", generated)
	if !strings.Contains(string(generated), `system_prompt`) {
		t.Fatalf("the generated configuration lacks the settings:\n%s", generated)
	}
	before, _ := emu.Assistant("asst-1")
	mustRun(t, ws, "apply", "-auto-approve")
	if after, _ := emu.Assistant("asst-1"); !equalJSON(before, after) {
		t.Errorf("adopting with the generated configuration changed the assistant:\nbefore %v\nafter  %v", before, after)
	}
	plan, err := ws.Run(t.Context(), "plan", "-detailed-exitcode", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	if plan.ExitCode != 0 {
		t.Errorf("the plan after adopting with the generated configuration is not empty:\n%s\ngenerated:\n%s", plan, generated)
	}
}

func equalJSON(a, b any) bool {
	x, errX := json.Marshal(a)
	y, errY := json.Marshal(b)
	return errX == nil && errY == nil && string(x) == string(y)
}
