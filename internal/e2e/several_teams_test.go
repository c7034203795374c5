package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// The guide section "Several teams in one configuration", run as written:
// one provider alias per team (each with its own key), one instance of a
// local module per team given its alias through `providers`, installed with
// `terraform get` under dev_overrides, import blocks into the module, and
// `-generate-config-out` with `provider =` in the root module. Then one
// for_each instance is let go the way the guide says: on_destroy = "keep",
// apply, remove it, apply; and another with terraform state rm.

const (
	teamA, keyA = "1f7b1b1b1b1b1b1b1b1b1b1b", "sk-team-a"
	teamB, keyB = "2a7c3c3c3c3c3c3c3c3c3c3c", "sk-team-b"
)

// twoTeamSeed gives each team two numbers, both attached to the team's own
// assistants, so that releasing one with the default on_destroy would
// change it.
func twoTeamSeed() emulator.Seed {
	return emulator.Seed{
		TeamID:     teamA,
		Assistants: []string{"asst-a1", "asst-a2"},
		AssistantDocuments: []emulator.Assistant{
			{"_id": "asst-b1", "teamId": teamB, "name": "Team B front desk"},
		},
		Numbers: []emulator.Number{
			{ID: "a-1", Number: "+14155550100", AssistantID: "asst-a1", InboundEnabled: true, OutboundEnabled: true},
			{ID: "a-2", Number: "+14155550101", AssistantID: "asst-a2", InboundEnabled: true},
			{ID: "b-1", TeamID: teamB, Number: "+14155550200", AssistantID: "asst-b1", InboundEnabled: true, OutboundEnabled: true},
			{ID: "b-2", TeamID: teamB, Number: "+14155550201", AssistantID: "asst-b1", InboundEnabled: true},
		},
	}
}

// clientModule is the module instantiated once per team: the team's lines,
// each with the assistant it answers with and what destroy does to it.
const clientModule = `terraform {
  required_providers {
    interactly = { source = "interactly/interactly" }
  }
}

variable "lines" {
  type = map(object({
    number       = string
    assistant_id = string
    on_destroy   = optional(string, "detach")
  }))
}

resource "interactly_number" "this" {
  for_each = var.lines

  number       = each.value.number
  assistant_id = each.value.assistant_id
  on_destroy   = each.value.on_destroy
}

output "ids" {
  value = { for k, n in interactly_number.this : k => n.id }
}
`

// teamProviders declares one alias per team, each with its key from a
// variable: ephemeral where the CLI has ephemeral variables (Terraform
// 1.10, OpenTofu 1.11), so the keys stay out of saved plans, and merely
// sensitive on older CLIs, which have nothing better.
func teamProviders(v tfcli.CLIVersion) string {
	keyVariable := func(name string) string {
		attrs := "  type      = string\n  sensitive = true\n"
		if v.AtLeast(tfcli.Terraform, 1, 10) || v.AtLeast(tfcli.OpenTofu, 1, 11) {
			attrs += "  ephemeral = true\n"
		}
		return "variable \"" + name + "\" {\n" + attrs + "}\n\n"
	}
	return tfconfig.RequiredProviders(`interactly = { source = "interactly/interactly" }`) +
		keyVariable("team_a_api_key") + keyVariable("team_b_api_key") + `provider "interactly" {
  alias   = "team_a"
  api_key = var.team_a_api_key
}

provider "interactly" {
  alias   = "team_b"
  api_key = var.team_b_api_key
}
`
}

// teamsConfig instantiates the module once per team. aLines is the body of
// team A's lines map (team B's is fixed); imports are the import blocks.
func teamsConfig(v tfcli.CLIVersion, aLines, imports string) string {
	return teamProviders(v) + `
locals {
  team_a_lines = {
` + aLines + `
  }
  team_b_lines = {
    main  = { number = "+14155550200", assistant_id = "asst-b1" }
    after = { number = "+14155550201", assistant_id = "asst-b1" }
  }
}

module "team_a" {
  source    = "./modules/client"
  providers = { interactly = interactly.team_a }
  lines     = local.team_a_lines
}

module "team_b" {
  source    = "./modules/client"
  providers = { interactly = interactly.team_b }
  lines     = local.team_b_lines
}
` + imports
}

// moduleImports imports every line of both teams into the module
// instances: with for_each where the CLI has it (Terraform and OpenTofu
// 1.7), else one block per line. The provider comes from the module's
// `providers`: an import block into a module cannot name one.
func moduleImports(v tfcli.CLIVersion, aKeys []string) string {
	if hasForEachImports(v) {
		return `
import {
  for_each = local.team_a_lines
  to       = module.team_a.interactly_number.this[each.key]
  id       = each.value.number
}

import {
  for_each = local.team_b_lines
  to       = module.team_b.interactly_number.this[each.key]
  id       = each.value.number
}
`
	}
	numbers := map[string]string{"main": "+14155550100", "front": "+14155550101"}
	var b strings.Builder
	for _, key := range aKeys {
		b.WriteString("\nimport {\n  to = module.team_a.interactly_number.this[\"" + key + "\"]\n  id = \"" + numbers[key] + "\"\n}\n")
	}
	for key, number := range map[string]string{"main": "+14155550200", "after": "+14155550201"} {
		b.WriteString("\nimport {\n  to = module.team_b.interactly_number.this[\"" + key + "\"]\n  id = \"" + number + "\"\n}\n")
	}
	return b.String()
}

// hasForEachImports reports whether import blocks take for_each (Terraform
// and OpenTofu 1.7 and later).
func hasForEachImports(v tfcli.CLIVersion) bool {
	return v.AtLeast(tfcli.Terraform, 1, 7) || v.AtLeast(tfcli.OpenTofu, 1, 7)
}

func TestAccSeveralTeamsInOneConfiguration(t *testing.T) {
	ws, emu := newWorkspace(t, emulator.Options{APIKey: keyA, TeamKeys: map[string]string{keyB: teamB}, Seed: twoTeamSeed()})
	ws.Env = append(ws.Env, "TF_VAR_team_a_api_key="+keyA, "TF_VAR_team_b_api_key="+keyB)
	v, err := ws.Version(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	seeded := emu.Numbers()
	if !hasForEachImports(v) {
		t.Logf("%s has no for_each in import blocks: importing into the modules with one block per line", v.Text)
	}

	// In the root module, `provider =` in an import block picks the alias
	// whose key sees the number, and the generated block names it.
	write(t, ws, teamProviders(v)+`
import {
  to       = interactly_number.team_b_main
  provider = interactly.team_b
  id       = "+14155550200"
}
`)
	plan := mustRun(t, ws, "plan", "-generate-config-out=generated.tf", "-no-color")
	if !strings.Contains(plan.Stdout, "Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.") {
		t.Fatalf("the import with provider = interactly.team_b does not plan as one import: %s", plan)
	}
	generated, err := os.ReadFile(filepath.Join(ws.Dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`provider\s*=\s*interactly\.team_b`).Match(generated) || !strings.Contains(string(generated), `"asst-b1"`) {
		t.Errorf("the generated block does not name the alias or the number's assistant:\n%s", generated)
	}
	if err := os.Remove(filepath.Join(ws.Dir, "generated.tf")); err != nil {
		t.Fatal(err)
	}

	// A module instance per team, installed with terraform get: init would
	// look the provider up in the registry, which dev_overrides skip.
	if err := os.MkdirAll(filepath.Join(ws.Dir, "modules", "client"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := ws.WriteFile(filepath.Join("modules", "client", "main.tf"), clientModule); err != nil {
		t.Fatal(err)
	}
	bothLines := `    main  = { number = "+14155550100", assistant_id = "asst-a1" }
    front = { number = "+14155550101", assistant_id = "asst-a2" }`
	write(t, ws, teamsConfig(v, bothLines, moduleImports(v, []string{"main", "front"})))
	mustFail(t, ws, `Module not installed`, "plan", "-no-color")
	mustRun(t, ws, "get", "-no-color")

	plan = mustRun(t, ws, "plan", "-no-color")
	if !strings.Contains(plan.Stdout, "Plan: 4 to import, 0 to add, 0 to change, 0 to destroy.") {
		t.Fatalf("the module instances do not plan as four imports alone: %s", plan)
	}
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	if r, err := ws.Run(t.Context(), "plan", "-detailed-exitcode", "-no-color"); err != nil || r.ExitCode != 0 {
		t.Fatalf("the plan after the imports is not empty (%v): %s", err, r)
	}
	teams := map[string]string{}
	for _, line := range strings.Fields(mustRun(t, ws, "state", "list").Stdout) {
		teams[line] = stateAttribute(t, ws, line, "team_id")
	}
	want := map[string]string{
		`module.team_a.interactly_number.this["main"]`: teamA, `module.team_a.interactly_number.this["front"]`: teamA,
		`module.team_b.interactly_number.this["main"]`: teamB, `module.team_b.interactly_number.this["after"]`: teamB,
	}
	if len(teams) != len(want) {
		t.Errorf("state holds %v, want %v", teams, want)
	}
	for address, team := range want {
		if teams[address] != team {
			t.Errorf("%s has team_id %q in state, want %q", address, teams[address], team)
		}
	}

	// Let team A's front line go without touching it: keep first...
	keepFront := `    main  = { number = "+14155550100", assistant_id = "asst-a1" }
    front = { number = "+14155550101", assistant_id = "asst-a2", on_destroy = "keep" }`
	write(t, ws, teamsConfig(v, keepFront, moduleImports(v, []string{"main", "front"})))
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	// ...then remove it from the configuration (and from the imports).
	mainOnly := `    main  = { number = "+14155550100", assistant_id = "asst-a1" }`
	write(t, ws, teamsConfig(v, mainOnly, moduleImports(v, []string{"main"})))
	plan = mustRun(t, ws, "plan", "-no-color")
	if !strings.Contains(plan.Stdout, "Plan: 0 to add, 0 to change, 1 to destroy.") {
		t.Fatalf("removing the front line does not plan as one destroy: %s", plan)
	}
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	if list := mustRun(t, ws, "state", "list").Stdout; strings.Contains(list, `this["front"]`) {
		t.Errorf("the front line is still in state:\n%s", list)
	}
	// The other way: terraform state rm by the instance's address, then
	// remove it from the configuration; nothing is left to plan.
	mustRun(t, ws, "state", "rm", "-no-color", `module.team_a.interactly_number.this["main"]`)
	write(t, ws, teamsConfig(v, "", moduleImports(v, nil)))
	// Every number is as it was seeded, team A's lines included: nothing
	// was written to any of them.
	if got := emu.Numbers(); !slices.Equal(got, seeded) {
		t.Errorf("the numbers changed:\n got %+v\nwant %+v", got, seeded)
	}
	if puts := emu.Counts()["PUT /assistants/v1/numbers/{id}"]; puts != 0 {
		t.Errorf("%d PUT requests; adopting numbers as they are and letting one go with keep must send none", puts)
	}
	if r, err := ws.Run(t.Context(), "plan", "-detailed-exitcode", "-no-color"); err != nil || r.ExitCode != 0 {
		t.Errorf("the plan after letting team A's lines go is not empty (%v): %s", err, r)
	}
}

// An import block into a module cannot name a provider: Terraform and
// OpenTofu refuse it as soon as they read the configuration (terraform get
// already), and say to use the module's providers argument.
func TestAccSeveralTeamsImportIntoAModuleNamesNoProvider(t *testing.T) {
	ws, _ := newWorkspace(t, emulator.Options{APIKey: keyA, TeamKeys: map[string]string{keyB: teamB}, Seed: twoTeamSeed()})
	v, err := ws.Version(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(ws.Dir, "modules", "client"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := ws.WriteFile(filepath.Join("modules", "client", "main.tf"), clientModule); err != nil {
		t.Fatal(err)
	}
	write(t, ws, teamsConfig(v, `    main = { number = "+14155550100", assistant_id = "asst-a1" }`, `
import {
  to       = module.team_a.interactly_number.this["main"]
  provider = interactly.team_a
  id       = "+14155550100"
}
`))
	mustFail(t, ws, `Invalid import provider argument.*providers argument within the module block`, "get", "-no-color")
}

// stateAttribute is one attribute of the resource instance at address, as
// terraform state show prints it.
func stateAttribute(t *testing.T, ws *tfcli.Workspace, address, name string) string {
	t.Helper()
	shown := mustRun(t, ws, "state", "show", "-no-color", address).Stdout
	m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(name) + `\s*=\s*"([^"]*)"`).FindStringSubmatch(shown)
	if m == nil {
		t.Fatalf("%s has no %s in state:\n%s", address, name, shown)
	}
	return m[1]
}
