package emulator

import (
	"net/http"
	"regexp"
	"testing"
)

// twoTeamsWithAssistants is twoTeams with an assistant of team-2, whose
// webhook holds a secret.
func twoTeamsWithAssistants() Options {
	opts := twoTeams()
	opts.Seed.AssistantDocuments = []Assistant{{
		"_id": "asst-t2", "teamId": "team-2", "name": "Second team",
		"assistantServer": map[string]any{"enabled": true, "url": "https://hooks.example.com", "secret": "hook-5ecret"},
	}}
	return opts
}

// The dashboard's edits, made through the admin route without a key, show
// in the API's answers to the assistant's team, cost no API request, and
// may set what the API's PATCH refuses.
func TestAdminPatchAssistant(t *testing.T) {
	t.Parallel()
	srv, c := start(t, twoTeamsWithAssistants())
	admin := client{t: t, base: c.base}
	other := client{t: t, base: c.base, authorization: "Bearer " + otherKey}

	// A prompt edited, a read-only field the API's PATCH refuses, and a
	// field removed with null.
	var answered map[string]any
	admin.do("PATCH", "/_emulator/assistants/asst-a",
		`{"assistantSystemPrompt": "Edited in the dashboard", "bargeInEnabled": false, "hints": null}`).decode(t, &answered)
	var seen map[string]any
	c.do("GET", assistantPath+"asst-a", "").decode(t, &seen)
	for name, doc := range map[string]map[string]any{"the admin answer": answered, "the API": seen} {
		if doc["assistantSystemPrompt"] != "Edited in the dashboard" || doc["bargeInEnabled"] != false || doc["name"] != "Assistant asst-a" {
			t.Errorf("%s shows %v, want the edited prompt, bargeInEnabled false and the name unchanged", name, doc)
		}
		if _, ok := doc["hints"]; ok {
			t.Errorf("%s still shows hints, which the edit removed: %v", name, doc["hints"])
		}
	}

	// Another team's assistant, by its ID alone; its secret never shows.
	res := admin.do("PATCH", "/_emulator/assistants/asst-t2", `{"name": "Renamed"}`)
	if res.status != http.StatusOK || regexp.MustCompile(`hook-5ecret`).Match(res.body) {
		t.Fatalf("PATCH of another team's assistant: status %d, body %s; want 200 without the secret", res.status, res.body)
	}
	other.do("GET", assistantPath+"asst-t2", "").decode(t, &seen)
	if seen["name"] != "Renamed" {
		t.Errorf("team-2 sees %v, want the new name", seen["name"])
	}
	if stored, _ := srv.Assistant("asst-t2"); stored.webhookSecret() != "hook-5ecret" {
		t.Errorf("the edit lost the webhook's secret: %v", stored)
	}

	// A teamId moves the assistant to another team's key.
	admin.do("PATCH", "/_emulator/assistants/asst-a", `{"teamId": "team-2"}`).decode(t, &answered)
	c.do("GET", assistantPath+"asst-a", "").wantError(t, http.StatusNotFound, `no assistant with _id "asst-a"`)
	if res := other.do("GET", assistantPath+"asst-a", ""); res.status != http.StatusOK {
		t.Errorf("team-2 cannot see asst-a after it moved there: %d %s", res.status, res.body)
	}

	if got := srv.Counts(); got[patchAssistantRoute.pattern()] != 0 {
		t.Errorf("admin edits were counted as API requests: %v", got)
	}
}

func TestAdminPatchAssistantErrors(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	admin := client{t: t, base: c.base}
	for _, tt := range []struct {
		path, body string
		status     int
		message    string
	}{
		{"asst-z", `{"name": "x"}`, http.StatusNotFound, `no assistant with _id "asst-z" in any team`},
		{"asst-a", `{"_id": "asst-c", "name": "x"}`, http.StatusBadRequest, "_id cannot change"},
		{"asst-a", `{"teamId": "", "name": "x"}`, http.StatusBadRequest, "teamId must be a non-empty string"},
		{"asst-a", `{"teamId": null, "name": "x"}`, http.StatusBadRequest, "teamId must be a non-empty string"},
		{"asst-a", `{"name": "x"`, http.StatusBadRequest, "invalid request body: malformed JSON"},
		{"asst-a", `["name"]`, http.StatusBadRequest, "invalid request body"},
		{"asst-a", ``, http.StatusBadRequest, "want a JSON object"},
		{"asst-a", `null`, http.StatusBadRequest, "want a JSON object"},
	} {
		admin.do("PATCH", "/_emulator/assistants/"+tt.path, tt.body).wantError(t, tt.status, tt.message)
	}
	if a, _ := srv.Assistant("asst-a"); a["name"] != "Assistant asst-a" || a.TeamID() != "team-1" {
		t.Errorf("a refused PATCH changed the assistant: name %v, team %v", a["name"], a.TeamID())
	}
}

// Deleting an assistant in the dashboard: the API answers 404 for it, and
// attaching it to a number is refused; the numbers attached keep it.
func TestAdminRemoveAssistant(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	admin := client{t: t, base: c.base}
	if res := admin.do("DELETE", "/_emulator/assistants/asst-a", ""); res.status != http.StatusNoContent {
		t.Fatalf("DELETE: status %d, want 204; body %s", res.status, res.body)
	}
	c.do("GET", assistantPath+"asst-a", "").wantError(t, http.StatusNotFound, `no assistant with _id "asst-a"`)
	c.do("PUT", "/assistants/v1/numbers/id-1", `{"assistantId": "asst-a"}`).wantError(t, http.StatusBadRequest, `unknown assistant "asst-a"`)
	if n, _ := srv.GetNumber("id-3"); n.AssistantID != "asst-a" {
		t.Errorf("the number attached to the deleted assistant now has %q", n.AssistantID)
	}
	admin.do("DELETE", "/_emulator/assistants/asst-a", "").wantError(t, http.StatusNotFound, `no assistant with _id "asst-a" in any team`)
}

// A new assistant made in the dashboard: as rich as a generated one unless
// the body says otherwise, in the team it names, and attachable.
func TestAdminAddAssistant(t *testing.T) {
	t.Parallel()
	srv, c := start(t, twoTeams())
	admin := client{t: t, base: c.base}
	other := client{t: t, base: c.base, authorization: "Bearer " + otherKey}

	res := admin.do("POST", "/_emulator/assistants",
		`{"_id": "asst-new", "teamId": "team-2", "name": "Front desk", "backgroundSoundVolume": 20, "hints": null}`)
	if res.status != http.StatusCreated {
		t.Fatalf("POST: status %d, want 201; body %s", res.status, res.body)
	}
	var seen map[string]any
	other.do("GET", assistantPath+"asst-new", "").decode(t, &seen)
	if seen["name"] != "Front desk" || seen["backgroundSoundVolume"] != float64(20) || seen["teamId"] != "team-2" ||
		seen["welcomeMessage"] != "Hello! How can I help you?" {
		t.Errorf("team-2 sees %v, want the given fields over a generated document", seen)
	}
	if _, ok := seen["hints"]; ok {
		t.Errorf("hints given as null is present: %v", seen["hints"])
	}
	c.do("GET", assistantPath+"asst-new", "").wantError(t, http.StatusNotFound, `no assistant with _id "asst-new"`)
	if res := other.do("PUT", "/assistants/v1/numbers/id-9", `{"assistantId": "asst-new"}`); res.status != http.StatusOK {
		t.Errorf("attaching the new assistant: %d %s", res.status, res.body)
	}

	// Without _id or teamId: a new ID shaped like the docs', the seed's team.
	var added map[string]any
	admin.do("POST", "/_emulator/assistants", `{}`).decode(t, &added)
	id, _ := added["_id"].(string)
	if !regexp.MustCompile(`^[0-9a-f]{24}$`).MatchString(id) || added["teamId"] != "team-1" {
		t.Errorf("POST without _id answered _id %v, teamId %v; want 24 hex digits and team-1", added["_id"], added["teamId"])
	}

	for _, tt := range []struct {
		body    string
		status  int
		message string
	}{
		{`{"_id": "asst-a"}`, http.StatusConflict, `_id "asst-a" is already used`},
		{`{"_id": ""}`, http.StatusBadRequest, "_id must be a non-empty string"},
		{`{"_id": 7}`, http.StatusBadRequest, "_id must be a non-empty string"},
		{`{"teamId": ""}`, http.StatusBadRequest, "teamId must be a non-empty string"},
		{`{"backgroundSoundVolume": 150}`, http.StatusBadRequest, "backgroundSoundVolume"},
		{`{"name": 5}`, http.StatusBadRequest, "name"},
	} {
		admin.do("POST", "/_emulator/assistants", tt.body).wantError(t, tt.status, tt.message)
	}
	if got := len(srv.Assistants()); got != 4 {
		t.Errorf("%d assistants after the refused POSTs, want 4", got)
	}
}
