package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// Ctrl-C during an adoption whose PUT the API applied but never answered:
// the provider takes one short look after the interrupt, finds the number as
// planned, and keeps it in state, untainted, with its restore point; the next
// plan has nothing to do (no "-/+ must be replaced" that would detach the
// live line).
func TestAccInterruptedAdoptionThatWentThroughIsKept(t *testing.T) {
	ws, emu, seed := planWorkspace(t, emulator.ProfileDefault)
	n := seed.Numbers[1] // no assistant
	emu.AddFault(emulator.Fault{Method: "PUT", Hang: true, Apply: true, Times: 1})
	ws.Env = append(ws.Env, "INTERACTLY_REQUEST_TIMEOUT=10m")
	write(t, ws, numberConfig(n.Number, `  assistant_id = "asst-2"
  on_destroy   = "restore"`))

	apply := startApply(t, ws)
	apply.waitFor(t, "its PUT", func() bool { return emu.Counts()[routeUpdate] > 0 }) // the PUT is in, and hangs
	_ = apply.stop(t)                                                                 // Ctrl-C ends the apply with an error either way
	output := apply.output
	if !strings.Contains(strings.Join(strings.Fields(output.String()), " "), "the update went through") {
		t.Errorf("the apply does not say it found the update applied:\n%s", output.String())
	}
	data, err := os.ReadFile(filepath.Join(ws.Dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), `"status": "tainted"`) {
		t.Errorf("the number is tainted:\n%s", data)
	}
	if got := resourceState(t, ws)["assistant_id"]; got != "asst-2" {
		t.Errorf("state holds assistant_id %v, want asst-2", got)
	}
	if result := mustRun(t, ws, "plan", "-detailed-exitcode", "-no-color"); result.ExitCode != 0 {
		t.Errorf("the next plan is not empty:\n%s", result.Stdout)
	}
}
