package e2e

import (
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// One number, one assistant, one owner: a plan in which two resources adopt
// the same one fails, and one resource is never taken for two however
// Terraform plans it (replaced, tainted, imported, moved).

const ownerKey = "sk-owner"

func ownerWorkspace(t *testing.T) (*tfcli.Workspace, emulator.Seed) {
	t.Helper()
	seed := emulator.GenerateSeed(2)
	ws, _ := newWorkspace(t, emulator.Options{APIKey: ownerKey, Seed: seed})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY="+ownerKey)
	return ws, seed
}

func ownerConfig(blocks string) string {
	return tfconfig.RequiredProviders(`interactly = { source = "interactly/interactly" }`) + blocks
}

func numberBlock(name, e164, assistant string) string {
	return `
resource "interactly_number" "` + name + `" {
  number       = "` + e164 + `"
  assistant_id = "` + assistant + `"
}
`
}

func TestAccOwnershipTwoNumbersFail(t *testing.T) {
	ws, seed := ownerWorkspace(t)
	e164 := seed.Numbers[0].Number
	write(t, ws, ownerConfig(numberBlock("front", e164, "asst-1")+numberBlock("copy", e164, "asst-2")))
	mustFail(t, ws, `Two resources adopt number `+strings.ReplaceAll(e164, "+", `\+`)+
		`.*would set assistant_id = "asst-[12]".*would set assistant_id = "asst-[12]".*Keep one resource`, "plan", "-no-color")

	// One already in state, a copied block new: the same.
	write(t, ws, ownerConfig(numberBlock("front", e164, "asst-1")))
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	write(t, ws, ownerConfig(numberBlock("front", e164, "asst-1")+numberBlock("copy", e164, "asst-2")))
	mustFail(t, ws, `Two resources adopt number`, "plan", "-no-color")
}

func TestAccOwnershipTwoImportsFail(t *testing.T) {
	ws, seed := ownerWorkspace(t)
	n := seed.Numbers[0]
	write(t, ws, ownerConfig(numberBlock("a", n.Number, "asst-1")+numberBlock("b", n.Number, "asst-1")+`
import {
  to = interactly_number.a
  id = "`+n.ID+`"
}
import {
  to = interactly_number.b
  id = "`+n.Number+`"
}
`))
	mustFail(t, ws, `Two resources adopt number`, "plan", "-no-color")
}

func TestAccOwnershipTwoAssistantsFail(t *testing.T) {
	ws, _ := ownerWorkspace(t)
	write(t, ws, ownerConfig(`
resource "interactly_assistant" "a" {
  assistant_id = "asst-1"
  name         = "Front desk"
}
resource "interactly_assistant" "b" {
  assistant_id   = "asst-1"
  name           = "Sales"
  webhook_secret = "whsec-owner-secret"
}
`))
	mustFail(t, ws, `Two resources adopt assistant asst-1.*name = "(Front desk|Sales)".*name = "(Front desk|Sales)"`, "plan", "-no-color")
	// What each would set never shows a secret.
	result, err := ws.Run(t.Context(), "plan", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	if out := result.Stdout + result.Stderr; strings.Contains(out, "whsec-owner-secret") || !strings.Contains(out, "webhook_secret (sensitive)") {
		t.Errorf("the error shows the webhook secret, or does not say it is set:\n%s", out)
	}
}

// One resource planned in every way Terraform plans one is one owner.
func TestAccOwnershipOneResourceIsOneOwner(t *testing.T) {
	ws, seed := ownerWorkspace(t)
	e164 := seed.Numbers[0].Number
	// Adopted by an import block.
	write(t, ws, ownerConfig(numberBlock("front", e164, "asst-1")+`
resource "interactly_assistant" "desk" {
  assistant_id = "asst-1"
}
import {
  to = interactly_number.front
  id = "`+seed.Numbers[0].ID+`"
}
import {
  to = interactly_assistant.desk
  id = "asst-1"
}
`))
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")

	// Replaced: planned with its prior state, then again without.
	for _, addr := range []string{"interactly_number.front", "interactly_assistant.desk"} {
		result := mustRun(t, ws, "plan", "-no-color", "-replace="+addr)
		if !strings.Contains(result.Stdout, "1 to add, 0 to change, 1 to destroy") {
			t.Errorf("plan -replace=%s does not replace it: %s", addr, result)
		}
	}
	mustRun(t, ws, "apply", "-auto-approve", "-no-color", "-replace=interactly_number.front", "-replace=interactly_assistant.desk")

	// Tainted: planned once, without its private state.
	mustRun(t, ws, "taint", "interactly_number.front")
	mustRun(t, ws, "taint", "interactly_assistant.desk")
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")

	// Moved to another address.
	write(t, ws, ownerConfig(numberBlock("main", e164, "asst-1")+`
resource "interactly_assistant" "front_desk" {
  assistant_id = "asst-1"
}
moved {
  from = interactly_number.front
  to   = interactly_number.main
}
moved {
  from = interactly_assistant.desk
  to   = interactly_assistant.front_desk
}
`))
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	if r, _ := ws.Run(t.Context(), "plan", "-detailed-exitcode", "-no-color"); r.ExitCode != 0 {
		t.Errorf("the plan after the move is not empty: %s", r)
	}
}
