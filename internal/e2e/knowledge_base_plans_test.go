package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// knowledgeBaseConfig is a knowledge base of the workspace's kb/menu.md.
const knowledgeBaseConfig = `
resource "interactly_knowledge_base" "faq" {
  title = "Bakery FAQ"
  files = ["${path.module}/kb/menu.md"]
}
`

// A knowledge base's plans are exact: a plan without refresh is empty; a
// saved plan whose file changed on disk before the apply is refused before
// anything is written (Terraform's check of the final plan against the
// saved one, which names the file and both hashes), and the knowledge base
// still holds the first upload.
func TestAccKnowledgeBaseSavedPlanOfAFileChangedBeforeApply(t *testing.T) {
	ws, emu, _ := planWorkspace(t, emulator.ProfileDefault)
	menu := filepath.Join(ws.Dir, "kb", "menu.md")
	if err := os.MkdirAll(filepath.Dir(menu), 0o700); err != nil {
		t.Fatal(err)
	}
	writeMenu := func(content string) {
		if err := os.WriteFile(menu, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	writeMenu("sourdough 6")
	write(t, ws, tfconfig.RequiredProviders(`interactly = { source = "interactly/interactly" }`)+knowledgeBaseConfig)
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	plan, err := ws.Run(t.Context(), "plan", "-refresh=false", "-detailed-exitcode", "-no-color")
	if err != nil || plan.ExitCode != 0 {
		t.Fatalf("a plan without refresh is not empty (%v): %s", err, plan)
	}

	// A saved plan of a changed file applies as reviewed.
	writeMenu("sourdough 7")
	planned := mustRun(t, ws, "plan", "-out=tfplan", "-no-color")
	if !strings.Contains(planned.Stdout, "sha256") {
		t.Errorf("the plan does not show the file's new hash:\n%s", planned.Stdout)
	}
	mustRun(t, ws, "apply", "-no-color", "tfplan")
	events := emu.KnowledgeBaseEvents()
	if n := len(events); n < 3 || !strings.HasPrefix(events[n-3], "upload ") || !strings.HasPrefix(events[n-2], "put ") || !strings.HasPrefix(events[n-1], "delete-file ") {
		t.Errorf("writes %q, want an upload, the PUT and the old file's deletion last", events)
	}

	writeMenu("sourdough 8")
	mustRun(t, ws, "plan", "-out=tfplan", "-no-color")
	writeMenu("sourdough 9, changed after the review")
	emu.ResetCounts()
	mustFail(t, ws, `inconsistent final plan.*uploaded_files\["./kb/menu.md"\].sha256`, "apply", "-no-color", "tfplan")
	if n := emu.Counts()["POST /kb/v1/files"]; n != 0 {
		t.Errorf("%d uploads after the refused apply, want none", n)
	}
	if files := emu.Files(); len(files) != 1 {
		t.Errorf("the team holds files %+v after the failed apply, want only the first upload", files)
	}
	kbs := emu.KnowledgeBases()
	if len(kbs) != 1 || len(kbs[0].FileIDs) != 1 || kbs[0].FileIDs[0] != emu.Files()[0].ID {
		t.Errorf("the knowledge base holds %+v, want the first upload", kbs)
	}
}
