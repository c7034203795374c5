package export

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// fakeAPI answers from memory and counts the calls.
type fakeAPI struct {
	numbers    []interactly.Number
	assistants map[string]string // ID -> JSON document
	lists      int
	// knowledgeBases answer GetKnowledgeBase; an ID missing is a 404.
	knowledgeBases map[string]interactly.KnowledgeBase
	mu             sync.Mutex // guards gets: documents are read concurrently
	gets           map[string]int
	kbGets         map[string]int
}

func (f *fakeAPI) ListNumbers(_ context.Context, label string) ([]interactly.Number, error) {
	f.lists++
	var out []interactly.Number
	for _, n := range f.numbers {
		if label == "" || n.LabelText() == label {
			out = append(out, n)
		}
	}
	return out, nil
}

func (f *fakeAPI) GetAssistant(_ context.Context, id string) (interactly.Assistant, error) {
	f.mu.Lock()
	if f.gets == nil {
		f.gets = map[string]int{}
	}
	f.gets[id]++
	f.mu.Unlock()
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(f.assistants[id]), &fields); err != nil {
		return interactly.Assistant{}, err
	}
	return interactly.Assistant{ID: id, Fields: fields}, nil
}

func (f *fakeAPI) GetKnowledgeBase(_ context.Context, id string) (interactly.KnowledgeBase, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.kbGets == nil {
		f.kbGets = map[string]int{}
	}
	f.kbGets[id]++
	kb, ok := f.knowledgeBases[id]
	if !ok {
		return interactly.KnowledgeBase{}, &interactly.APIError{Method: "GET", StatusCode: 404, Message: "Knowledge base not found"}
	}
	return kb, nil
}

func label(s string) *string { return &s }
func on(b bool) *bool        { return &b }

func team() *fakeAPI {
	return &fakeAPI{
		numbers: []interactly.Number{
			{ID: "n2", Number: "+14155550102", Label: label("Front desk"), AssistantID: "a1"},
			{ID: "n1", Number: "+14155550101", Label: label("front-desk"), AssistantID: "a1", InboundEnabled: on(true)},
			{ID: "n3", Number: "+14155550103"},
		},
		assistants: map[string]string{
			"a1": `{"_id":"a1","name":"Front Desk","welcomeMessage":null,"assistantSystemPrompt":"Line one\nLine ${two}\n",
			        "assistantServer":{"enabled":true,"url":null,"headers":{"X-Key":"hidden"}},"unknownField":1}`,
		},
	}
}

func run(t *testing.T, api API, dir string, opts Options) Result {
	t.Helper()
	opts.Dir = dir
	result, err := Run(context.Background(), api, opts)
	if err != nil {
		t.Fatal(err)
	}
	return result
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestIdentifier(t *testing.T) {
	for in, want := range map[string]string{
		"Front Desk": "front_desk", "front-desk": "front_desk", "  ": "", "24/7 line": "n24_7_line",
		"Café": "caf", "__a__b__": "a_b", "asst-1": "asst_1",
	} {
		if got := identifier(in); got != want {
			t.Errorf("identifier(%q) = %q, want %q", in, got, want)
		}
	}
}

// One listing, one GET per assistant however many numbers share it.
func TestRunReadsEachAssistantOnce(t *testing.T) {
	api := team()
	run(t, api, t.TempDir(), Options{})
	if api.lists != 1 || len(api.gets) != 1 || api.gets["a1"] != 1 {
		t.Errorf("listings %d, assistant reads %v; want 1 and one read of a1", api.lists, api.gets)
	}
}

func TestNamesAreUniqueAndKept(t *testing.T) {
	dir := t.TempDir()
	run(t, team(), dir, Options{})
	numbers := read(t, dir, "numbers.tf")
	// In ID order: n1 gets the name first.
	for _, want := range []string{`"interactly_number" "front_desk" {` + "\n  number       = \"+14155550101\"",
		`"interactly_number" "front_desk_2"`, `"interactly_number" "number_14155550103"`} {
		if !has(numbers, want) {
			t.Errorf("numbers.tf lacks %q:\n%s", want, numbers)
		}
	}
	// A new number whose ID sorts first and whose label makes the same
	// name: every name given before is kept.
	api := team()
	api.numbers = append(api.numbers, interactly.Number{ID: "n0", Number: "+14155550100", Label: label("FRONT DESK")})
	run(t, api, dir, Options{})
	again := read(t, dir, "numbers.tf")
	if !has(again, `"interactly_number" "front_desk" {`+"\n  number       = \"+14155550101\"") ||
		!has(again, `"interactly_number" "front_desk_3" {`+"\n  number = \"+14155550100\"") {
		t.Errorf("the names changed on the second run:\n%s", again)
	}
}

func TestOnlyReportedSettingsAndNoSecrets(t *testing.T) {
	dir := t.TempDir()
	run(t, team(), dir, Options{})
	assistants, numbers := read(t, dir, "assistants.tf"), read(t, dir, "numbers.tf")
	for _, unwanted := range []string{"welcome_message", "url", "hidden", "null", "unknown"} {
		if has(assistants, unwanted) {
			t.Errorf("assistants.tf holds %q:\n%s", unwanted, assistants)
		}
	}
	if strings.Count(numbers, "inbound_enabled") != 1 || has(numbers, "outbound_enabled") {
		t.Errorf("numbers.tf sets switches the API did not report:\n%s", numbers)
	}
	for _, want := range []string{"headers = var.front_desk_webhook_headers", "webhook_secret = var.front_desk_webhook_secret",
		`system_prompt  = file("${path.module}/prompts/front_desk.txt")`} {
		if !has(assistants, want) {
			t.Errorf("assistants.tf lacks %q:\n%s", want, assistants)
		}
	}
	if got := read(t, dir, "prompts/front_desk.txt"); got != "Line one\nLine ${two}\n" {
		t.Errorf("the prompt file holds %q", got)
	}
	if !has(read(t, dir, "variables.tf"), `variable "front_desk_webhook_headers"`) {
		t.Error("the headers' variable is not declared")
	}
}

func TestEditedFilesAreWrittenBeside(t *testing.T) {
	dir := t.TempDir()
	run(t, team(), dir, Options{})
	edited := "edited by hand\n"
	if err := os.WriteFile(filepath.Join(dir, "prompts/front_desk.txt"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	api := team()
	api.numbers = append(api.numbers, interactly.Number{ID: "n9", Number: "+14155550109"})
	result := run(t, api, dir, Options{})
	if len(result.Beside) != 1 || result.Beside[0] != "prompts/front_desk.txt" {
		t.Errorf("files written beside: %v, want the edited prompt", result.Beside)
	}
	if read(t, dir, "prompts/front_desk.txt") != edited || read(t, dir, "prompts/front_desk.txt.new") != "Line one\nLine ${two}\n" {
		t.Error("the edited prompt was overwritten, or the new one is not beside it")
	}
	if !has(read(t, dir, "numbers.tf"), "+14155550109") {
		t.Error("the unedited numbers.tf was not rewritten with the new number")
	}
	// A file the export never wrote is not ours either.
	if err := os.Remove(filepath.Join(dir, ManifestFile)); err != nil {
		t.Fatal(err)
	}
	if result := run(t, api, dir, Options{}); len(result.Beside) == 0 {
		t.Error("without a manifest, existing files that differ were overwritten")
	}
}

func TestProviderAlias(t *testing.T) {
	dir := t.TempDir()
	run(t, team(), dir, Options{ProviderAlias: "bakery"})
	for _, name := range []string{"bakery_numbers.tf", "bakery_assistants.tf", "bakery_imports.tf"} {
		if !has(read(t, dir, name), "provider = interactly.bakery") {
			t.Errorf("%s does not use the alias:\n%s", name, read(t, dir, name))
		}
	}
	if _, err := Run(context.Background(), team(), Options{Dir: dir, ProviderAlias: "Not valid"}); err == nil {
		t.Error("an alias that is not a Terraform name was accepted")
	}
}

// has reports whether text holds want, runs of spaces (terraform fmt's
// alignment) counting as one.
func has(text, want string) bool {
	squeeze := func(s string) string { return regexp.MustCompile(` +`).ReplaceAllString(s, " ") }
	return strings.Contains(squeeze(text), squeeze(want))
}
