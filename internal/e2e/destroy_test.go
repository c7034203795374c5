package e2e

import (
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// Since Terraform 1.3 the refresh before a destroy is a full plan: the
// refresh removes a number that left the team, and the same provider
// process then plans it as new. That plan must warn, not fail, or the
// destroy of the whole workspace is blocked.
func TestAccDestroyAfterANumberLeftTheTeam(t *testing.T) {
	ws, emu, seed := planWorkspace(t, emulator.ProfileDefault)
	gone, kept := seed.Numbers[0], seed.Numbers[1]
	write(t, ws, numberConfig(gone.Number, `  assistant_id = "asst-1"`)+`
resource "interactly_number" "kept" {
  number       = "`+kept.Number+`"
  assistant_id = "asst-2"
}
`)
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	emu.DeleteNumber(gone.ID)

	// A plan says what happened, and what an apply would do.
	plan := mustRun(t, ws, "plan", "-no-color")
	if out := plan.Stdout + plan.Stderr; !strings.Contains(out, "Number "+gone.Number+" left the team") ||
		!strings.Contains(out, "Adopting number "+gone.Number+" again will fail") {
		t.Errorf("the plan does not warn that %s left the team: %s", gone.Number, plan)
	}
	// Terraform shows no warning of the refresh before a destroy; the
	// destroy plan and the destroy succeed.
	mustRun(t, ws, "plan", "-destroy", "-no-color")
	mustRun(t, ws, "destroy", "-auto-approve", "-no-color")
	if got, _ := emu.GetNumber(kept.ID); got.AssistantID != "" {
		t.Errorf("the destroy did not release the number still in the team: %+v", got)
	}
	if list := mustRun(t, ws, "state", "list"); strings.TrimSpace(list.Stdout) != "" {
		t.Errorf("resources left in state after the destroy: %s", list.Stdout)
	}
}

// A number that was never in state and that the team lacks still fails the
// plan, even in a process that forgot another number.
func TestAccPlanFailsForANumberNeverAdopted(t *testing.T) {
	ws, emu, seed := planWorkspace(t, emulator.ProfileDefault)
	gone := seed.Numbers[0]
	write(t, ws, numberConfig(gone.Number, `  assistant_id = "asst-1"`))
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	emu.DeleteNumber(gone.ID)
	write(t, ws, numberConfig(gone.Number, `  assistant_id = "asst-1"`)+`
resource "interactly_number" "never" {
  number = "+14155009999"
}
`)
	mustFail(t, ws, `Number not found in the team.*has no number \+14155009999`, "plan", "-no-color")
}

// One failure, said once: when the shared listing fails or the key is
// refused, one warning explains it and every resource says in one line of
// its error that it failed for that reason.
func TestAccOneFailureSaidOnce(t *testing.T) {
	const numbers = 30
	seed := emulator.GenerateSeed(numbers)
	ws, emu := newWorkspace(t, emulator.Options{APIKey: planKey, Seed: seed})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY="+planKey, "INTERACTLY_MAX_RETRIES=0")
	write(t, ws, tfconfig.NumbersConfig(specsFor(seed.Numbers, "asst-1", nil, nil)))
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")

	emu.AddFault(emulator.Fault{Method: "GET", Route: "/assistants/v1/numbers", Status: 503})
	result, err := ws.Run(t.Context(), "plan", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	output := flatten(result.Stdout + result.Stderr)
	if full, short := strings.Count(output, "server fault"), strings.Count(output, "Explained in full, with what to do"); full != 1 || short != numbers {
		t.Errorf("a failing listing: %d full explanations and %d one-line errors, want 1 and %d:\n%s", full, short, numbers, output)
	}

	emu.ClearFaults()
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-wrong")
	if result, err = ws.Run(t.Context(), "plan", "-no-color"); err != nil {
		t.Fatal(err)
	}
	output = flatten(result.Stdout + result.Stderr)
	if full, short := strings.Count(output, "keys are managed in the Interactly dashboard"), strings.Count(output, "Explained in full, with what to do"); full != 1 || short != numbers {
		t.Errorf("a refused key: %d full explanations and %d one-line errors, want 1 and %d:\n%s", full, short, numbers, output)
	}
}
