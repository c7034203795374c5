package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// Resource identity (import blocks by identity) came with Terraform 1.12 and
// OpenTofu 1.12, and list blocks with `terraform query` with Terraform 1.14
// (OpenTofu has none as of 1.12). These tests run on every CLI that has the
// feature and skip, saying why, on the others; CI runs them on Terraform
// 1.12, 1.13 and 1.14.

const identityKey = "sk-identity"

// featureWorkspace is a workspace on two generated numbers, or a skipped
// test when its CLI lacks the feature that supported names.
func featureWorkspace(t *testing.T, feature string, supported func(tfcli.CLIVersion) bool) (*tfcli.Workspace, *emulator.Server, emulator.Seed) {
	t.Helper()
	seed := emulator.GenerateSeed(2)
	ws, emu := newWorkspace(t, emulator.Options{APIKey: identityKey, Seed: seed})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY="+identityKey)
	version, err := ws.Version(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !supported(version) {
		t.Skipf("%s is not in %s", feature, version.Text)
	}
	return ws, emu, seed
}

// An import block that names the number by its identity imports it, the
// plan after it is empty, and nothing is written to the API.
func TestAccImportByIdentity(t *testing.T) {
	ws, emu, seed := featureWorkspace(t, "import by resource identity (Terraform 1.12 or OpenTofu 1.12 and later)",
		func(v tfcli.CLIVersion) bool {
			return v.AtLeast(tfcli.Terraform, 1, 12) || v.AtLeast(tfcli.OpenTofu, 1, 12)
		})
	n := seed.Numbers[0]
	write(t, ws, tfconfig.RequiredProviders(`interactly = { source = "interactly/interactly" }`)+`
import {
  to       = interactly_number.n
  identity = { id = "`+n.ID+`" }
}

resource "interactly_number" "n" {
  number       = "`+n.Number+`"
  assistant_id = "`+n.AssistantID+`"
}
`)
	plan := mustRun(t, ws, "plan", "-no-color")
	if !strings.Contains(plan.Stdout, "Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.") {
		t.Fatalf("the plan does not import the number alone: %s", plan)
	}
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	if got := resourceState(t, ws)["id"]; got != n.ID {
		t.Errorf("state holds id %v, want %s", got, n.ID)
	}
	if r, err := ws.Run(t.Context(), "plan", "-detailed-exitcode", "-no-color"); err != nil || r.ExitCode != 0 {
		t.Errorf("the plan after the import is not empty (%v): %s", err, r)
	}
	if puts := emu.Counts()["PUT /assistants/v1/numbers/{id}"]; puts != 0 {
		t.Errorf("the import sent %d PUT requests; it must change nothing", puts)
	}
}

// terraform query -generate-config-out writes an import block and a
// resource block for each number, and the configuration it wrote plans as
// imports alone.
func TestAccQueryGeneratesConfig(t *testing.T) {
	ws, emu, seed := featureWorkspace(t, "terraform query (Terraform 1.14 and later; OpenTofu has none as of 1.12)",
		func(v tfcli.CLIVersion) bool { return v.AtLeast(tfcli.Terraform, 1, 14) })
	write(t, ws, tfconfig.RequiredProviders(`interactly = { source = "interactly/interactly" }`)+`
provider "interactly" {}
`)
	if err := ws.WriteFile("numbers.tfquery.hcl", `
list "interactly_number" "all" {
  provider         = interactly
  include_resource = true
}
`); err != nil {
		t.Fatal(err)
	}
	mustRun(t, ws, "query", "-generate-config-out=generated.tf", "-no-color")
	generated, err := os.ReadFile(filepath.Join(ws.Dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range seed.Numbers {
		for _, want := range []string{`"` + n.Number + `"`, `"` + n.ID + `"`} {
			if !strings.Contains(string(generated), want) {
				t.Errorf("generated.tf lacks %s:\n%s", want, generated)
			}
		}
	}
	plan := mustRun(t, ws, "plan", "-no-color")
	if !strings.Contains(plan.Stdout, "Plan: 2 to import, 0 to add, 0 to change, 0 to destroy.") {
		t.Fatalf("the generated configuration does not plan as two imports alone: %s", plan)
	}
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	if puts := emu.Counts()["PUT /assistants/v1/numbers/{id}"]; puts != 0 {
		t.Errorf("the query and the import sent %d PUT requests; they must change nothing", puts)
	}
}
