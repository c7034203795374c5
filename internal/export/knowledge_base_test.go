package export

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// knowledgeBase is a knowledge base as the client decodes an answer holding
// fields (raw JSON by name), with urls and files.
func knowledgeBase(id string, fields map[string]string, include []interactly.KnowledgeBaseURL, files ...string) interactly.KnowledgeBase {
	kb := interactly.KnowledgeBase{ID: id, IncludeURLs: include, Fields: map[string]json.RawMessage{"id": json.RawMessage(`"` + id + `"`)}}
	for k, v := range fields {
		kb.Fields[k] = json.RawMessage(v)
	}
	_ = json.Unmarshal(kb.Fields["title"], &kb.Title)
	for _, f := range files {
		kb.Files = append(kb.Files, interactly.KnowledgeBaseFile{ID: f})
	}
	return kb
}

// teamWithKnowledgeBases is team() whose assistants use knowledge bases:
// a1 uses kb1 and kb-gone (deleted in the dashboard), a2 uses kb1 and kb2,
// whose titles make one name.
func teamWithKnowledgeBases() *fakeAPI {
	api := team()
	api.numbers = append(api.numbers, interactly.Number{ID: "n4", Number: "+14155550104", AssistantID: "a2"})
	api.assistants["a1"] = `{"_id":"a1","name":"Front Desk","assistantKnowledgeBaseIds":["kb1","kb-gone"]}`
	api.assistants["a2"] = `{"_id":"a2","name":"Sales","assistantKnowledgeBaseIds":["kb2","kb1"]}`
	api.knowledgeBases = map[string]interactly.KnowledgeBase{
		"kb1": knowledgeBase("kb1", map[string]string{"title": `"Bakery FAQ"`, "description": `"What callers ask"`, "retrain_frequency_minutes": "1440"},
			[]interactly.KnowledgeBaseURL{{URL: "https://bakery.example", Recursive: true}, {URL: "https://bakery.example/menu"}}, "f2", "f1"),
		// No description (""), and, as a sparse answer, no retrain
		// frequency and no files.
		"kb2": knowledgeBase("kb2", map[string]string{"title": `"bakery-faq"`, "description": `""`}, nil),
	}
	return api
}

// Each knowledge base is read once however many assistants use it, and one
// the API does not have is read once and reported.
func TestRunReadsEachKnowledgeBaseOnce(t *testing.T) {
	api := teamWithKnowledgeBases()
	result := run(t, api, t.TempDir(), Options{})
	if len(api.kbGets) != 3 || api.kbGets["kb1"] != 1 || api.kbGets["kb2"] != 1 || api.kbGets["kb-gone"] != 1 {
		t.Errorf("knowledge base reads %v; want one of each of kb1, kb2 and kb-gone", api.kbGets)
	}
	if result.KnowledgeBases != 2 || len(result.MissingKnowledgeBases) != 1 || result.MissingKnowledgeBases[0] != "kb-gone" {
		t.Errorf("result: %d knowledge bases, missing %v; want 2 and kb-gone", result.KnowledgeBases, result.MissingKnowledgeBases)
	}
}

// The knowledge bases are imported and adopted with what the API reported,
// and the assistants refer to them; the missing one keeps its ID.
func TestKnowledgeBasesAreImportedAndReferenced(t *testing.T) {
	dir := t.TempDir()
	run(t, teamWithKnowledgeBases(), dir, Options{})
	kbs, assistants, imports := read(t, dir, "knowledge_bases.tf"), read(t, dir, "assistants.tf"), read(t, dir, "imports.tf")
	t.Logf("knowledge_bases.tf:\n%s", kbs)
	for _, want := range []string{
		"to = interactly_knowledge_base.bakery_faq\n  id = \"kb1\"", "to = interactly_knowledge_base.bakery_faq_2\n  id = \"kb2\"",
	} {
		if !has(imports, want) {
			t.Errorf("imports.tf lacks %q:\n%s", want, imports)
		}
	}
	full := `resource "interactly_knowledge_base" "bakery_faq" {
  # ` + strings.Join(onDestroyNote, "\n  # ") + `
  title = "Bakery FAQ"
  description = "What callers ask"
  retrain_frequency_minutes = 1440
  file_ids = ["f1", "f2"]
  include_urls = [{
    url = "https://bakery.example"
    recursive = true
    }, {
    url = "https://bakery.example/menu"
  }]
}`
	sparse := `resource "interactly_knowledge_base" "bakery_faq_2" {
  # ` + strings.Join(onDestroyNote, "\n  # ") + `
  title = "bakery-faq"
}`
	for _, want := range []string{full, sparse} {
		if !has(kbs, want) {
			t.Errorf("knowledge_bases.tf lacks\n%s", want)
		}
	}
	if strings.Contains(kbs, "null") || regexp.MustCompile(`(?m)^\s*on_destroy\s*=`).MatchString(kbs) {
		t.Errorf("knowledge_bases.tf sets a null or on_destroy:\n%s", kbs)
	}
	for _, want := range []string{
		`knowledge_base_ids = [interactly_knowledge_base.bakery_faq.id, "kb-gone"]`,
		`knowledge_base_ids = [interactly_knowledge_base.bakery_faq_2.id, interactly_knowledge_base.bakery_faq.id]`,
	} {
		if !has(assistants, want) {
			t.Errorf("assistants.tf lacks %q:\n%s", want, assistants)
		}
	}
}

// A knowledge base keeps its name when a new one whose ID sorts first takes
// the same title; none given, the name comes from the ID.
func TestKnowledgeBaseNamesAreKept(t *testing.T) {
	dir := t.TempDir()
	run(t, teamWithKnowledgeBases(), dir, Options{})
	api := teamWithKnowledgeBases()
	api.assistants["a2"] = `{"_id":"a2","name":"Sales","assistantKnowledgeBaseIds":["kb0","kb2","kb1","kb3"]}`
	api.knowledgeBases["kb0"] = knowledgeBase("kb0", map[string]string{"title": `"Bakery FAQ"`}, nil)
	api.knowledgeBases["kb3"] = knowledgeBase("kb3", map[string]string{"title": `"!!"`}, nil)
	run(t, api, dir, Options{})
	assistants := read(t, dir, "assistants.tf")
	want := `knowledge_base_ids = [interactly_knowledge_base.bakery_faq_3.id, interactly_knowledge_base.bakery_faq_2.id, ` +
		`interactly_knowledge_base.bakery_faq.id, interactly_knowledge_base.knowledge_base_kb3.id]`
	if !has(assistants, want) {
		t.Errorf("assistants.tf lacks %q:\n%s", want, assistants)
	}
}

// With a provider alias, the knowledge bases' file and blocks carry it.
func TestKnowledgeBasesUseTheProviderAlias(t *testing.T) {
	dir := t.TempDir()
	run(t, teamWithKnowledgeBases(), dir, Options{ProviderAlias: "bakery"})
	kbs := read(t, dir, "bakery_knowledge_bases.tf")
	if strings.Count(kbs, "provider = interactly.bakery") != 2 {
		t.Errorf("bakery_knowledge_bases.tf does not give both blocks the alias:\n%s", kbs)
	}
	if imports := read(t, dir, "bakery_imports.tf"); strings.Count(imports, "provider = interactly.bakery") != 8 {
		t.Errorf("the import blocks do not all use the alias:\n%s", imports)
	}
}
