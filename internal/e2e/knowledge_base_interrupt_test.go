package e2e

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// Ctrl-C while the create of a knowledge base waits for its answer (the API
// made it) stops the apply; the create is not sent again, and the error says
// a knowledge base may exist and how to import it.
func TestAccKnowledgeBaseInterruptedCreateIsNotRepeated(t *testing.T) {
	ws, emu := newWorkspace(t, emulator.Options{APIKey: "sk-interrupt-kb", Seed: emulator.GenerateSeed(1)})
	emu.AddFault(emulator.Fault{Method: "POST", Route: "/kb/v1/knowledge-bases", Hang: true, Apply: true})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-interrupt-kb", "INTERACTLY_REQUEST_TIMEOUT=10m")
	config := tfconfig.RequiredProviders(`interactly = { source = "interactly/interactly" }`) + `
resource "interactly_knowledge_base" "faq" {
  title = "Bakery FAQ"
}
`
	if err := ws.WriteFile("main.tf", config); err != nil {
		t.Fatal(err)
	}
	cmd := ws.Command(t.Context(), "apply", "-auto-approve", "-no-color")
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.Now().Add(time.Minute)
	for len(emu.KnowledgeBases()) == 0 { // the create is applied, and its answer hangs
		if time.Now().After(deadline) {
			t.Fatalf("the apply never created the knowledge base:\n%s", output.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err == nil {
			t.Fatalf("the interrupted apply succeeded:\n%s", output.String())
		}
	case <-time.After(2 * time.Minute):
		_ = cmd.Process.Kill()
		t.Fatalf("the apply did not stop within two minutes of the interrupt:\n%s", output.String())
	}
	text := strings.Join(strings.Fields(output.String()), " ")
	for _, want := range []string{`Knowledge base "Bakery FAQ" may have been created`, "cancelled before the API answered", "import"} {
		if !strings.Contains(text, want) {
			t.Errorf("the output does not say %q:\n%s", want, output.String())
		}
	}
	if n := emu.Counts()["POST /kb/v1/knowledge-bases"]; n != 1 || len(emu.KnowledgeBases()) != 1 {
		t.Errorf("%d creates sent, %d knowledge bases; want 1 and 1", n, len(emu.KnowledgeBases()))
	}
}
