package e2e

import (
	"strings"
	"testing"

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
	apply := startApply(t, ws)
	// The create is applied, and its answer hangs.
	apply.waitFor(t, "its create", func() bool { return len(emu.KnowledgeBases()) > 0 })
	apply.interrupt(t)
	output := apply.output
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
