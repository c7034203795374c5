package emulator

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// listed returns the raw documents of a list answer under profile p, keyed
// by _id, and their order.
func listed(t *testing.T, p Profile) (map[string]map[string]json.RawMessage, []string, response) {
	t.Helper()
	_, c := start(t, Options{Seed: testSeed(), Profile: p})
	res := c.do("GET", "/assistants/v1/numbers", "")
	if res.status != http.StatusOK {
		t.Fatalf("list under %s: status %d, body %s", p, res.status, res.body)
	}
	var docs []map[string]json.RawMessage
	res.decode(t, &docs)
	byID := make(map[string]map[string]json.RawMessage, len(docs))
	var order []string
	for _, d := range docs {
		var id string
		if err := json.Unmarshal(d["_id"], &id); err != nil {
			t.Fatalf("document without a string _id: %v", d)
		}
		byID[id] = d
		order = append(order, id)
	}
	return byID, order, res
}

func keys(doc map[string]json.RawMessage) []string {
	var names []string
	for k := range doc {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

func TestProfileDefaultSendsDocumentedFields(t *testing.T) {
	t.Parallel()
	docs, order, res := listed(t, ProfileDefault)
	if want := []string{"id-3", "id-1", "id-2"}; !reflect.DeepEqual(order, want) {
		t.Errorf("order %v, want insertion order %v", order, want)
	}
	if ct := res.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	want := []string{"_id", "assistantId", "inboundEnabled", "label", "number", "outboundEnabled", "provider", "teamId"}
	if got := keys(docs["id-3"]); !reflect.DeepEqual(got, want) {
		t.Errorf("fields %v, want %v", got, want)
	}
	if _, ok := docs["id-1"]["assistantId"]; ok {
		t.Error("a number without an assistant has an assistantId field")
	}
}

func TestProfileSparseLeavesOutOptionalFields(t *testing.T) {
	t.Parallel()
	docs, _, _ := listed(t, ProfileSparse)
	forms := map[string]bool{}
	for id, doc := range docs {
		for _, optional := range []string{"label", "inboundEnabled", "outboundEnabled"} {
			if _, ok := doc[optional]; ok {
				t.Errorf("%s has %s", id, optional)
			}
		}
		for _, required := range []string{"_id", "teamId", "number", "provider"} {
			if _, ok := doc[required]; !ok {
				t.Errorf("%s lacks the required %s", id, required)
			}
		}
		raw, ok := doc["assistantId"]
		switch {
		case id == "id-3" && string(raw) != `"asst-a"`:
			t.Errorf("attached assistant sent as %s", raw)
		case id != "id-3" && !ok:
			forms["absent"] = true
		case id != "id-3":
			forms[string(raw)] = true
		}
	}
	if len(forms) == 0 {
		t.Error("no number without an assistant was listed")
	}
	// Every number without an assistant gets one of the three forms, the
	// same one each time.
	for form := range forms {
		if form != "absent" && form != `""` && form != "null" {
			t.Errorf("no assistant sent as %s", form)
		}
	}
	again, _, _ := listed(t, ProfileSparse)
	if !reflect.DeepEqual(docs, again) {
		t.Error("the same number is sent differently from one answer to the next")
	}
	seen := map[uint32]bool{}
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"} {
		seen[variant(id, 3)] = true
	}
	if len(seen) != 3 {
		t.Errorf("variant spreads ten IDs over %d forms, want all 3", len(seen))
	}
}

func TestProfileVerboseAddsFieldsAndReversesTheList(t *testing.T) {
	t.Parallel()
	docs, order, res := listed(t, ProfileVerbose)
	if want := []string{"id-2", "id-1", "id-3"}; !reflect.DeepEqual(order, want) {
		t.Errorf("order %v, want reverse insertion order %v", order, want)
	}
	if ct := res.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	for _, extra := range []string{"createdAt", "updatedAt", "squadId", "fallbackDestination", "__v"} {
		if _, ok := docs["id-1"][extra]; !ok {
			t.Errorf("no undocumented field %s", extra)
		}
	}
	if got := string(docs["id-1"]["assistantId"]); got != "null" {
		t.Errorf("no assistant sent as %s, want null", got)
	}
	if got := string(docs["id-1"]["inboundEnabled"]); got != "true" {
		t.Errorf("inboundEnabled %s", got)
	}
}

func TestProfileErrorBodies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		profile     Profile
		status      int
		contentType string
		body        []string // substrings
	}{
		{ProfileDefault, 404, "application/json", []string{`"statusCode":404`, `"message":"no number with _id \"nope\"`}},
		{ProfileSparse, 404, "", nil},
		{ProfileVerbose, 404, "application/json; charset=utf-8", []string{`"errors":[{"code":"NOT_FOUND","detail":"no number with _id`}},
		{ProfileVerbose, 401, "text/plain; charset=utf-8", []string{"Unauthorized: invalid API key"}},
		{ProfileVerbose, 503, "text/html", []string{"<title>503 Service Unavailable</title>", "nginx"}},
	}
	for _, tt := range tests {
		srv, c := start(t, Options{Seed: testSeed(), Profile: tt.profile})
		switch tt.status {
		case 401:
			c.authorization = "Bearer wrong"
		case 503:
			srv.AddFault(Fault{Status: 503})
		}
		res := c.do("PUT", "/assistants/v1/numbers/nope", `{"inboundEnabled": true}`)
		if res.status != tt.status {
			t.Errorf("%s: status %d, want %d", tt.profile, res.status, tt.status)
		}
		if ct := res.header.Get("Content-Type"); ct != tt.contentType {
			t.Errorf("%s %d: Content-Type %q, want %q", tt.profile, tt.status, ct, tt.contentType)
		}
		if tt.body == nil && len(res.body) != 0 {
			t.Errorf("%s %d: body %q, want none", tt.profile, tt.status, res.body)
		}
		for _, want := range tt.body {
			if !strings.Contains(string(res.body), want) {
				t.Errorf("%s %d: body %q lacks %q", tt.profile, tt.status, res.body, want)
			}
		}
	}
}

func TestParseProfile(t *testing.T) {
	t.Parallel()
	for _, p := range Profiles() {
		if got, err := ParseProfile(string(p)); err != nil || got != p {
			t.Errorf("ParseProfile(%q) = %q, %v", p, got, err)
		}
	}
	if got, err := ParseProfile(""); err != nil || got != ProfileDefault {
		t.Errorf(`ParseProfile("") = %q, %v`, got, err)
	}
	if _, err := ParseProfile("strict"); err == nil {
		t.Error("an unknown profile was accepted")
	}
}

// The admin listing shows every field whatever the profile, so that an
// out-of-process test can see what the API's answers leave out.
func TestAdminNumbersShowEveryFieldUnderAnyProfile(t *testing.T) {
	t.Parallel()
	_, c := start(t, Options{Seed: testSeed(), Profile: ProfileSparse})
	c.authorization = "" // admin routes need no key
	res := c.do("GET", "/_emulator/numbers", "")
	var numbers []Number
	res.decode(t, &numbers)
	if len(numbers) != 3 || numbers[0].ID != "id-1" || !numbers[0].InboundEnabled || numbers[0].Label != "support" {
		t.Fatalf("admin numbers = %+v; want the seed, sorted by number, every field as held", numbers)
	}
	if !strings.Contains(string(res.body), `"outboundEnabled":false`) {
		t.Errorf("a switch that is off is left out: %s", res.body)
	}
}
