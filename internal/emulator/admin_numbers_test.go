package emulator

import (
	"net/http"
	"slices"
	"testing"
)

// The dashboard's changes, made through the admin routes without a key,
// show in the API's answers, and cost no API request in the counts.
func TestAdminPatchNumber(t *testing.T) {
	t.Parallel()
	srv, c := start(t, twoTeams())
	admin := client{t: t, base: c.base}
	var patched Number
	admin.do("PATCH", "/_emulator/numbers/id-3", `{"label": "front-desk", "assistantId": "asst-b", "outboundEnabled": false}`).decode(t, &patched)
	want := Number{ID: "id-3", TeamID: "team-1", Number: "+14155550103", Provider: Provider{Name: "twilio"},
		AssistantID: "asst-b", InboundEnabled: true, OutboundEnabled: false, Label: "front-desk"}
	if patched != want {
		t.Errorf("PATCH answered %+v, want %+v", patched, want)
	}
	var listed []Number
	c.do("GET", "/assistants/v1/numbers?label=front-desk", "").decode(t, &listed)
	if len(listed) != 1 || listed[0] != want {
		t.Errorf("the API lists %+v, want the patched number", listed)
	}

	// Detach, clear the label, and flip inbound; untouched fields stay.
	patched = Number{}
	admin.do("PATCH", "/_emulator/numbers/id-3", `{"assistantId": "", "label": "", "inboundEnabled": false}`).decode(t, &patched)
	want.AssistantID, want.Label, want.InboundEnabled = "", "", false
	if n, _ := srv.GetNumber("id-3"); n != want || patched != want {
		t.Errorf("after detaching: stored %+v, answered %+v, want %+v", n, patched, want)
	}

	// Moving a number to another team takes it from this key's listing.
	admin.do("PATCH", "/_emulator/numbers/id-3", `{"teamId": "team-2"}`).decode(t, &patched)
	c.do("GET", "/assistants/v1/numbers", "").decode(t, &listed)
	if slices.Contains(ids(listed), "id-3") {
		t.Errorf("team-1 still lists id-3 after it moved to team-2: %v", ids(listed))
	}
	other := client{t: t, base: c.base, authorization: "Bearer " + otherKey}
	other.do("GET", "/assistants/v1/numbers", "").decode(t, &listed)
	if !slices.Contains(ids(listed), "id-3") {
		t.Errorf("team-2 does not list id-3 after it moved there: %v", ids(listed))
	}

	if got := srv.Counts(); got[updateRoute.pattern()] != 0 {
		t.Errorf("admin changes were counted as API requests: %v", got)
	}
}

func TestAdminPatchNumberErrors(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	admin := client{t: t, base: c.base}
	admin.do("PATCH", "/_emulator/numbers/id-404", `{"label": "x"}`).wantError(t, http.StatusNotFound, `"id-404"`)
	admin.do("PATCH", "/_emulator/numbers/id-1", `{"assistantId": "asst-z", "label": "x"}`).wantError(t, http.StatusBadRequest, `unknown assistant "asst-z"`)
	admin.do("PATCH", "/_emulator/numbers/id-1", `{"teamId": "", "label": "x"}`).wantError(t, http.StatusBadRequest, "teamId must not be empty")
	admin.do("PATCH", "/_emulator/numbers/id-1", `{"number": "+14155550199"}`).wantError(t, http.StatusBadRequest, "accepts assistantId, inboundEnabled, outboundEnabled, label and teamId")
	if n, _ := srv.GetNumber("id-1"); n.Label != "support" {
		t.Errorf("a refused PATCH changed the label to %q", n.Label)
	}
}

func TestAdminRemoveAndAddNumber(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	admin := client{t: t, base: c.base}
	if res := admin.do("DELETE", "/_emulator/numbers/id-1", ""); res.status != http.StatusNoContent {
		t.Fatalf("DELETE: status %d, want 204; body %s", res.status, res.body)
	}
	var listed []Number
	c.do("GET", "/assistants/v1/numbers", "").decode(t, &listed)
	if got := ids(listed); !slices.Equal(got, []string{"id-3", "id-2"}) {
		t.Errorf("after DELETE the API lists %v, want [id-3 id-2]", got)
	}
	admin.do("DELETE", "/_emulator/numbers/id-1", "").wantError(t, http.StatusNotFound, `"id-1"`)

	// The number comes back, under its old ID, with the defaults filled in.
	res := admin.do("POST", "/_emulator/numbers", `{"_id": "id-1", "number": "+14155550101", "label": "support", "outboundEnabled": false}`)
	if res.status != http.StatusCreated {
		t.Fatalf("POST: status %d, want 201; body %s", res.status, res.body)
	}
	var added Number
	res.decode(t, &added)
	want := Number{ID: "id-1", TeamID: "team-1", Number: "+14155550101", Provider: Provider{Name: "twilio"},
		InboundEnabled: true, OutboundEnabled: false, Label: "support"}
	if n, _ := srv.GetNumber("id-1"); added != want || n != want {
		t.Errorf("POST answered %+v, stored %+v, want %+v", added, n, want)
	}
	// Without an _id, a new one.
	admin.do("POST", "/_emulator/numbers", `{"number": "+14155550120", "teamId": "team-9", "assistantId": "asst-a"}`).decode(t, &added)
	if added.ID == "" || added.TeamID != "team-9" || added.AssistantID != "asst-a" {
		t.Errorf("POST without _id answered %+v", added)
	}

	for _, tt := range []struct {
		body    string
		status  int
		message string
	}{
		{`{"_id": "id-2", "number": "+14155550130"}`, http.StatusConflict, `_id "id-2" is already used`},
		{`{"number": "+14155550102"}`, http.StatusConflict, `number +14155550102 is already in team team-1, with _id "id-2"`},
		{`{"number": "555"}`, http.StatusBadRequest, "not in E.164 form"},
		{`{"number": "+14155550131", "assistantId": "asst-z"}`, http.StatusBadRequest, `assistantId "asst-z" is not listed`},
		{`{"number": "+14155550132", "provider": "x"}`, http.StatusBadRequest, "accepts _id, teamId, number"},
	} {
		admin.do("POST", "/_emulator/numbers", tt.body).wantError(t, tt.status, tt.message)
	}
	if got := len(srv.Numbers()); got != 4 {
		t.Errorf("%d numbers after the refused POSTs, want 4", got)
	}
}
