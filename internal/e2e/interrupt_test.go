package e2e

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// TestAccInterruptStopsPromptly: Ctrl-C during an apply whose API call hangs
// (with a request timeout of ten minutes) ends the apply at once: Terraform
// asks the provider to stop, and the provider abandons the request.
func TestAccInterruptStopsPromptly(t *testing.T) {
	seed := emulator.GenerateSeed(1)
	ws, emu := newWorkspace(t, emulator.Options{APIKey: "sk-interrupt", Seed: seed})
	emu.AddFault(emulator.Fault{Method: "PUT", Hang: true})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-interrupt", "INTERACTLY_REQUEST_TIMEOUT=10m")
	if err := ws.WriteFile("main.tf", tfconfig.NumbersConfig(specsFor(seed.Numbers, "asst-2", nil, nil))); err != nil {
		t.Fatal(err)
	}

	output, done := applyInterruptedOnceSent(t, ws, emu)
	interrupted := time.Now()
	select {
	case err := <-done:
		if err == nil {
			t.Fatalf("the interrupted apply succeeded:\n%s", output.String())
		}
		// Generous: without cancellation it would wait for the 10-minute timeout.
		if waited := time.Since(interrupted); waited > 30*time.Second {
			t.Errorf("the apply took %v to stop after the interrupt", waited)
		}
		if !strings.Contains(output.String(), "cancelled before the API answered") {
			t.Errorf("the output does not say the operation was cancelled:\n%s", output.String())
		}
	case <-time.After(2 * time.Minute):
		t.Fatalf("the apply did not stop within two minutes of the interrupt:\n%s", output.String())
	}
}

// applyInterruptedOnceSent starts terraform apply, waits until its PUT of a
// number reaches the emulator, and interrupts it (Ctrl-C); done reports
// when the CLI exits.
func applyInterruptedOnceSent(t *testing.T, ws *tfcli.Workspace, emu *emulator.Server) (*bytes.Buffer, <-chan error) {
	t.Helper()
	cmd := ws.Command(t.Context(), "apply", "-auto-approve", "-no-color")
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.Now().Add(time.Minute)
	for emu.Counts()[routeUpdate] == 0 { // the PUT is in, and hangs
		if time.Now().After(deadline) {
			t.Fatalf("the apply never sent its PUT:\n%s", output.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	return &output, done
}
