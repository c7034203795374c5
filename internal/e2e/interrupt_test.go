package e2e

import (
	"bytes"
	"os"
	"os/exec"
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

	apply := startApply(t, ws)
	apply.waitFor(t, "its PUT", func() bool { return emu.Counts()[routeUpdate] > 0 }) // the PUT is in, and hangs
	waited := apply.interrupt(t)
	// Generous: without cancellation it would wait for the 10-minute timeout.
	if waited > 30*time.Second {
		t.Errorf("the apply took %v to stop after the interrupt", waited)
	}
	if !strings.Contains(apply.output.String(), "cancelled before the API answered") {
		t.Errorf("the output does not say the operation was cancelled:\n%s", apply.output.String())
	}
}

// backgroundApply is a terraform apply running while the test watches the
// emulator, to interrupt it at the right moment.
type backgroundApply struct {
	cmd    *exec.Cmd
	output *bytes.Buffer
	done   chan error
}

func startApply(t *testing.T, ws *tfcli.Workspace) *backgroundApply {
	t.Helper()
	cmd := ws.Command(t.Context(), "apply", "-auto-approve", "-no-color")
	a := &backgroundApply{cmd: cmd, output: &bytes.Buffer{}, done: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = a.output, a.output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { a.done <- cmd.Wait() }()
	return a
}

// waitFor polls until reached says the apply got there (the emulator is
// another process's view: there is no channel to wait on), for a minute.
func (a *backgroundApply) waitFor(t *testing.T, what string, reached func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !reached() {
		if time.Now().After(deadline) {
			t.Fatalf("the apply never sent %s:\n%s", what, a.output.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// interrupt sends Ctrl-C, waits for the apply to fail, and returns how long
// it took to stop.
func (a *backgroundApply) interrupt(t *testing.T) time.Duration {
	t.Helper()
	interrupted := time.Now()
	if err := a.stop(t); err == nil {
		t.Fatalf("the interrupted apply succeeded:\n%s", a.output.String())
	}
	return time.Since(interrupted)
}

// stop sends Ctrl-C and waits, for two minutes at most, for the apply to
// exit; it returns how the CLI exited.
func (a *backgroundApply) stop(t *testing.T) error {
	t.Helper()
	if err := a.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-a.done:
		return err
	case <-time.After(2 * time.Minute):
		_ = a.cmd.Process.Kill()
		t.Fatalf("the apply did not stop within two minutes of the interrupt:\n%s", a.output.String())
		return nil
	}
}
