package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

const faq = "interactly_knowledge_base.faq"

// kbFiles is a directory of local files for a knowledge base.
type kbFiles struct {
	t   *testing.T
	dir string
}

func newKBFiles(t *testing.T) kbFiles {
	t.Helper()
	return kbFiles{t: t, dir: t.TempDir()}
}

// write writes a file and returns its path.
func (f kbFiles) write(name, content string) string {
	f.t.Helper()
	p := filepath.Join(f.dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		f.t.Fatal(err)
	}
	return p
}

func (f kbFiles) path(name string) string { return filepath.Join(f.dir, name) }

// theKnowledgeBase is the one knowledge base of the emulator.
func (e *testEmulator) theKnowledgeBase() (emulator.KnowledgeBase, error) {
	kbs := e.KnowledgeBases()
	if len(kbs) != 1 {
		return emulator.KnowledgeBase{}, fmt.Errorf("the emulator holds %d knowledge bases, want 1: %+v", len(kbs), kbs)
	}
	return kbs[0], nil
}

// expectKnowledgeBase checks the emulator's one knowledge base.
func (e *testEmulator) expectKnowledgeBase(check func(emulator.KnowledgeBase) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		kb, err := e.theKnowledgeBase()
		if err != nil {
			return err
		}
		return check(kb)
	}
}

// expectFileNames checks the names of the files the emulator holds.
func (e *testEmulator) expectFileNames(names ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var got []string
		for _, f := range e.Files() {
			got = append(got, f.Name)
		}
		slices.Sort(got)
		slices.Sort(names)
		if !slices.Equal(got, names) {
			return fmt.Errorf("the team holds files %q, want %q", got, names)
		}
		return nil
	}
}

// eventsSince returns the knowledge-base events after the first n.
func (e *testEmulator) eventsSince(n int) []string {
	events := e.KnowledgeBaseEvents()
	if n > len(events) {
		return nil
	}
	return events[n:]
}

// expectEvents checks the writes since mark (see markEvents), as patterns
// in which FILE and KB stand for any ID.
func (e *testEmulator) expectEvents(mark *int, patterns ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := e.eventsSince(*mark)
		if len(got) != len(patterns) {
			return fmt.Errorf("writes %q, want %d: %q", got, len(patterns), patterns)
		}
		for i, p := range patterns {
			prefix, _, _ := strings.Cut(p, "*")
			if !strings.HasPrefix(got[i], prefix) {
				return fmt.Errorf("write %d is %q, want %q (all: %q)", i, got[i], p, got)
			}
		}
		return nil
	}
}

// markEvents remembers how many writes happened so far.
func (e *testEmulator) markEvents(mark *int) func() {
	return func() { *mark = len(e.KnowledgeBaseEvents()) }
}

// faqAttr reads an attribute of interactly_knowledge_base.faq from state
// into dst.
func faqAttr(key string, dst *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[faq]
		if !ok {
			return fmt.Errorf("%s not in state", faq)
		}
		*dst = rs.Primary.Attributes[key]
		return nil
	}
}

// hcl quotes a path for a configuration.
func hcl(s string) string { return fmt.Sprintf("%q", s) }
