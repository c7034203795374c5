package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
)

// interactly-export writes a team as a root module that adopts it: the plan
// of the export in a new directory shows only imports, the apply writes
// nothing to the API, and the next plan is empty; under every profile of the
// emulator (a sparse answer must not become a written value), on whichever
// CLI runs the tests.

const exportKey = "sk-export"

// frontDeskPrompt is a multi-line prompt with characters HCL would
// interpret in a quoted string.
const frontDeskPrompt = "You are the front desk of \"Crumbs\" bakery.\n\nSay ${name} and %{if} literally.\nClose at 18:00.\n"

const webhookSecret = "whsec-never-in-files"

// The knowledge bases of the front desk: two the team has (put by
// putExportKnowledgeBases), one deleted in the dashboard.
const (
	exportKBID      = "65f0aaaabbbbccccddddeeee"
	exportKBHoursID = "65f0bbbbbbbbbbbbbbbbbbbb"
	exportKBGoneID  = "65f0ffffffffffffffffffff"
)

// putExportKnowledgeBases gives the team the front desk's knowledge bases:
// one with a file, URLs and every setting, one with a title alone.
func putExportKnowledgeBases(emu *emulator.Server) {
	emu.PutKnowledgeBase(emulator.KnowledgeBase{ID: exportKBHoursID, Title: "Opening hours"})
	f := emu.PutFile(emulator.File{Name: "menu.pdf"})
	emu.PutKnowledgeBase(emulator.KnowledgeBase{ID: exportKBID, Title: "Bakery FAQ", Description: "What callers ask",
		RetrainFrequencyMinutes: 1440, FileIDs: []string{f.ID},
		IncludeURLs: []emulator.KBURL{{URL: "https://bakery.example", Recursive: true, SubpathsOnly: true}},
		ExcludeURLs: []emulator.KBURL{{URL: "https://bakery.example/jobs"}}})
}

func exportSeed() emulator.Seed {
	frontDesk := emulator.Assistant{
		"_id": "asst-front", "name": "Front Desk",
		"assistantSystemPrompt":     frontDeskPrompt,
		"welcomeMessage":            "Welcome to Crumbs!",
		"assistantKnowledgeBaseIds": []any{exportKBID, exportKBHoursID, exportKBGoneID},
		"assistantTemperature":      0.4,
		"config": map[string]any{"speech": map[string]any{
			"stt":     map[string]any{"vendor": "microsoft", "languages": "en-US"},
			"ttsData": []any{map[string]any{"vendor": "eleven-labs", "language": "en-US", "voice": "v1"}},
		}},
		"assistantServer": map[string]any{"enabled": true, "url": "https://hooks.example/crumbs", "secret": webhookSecret,
			"headers": map[string]any{"Authorization": "Bearer header-secret"}, "messages": []any{"end-of-call-report"}},
	}
	return emulator.Seed{
		Assistants:         []string{"asst-sales", "asst-lonely"},
		AssistantDocuments: []emulator.Assistant{frontDesk},
		Numbers: []emulator.Number{
			// Two labels that make the same name, sharing one assistant.
			{ID: "num-1", Number: "+14155550101", Label: "Front Desk", AssistantID: "asst-front", InboundEnabled: true, OutboundEnabled: true},
			{ID: "num-2", Number: "+14155550102", Label: "front-desk", AssistantID: "asst-front", InboundEnabled: true},
			{ID: "num-3", Number: "+14155550103", Label: "Sales", AssistantID: "asst-sales", OutboundEnabled: true},
			{ID: "num-4", Number: "+14155550104"}, // no label, no assistant
		},
	}
}

var (
	exportBinaryOnce sync.Once
	exportBinary     string
	exportBinaryErr  error
)

// buildExport builds cmd/interactly-export once for all tests.
func buildExport(t *testing.T) string {
	t.Helper()
	exportBinaryOnce.Do(func() {
		// Beside the provider, in the directory TestMain removes.
		exportBinary = filepath.Join(providerDir, "interactly-export")
		out, err := exec.Command("go", "build", "-o", exportBinary, "../../cmd/interactly-export").CombinedOutput()
		if err != nil {
			exportBinaryErr = &buildError{out: string(out), err: err}
		}
	})
	if exportBinaryErr != nil {
		t.Fatal(exportBinaryErr)
	}
	return exportBinary
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string {
	return "building interactly-export: " + e.err.Error() + "\n" + e.out
}

// runExport runs the export with the workspace's environment (key and base
// URL) and args.
func runExport(t *testing.T, ws *tfcli.Workspace, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(context.Background(), buildExport(t), args...)
	cmd.Env = append(os.Environ(), ws.Env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("interactly-export %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// writes counts the requests that change something in the API.
func writes(emu *emulator.Server) int {
	n := 0
	for route, count := range emu.Counts() {
		if !strings.HasPrefix(route, "GET ") {
			n += count
		}
	}
	return n
}

// adoptsWithoutWrites checks the export in ws: its plan shows only the
// imports, its apply writes nothing to the API, the next plan is empty.
func adoptsWithoutWrites(t *testing.T, ws *tfcli.Workspace, emu *emulator.Server, imports int) {
	t.Helper()
	planSays(t, mustRun(t, ws, "plan", "-no-color"), fmt.Sprintf("%d to import, 0 to add, 0 to change, 0 to destroy", imports))
	emu.ResetCounts()
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	if n := writes(emu); n != 0 {
		t.Errorf("the apply of the export made %d writes to the API: %v", n, emu.Counts())
	}
	if r, _ := ws.Run(t.Context(), "plan", "-detailed-exitcode", "-no-color"); r.ExitCode != 0 {
		t.Fatalf("the plan after adopting the export is not empty: %s", r)
	}
}

// planSays checks that a plan's summary is want ("N to import, ...").
func planSays(t *testing.T, result tfcli.Result, want string) {
	t.Helper()
	if !regexp.MustCompile(`Plan: ` + regexp.QuoteMeta(want) + `\.`).MatchString(result.Stdout) {
		t.Fatalf("the plan does not say %q:\n%s", want, result)
	}
}

// hclContains reports whether text holds want, where " = " matches the
// alignment terraform fmt gives.
func hclContains(text, want string) bool {
	return regexp.MustCompile(strings.ReplaceAll(regexp.QuoteMeta(want), " = ", `\s+=\s+`)).MatchString(text)
}

func TestAccExportAdoptsTheTeam(t *testing.T) {
	for _, profile := range emulator.Profiles() {
		t.Run(string(profile), func(t *testing.T) {
			ws, emu := newWorkspace(t, emulator.Options{APIKey: exportKey, Seed: exportSeed(), Profile: profile})
			ws.Env = append(ws.Env, "INTERACTLY_API_KEY="+exportKey)
			putExportKnowledgeBases(emu)

			emu.ResetCounts()
			out := runExport(t, ws, "-out", ws.Dir, "-assistant", "asst-lonely")
			// One listing, one GET per assistant and per knowledge base the
			// assistants use (the sparse API reports none).
			kbReads, imports := 3, 9
			if profile == emulator.ProfileSparse {
				kbReads, imports = 0, 7
			}
			if counts := emu.Counts(); counts["GET /assistants/v1/numbers"] != 1 || counts["GET /assistants/v1/assistants/{id}"] != 3 ||
				counts["GET /kb/v1/knowledge-bases/{id}"] != kbReads || len(counts) != 2+min(kbReads, 1) {
				t.Errorf("the export made these requests: %v; want one listing, three assistant and %d knowledge base reads", counts, kbReads)
			}
			numbers := readFile(t, ws.Dir, "numbers.tf")
			assistants := readFile(t, ws.Dir, "assistants.tf")
			var knowledgeBases string
			if profile == emulator.ProfileSparse {
				if _, err := os.Stat(filepath.Join(ws.Dir, "knowledge_bases.tf")); err == nil || strings.Contains(assistants, "knowledge_base_ids") {
					t.Errorf("the export wrote knowledge bases the sparse API never reported:\n%s", assistants)
				}
			} else {
				knowledgeBases = readFile(t, ws.Dir, "knowledge_bases.tf")
				exportsKnowledgeBases(t, out, assistants, knowledgeBases)
			}
			t.Logf("numbers.tf:\n%s\nassistants.tf:\n%s\nknowledge_bases.tf:\n%s", numbers, assistants, knowledgeBases)
			// Names come from the labels, made unique (the sparse API
			// reports none: then from the numbers).
			names := []string{"front_desk", "front_desk_2", "sales", "number_14155550104", "front_desk_3"}
			if profile == emulator.ProfileSparse {
				names = []string{"number_14155550101", "number_14155550102", "number_14155550103", "number_14155550104", "number_14155550100"}
			}
			for _, want := range []string{
				`resource "interactly_number" "` + names[0] + `"`, `resource "interactly_number" "` + names[1] + `"`,
				`resource "interactly_number" "` + names[2] + `"`, `resource "interactly_number" "` + names[3] + `"`,
				"assistant_id = interactly_assistant.front_desk.id", "assistant_id = interactly_assistant.assistant_asst_sales.id",
			} {
				if !hclContains(numbers, want) {
					t.Errorf("numbers.tf lacks %q", want)
				}
			}
			if strings.Contains(numbers, `"asst-`) {
				t.Errorf("numbers.tf holds a raw assistant ID:\n%s", numbers)
			}
			if !strings.Contains(assistants, `resource "interactly_assistant" "assistant_asst_lonely"`) {
				t.Errorf("the assistant named with -assistant is not exported:\n%s", assistants)
			}
			if got := readFile(t, ws.Dir, "prompts/front_desk.txt"); got != frontDeskPrompt {
				t.Errorf("prompts/front_desk.txt holds %q, want the prompt %q", got, frontDeskPrompt)
			}
			for _, f := range []string{numbers, assistants, knowledgeBases, readFile(t, ws.Dir, "variables.tf")} {
				if regexp.MustCompile(`(?m)^\s*\w+\s*=\s*null`).MatchString(strings.Split(f, "variable")[0]) ||
					strings.Contains(f, webhookSecret) || strings.Contains(f, "header-secret") {
					t.Errorf("a file holds a null setting or a secret:\n%s", f)
				}
			}
			if profile == emulator.ProfileSparse {
				// The sparse API reports no switches: none is written.
				if strings.Contains(numbers, "inbound_enabled") || strings.Contains(assistants, "max_tokens") {
					t.Errorf("the export wrote settings the sparse API never reported:\n%s\n%s", numbers, assistants)
				}
			} else if !hclContains(numbers, "outbound_enabled = false") {
				t.Errorf("numbers.tf lacks the switches the API reported:\n%s", numbers)
			}

			adoptsWithoutWrites(t, ws, emu, imports)
			if events := emu.KnowledgeBaseEvents(); len(events) != 0 {
				t.Errorf("adopting the export changed knowledge bases: %q", events)
			}

			// The team changes; the user edits a prompt. A new export keeps
			// every name, adds the new number, and leaves the edit alone.
			edited := "You are the front desk, edited in Terraform.\n"
			if err := ws.WriteFile("prompts/front_desk.txt", edited); err != nil {
				t.Fatal(err)
			}
			emu.SetNumber(emulator.Number{ID: "num-0", TeamID: "1f7b1b1b1b1b1b1b1b1b1b1b", Number: "+14155550100",
				Provider: emulator.Provider{Name: "twilio"}, Label: "Front Desk", InboundEnabled: true})
			out = runExport(t, ws, "-out", ws.Dir, "-assistant", "asst-lonely")
			if !strings.Contains(out, "prompts/front_desk.txt was edited") {
				t.Errorf("the export does not say it kept the edited prompt:\n%s", out)
			}
			if got := readFile(t, ws.Dir, "prompts/front_desk.txt"); got != edited {
				t.Errorf("the export overwrote the edited prompt with %q", got)
			}
			if got := readFile(t, ws.Dir, "prompts/front_desk.txt.new"); got != frontDeskPrompt {
				t.Errorf("the team's prompt beside the edited one is %q", got)
			}
			renumbered := readFile(t, ws.Dir, "numbers.tf")
			for _, want := range names {
				if !strings.Contains(renumbered, `resource "interactly_number" "`+want+`"`) {
					t.Errorf("after the re-export numbers.tf lacks resource %s:\n%s", want, renumbered)
				}
			}
			mustRun(t, ws, "apply", "-auto-approve", "-no-color") // the new number, and the edited prompt
			if a, _ := emu.Assistant("asst-front"); a["assistantSystemPrompt"] != edited {
				t.Errorf("the edited prompt was not applied: %v", a["assistantSystemPrompt"])
			}
		})
	}
}

// exportsKnowledgeBases checks that the front desk's knowledge base is
// adopted and referenced, and that the one the team lacks keeps its ID and
// is reported.
func exportsKnowledgeBases(t *testing.T, out, assistants, knowledgeBases string) {
	t.Helper()
	if !strings.Contains(out, "knowledge base "+exportKBGoneID+", which the API says the team does not have") {
		t.Errorf("the export does not say the front desk uses a knowledge base the team lacks:\n%s", out)
	}
	for _, want := range []string{`resource "interactly_knowledge_base" "bakery_faq"`, `title = "Bakery FAQ"`,
		"retrain_frequency_minutes = 1440", "subpaths_only = true", `url = "https://bakery.example/jobs"`} {
		if !hclContains(knowledgeBases, want) {
			t.Errorf("knowledge_bases.tf lacks %q", want)
		}
	}
	if !hclContains(knowledgeBases, `resource "interactly_knowledge_base" "opening_hours" {
  # on_destroy is "empty"`) || strings.Contains(knowledgeBases, `description = ""`) {
		t.Errorf("knowledge_bases.tf does not adopt the opening hours, or writes their empty description")
	}
	if want := `knowledge_base_ids = [interactly_knowledge_base.bakery_faq.id, interactly_knowledge_base.opening_hours.id, "` +
		exportKBGoneID + `"]`; !hclContains(assistants, want) {
		t.Errorf("assistants.tf lacks %q", want)
	}
}

// Two teams exported into one directory, each with a provider alias: one
// configuration adopts both.
func TestAccExportTwoTeamsWithAliases(t *testing.T) {
	const teamB, keyB = "bbbbbbbbbbbbbbbbbbbbbbbb", "sk-export-b"
	seed := emulator.Seed{
		Assistants: []string{"asst-a"},
		AssistantDocuments: []emulator.Assistant{{"_id": "asst-b", "teamId": teamB, "name": "Front Desk",
			"assistantSystemPrompt": "Team B.\nSecond line.\n"}},
		Numbers: []emulator.Number{
			{ID: "num-a", Number: "+14155550201", Label: "Front Desk", AssistantID: "asst-a", InboundEnabled: true},
			{ID: "num-b", TeamID: teamB, Number: "+14155550202", Label: "Front Desk", AssistantID: "asst-b", OutboundEnabled: true},
		},
	}
	ws, emu := newWorkspace(t, emulator.Options{APIKey: exportKey, TeamKeys: map[string]string{keyB: teamB}, Seed: seed})
	base := ws.Env
	ws.Env = append(base, "INTERACTLY_API_KEY="+exportKey)
	runExport(t, ws, "-out", ws.Dir, "-provider-alias", "bakery")
	ws.Env = append(base, "INTERACTLY_API_KEY="+keyB)
	runExport(t, ws, "-out", ws.Dir, "-provider-alias", "florist")

	providers := readFile(t, ws.Dir, "providers.tf")
	for _, want := range []string{`alias = "bakery"`, `alias = "florist"`} {
		if !hclContains(providers, want) {
			t.Errorf("providers.tf lacks %s:\n%s", want, providers)
		}
	}
	florist := readFile(t, ws.Dir, "florist_numbers.tf")
	if !hclContains(florist, "provider = interactly.florist") || !hclContains(florist, "assistant_id = interactly_assistant.front_desk.id") {
		t.Errorf("florist_numbers.tf does not use its alias or its own assistant:\n%s", florist)
	}

	// The bakery's key from the environment, the florist's from its variable.
	ws.Env = append(base, "INTERACTLY_API_KEY="+exportKey, "TF_VAR_florist_api_key="+keyB)
	adoptsWithoutWrites(t, ws, emu, 4)
}
