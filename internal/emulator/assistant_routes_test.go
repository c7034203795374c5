package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

const assistantPath = "/assistants/v1/assistants/"

func TestAssistantGetAnswersTheSeededDocument(t *testing.T) {
	_, c := start(t, Options{Seed: testSeed()})
	var doc map[string]any
	res := c.do("GET", assistantPath+"asst-a", "")
	if res.status != http.StatusOK {
		t.Fatalf("status %d: %s", res.status, res.body)
	}
	res.decode(t, &doc)
	if doc["_id"] != "asst-a" || doc["teamId"] != "team-1" || doc["name"] != "Assistant asst-a" {
		t.Errorf("document %v", doc)
	}
	var speech struct {
		Config struct {
			Speech struct {
				STT struct{ Vendor string } `json:"stt"`
			} `json:"speech"`
		} `json:"config"`
	}
	res.decode(t, &speech)
	if speech.Config.Speech.STT.Vendor != "microsoft" {
		t.Errorf("config.speech %s", res.body)
	}
}

func TestAssistantUnknownIDIsA404ThatNamesTheAssistant(t *testing.T) {
	_, c := start(t, Options{Seed: testSeed()})
	c.do("GET", assistantPath+"asst-z", "").wantError(t, http.StatusNotFound, `no assistant with _id "asst-z"`)
	c.do("PATCH", assistantPath+"asst-z", `{"name":"x"}`).wantError(t, http.StatusNotFound, `no assistant with _id "asst-z"`)
	// The route itself is not the assistant: a 404 that names no assistant.
	res := c.do("GET", "/assistants/v1/assistant/asst-a", "")
	if res.status != http.StatusNotFound || strings.Contains(string(res.body), "no assistant") {
		t.Errorf("unknown route answered %d %s", res.status, res.body)
	}
}

func TestAssistantPatchReplacesEachFieldSentWhole(t *testing.T) {
	srv, c := start(t, Options{Seed: testSeed()})
	res := c.do("PATCH", assistantPath+"asst-a",
		`{"name":"Front desk","assistantPredefinedTools":{"endCall":false},"assistantMaxTokens":512}`)
	var doc map[string]any
	res.decode(t, &doc)
	if doc["name"] != "Front desk" || doc["assistantMaxTokens"] != float64(512) {
		t.Errorf("answer %v", doc)
	}
	tools, _ := doc["assistantPredefinedTools"].(map[string]any)
	if len(tools) != 1 || tools["endCall"] != false {
		t.Errorf("assistantPredefinedTools = %v, want the object sent, whole", tools)
	}
	stored, _ := srv.Assistant("asst-a")
	if stored["welcomeMessage"] != "Hello! How can I help you?" {
		t.Errorf("a field not sent changed: %v", stored["welcomeMessage"])
	}
}

func TestAssistantPatchRefusesWhatTheAPIWould(t *testing.T) {
	_, c := start(t, Options{Seed: testSeed()})
	for body, want := range map[string]string{
		`{"title":"x"}`:                   `unknown field "title"`,
		`{"_id":"other"}`:                 `unknown field "_id"`,
		`{"assistantMaxTokens":-1}`:       "assistantMaxTokens must not be negative",
		`{"assistantMaxTokens":"many"}`:   `field "assistantMaxTokens"`,
		`{"name":null}`:                   `field "name" is null`,
		`{"assistantServer":{"url":"x"}}`: "assistantServer.enabled is required",
		`{"assistantServer":{"enabled":true,"secret":"s3cr3t-value"}}`: "assistantServer.url is required",
		`{"assistantServer":{"enabled":false,"messages":["bogus"]}}`:   `unknown message "bogus"`,
		`{"backgroundSoundVolume":101}`:                                "between 0 and 100",
	} {
		res := c.do("PATCH", assistantPath+"asst-a", body)
		res.wantError(t, http.StatusBadRequest, want)
		if strings.Contains(string(res.body), "s3cr3t-value") {
			t.Errorf("the error quotes the secret: %s", res.body)
		}
	}
}

func TestAssistantSecretIsTakenButNeverSentBack(t *testing.T) {
	srv, c := start(t, Options{Seed: testSeed()})
	body := `{"assistantServer":{"enabled":true,"url":"https://hooks.example.com","secret":"s3cr3t-value","headers":{"X-Team":"a"}}}`
	for _, res := range []response{c.do("PATCH", assistantPath+"asst-a", body), c.do("GET", assistantPath+"asst-a", "")} {
		if res.status != http.StatusOK || strings.Contains(string(res.body), "s3cr3t-value") {
			t.Errorf("answer %d %s", res.status, res.body)
		}
	}
	if a, _ := srv.Assistant("asst-a"); a.webhookSecret() != "s3cr3t-value" {
		t.Errorf("stored secret %q", a.webhookSecret())
	}
}

func TestAssistantProfiles(t *testing.T) {
	for _, tc := range []struct {
		profile     Profile
		wantFields  func(map[string]any) bool
		patchStatus int
	}{
		{ProfileDefault, func(d map[string]any) bool { return d["maxCallDuration"] != nil && d["createdAt"] == nil }, http.StatusOK},
		{ProfileSparse, func(d map[string]any) bool {
			return d["maxCallDuration"] == nil && d["teamId"] == nil && d["name"] != nil
		}, http.StatusNoContent},
		{ProfileVerbose, func(d map[string]any) bool {
			_, null := d["assistantLLMUrl"]
			return d["createdAt"] != nil && null && d["assistantLLMUrl"] == nil
		}, http.StatusOK},
	} {
		t.Run(string(tc.profile), func(t *testing.T) {
			_, c := start(t, Options{Seed: testSeed(), Profile: tc.profile})
			var doc map[string]any
			c.do("GET", assistantPath+"asst-a", "").decode(t, &doc)
			if !tc.wantFields(doc) {
				t.Errorf("document %v", doc)
			}
			if res := c.do("PATCH", assistantPath+"asst-a", `{"name":"x"}`); res.status != tc.patchStatus {
				t.Errorf("PATCH answered %d, want %d", res.status, tc.patchStatus)
			}
		})
	}
}

func TestAssistantUpdatesWithoutDocument(t *testing.T) {
	srv, c := start(t, Options{Seed: testSeed()})
	srv.AnswerAssistantUpdatesWithoutDocument(true)
	res := c.do("PATCH", assistantPath+"asst-a", `{"name":"x"}`)
	var doc map[string]any
	res.decode(t, &doc)
	if res.status != http.StatusOK || doc["_id"] != nil || doc["success"] != true {
		t.Errorf("answer %d %s", res.status, res.body)
	}
	if a, _ := srv.Assistant("asst-a"); a["name"] != "x" {
		t.Errorf("the update was not applied: %v", a["name"])
	}
}

func TestSeedAssistantDocuments(t *testing.T) {
	seed := testSeed()
	seed.AssistantDocuments = []Assistant{{"_id": "asst-doc", "name": "Given", "assistantServer": map[string]any{"enabled": false}}}
	srv, c := start(t, Options{Seed: seed})
	var doc map[string]any
	c.do("GET", assistantPath+"asst-doc", "").decode(t, &doc)
	if doc["name"] != "Given" || doc["teamId"] != "team-1" || doc["welcomeMessage"] != nil {
		t.Errorf("document %v", doc)
	}
	bad := testSeed()
	bad.AssistantDocuments = []Assistant{{"_id": "asst-bad", "assistantMaxTokens": "many"}}
	if err := bad.withDefaults().validate(); err == nil || !strings.Contains(err.Error(), "assistantDocuments[0]") {
		t.Errorf("validate = %v", err)
	}
	if got := len(srv.Assistants()); got != 3 {
		t.Errorf("%d assistants, want 3", got)
	}
	data, _ := json.Marshal(srv.Assistants())
	if strings.Contains(string(data), `"secret"`) {
		t.Errorf("Assistants() shows a secret: %s", data)
	}
}

// A key of another team sees none of this team's assistants: the same 404
// as an unknown one.
func TestAssistantOfAnotherTeamIsAbsent(t *testing.T) {
	srv, c := start(t, Options{Seed: testSeed(), TeamKeys: map[string]string{"other-key": "team-2"}})
	c.authorization = "Bearer other-key"
	c.do("GET", assistantPath+"asst-a", "").wantError(t, http.StatusNotFound, `no assistant with _id "asst-a"`)
	c.do("PATCH", assistantPath+"asst-a", `{"name":"x"}`).wantError(t, http.StatusNotFound, `no assistant with _id "asst-a"`)
	if a, _ := srv.Assistant("asst-a"); a["name"] != "Assistant asst-a" {
		t.Errorf("another team's key changed the assistant: %v", a["name"])
	}
}
