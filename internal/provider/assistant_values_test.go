package provider

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// Every setting maps from the document to Terraform and back to the same
// JSON: what a PATCH sends for a setting is what a GET showed.
func TestAssistantSettingsRoundTrip(t *testing.T) {
	emu := emulator.New(emulator.Options{APIKey: testAPIKey, Seed: testTeam(), Profile: emulator.ProfileDefault})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testAPIKey})
	if err != nil {
		t.Fatal(err)
	}
	a, err := client.GetAssistant(context.Background(), "asst-support")
	if err != nil {
		t.Fatal(err)
	}
	values, err := settingsOver(nil, a)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := assistantDocument(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range assistantSettings {
		want, present := settings.Lookup(doc, s.Field)
		if !present {
			t.Errorf("the seeded document has no %v for %s", s.Field, s.Attr)
			continue
		}
		if values[s.Attr].IsNull() {
			if want != "" { // "" maps to "", never to null
				t.Errorf("%s is null, the document has %v", s.Attr, want)
			}
			continue
		}
		got, _ := json.Marshal(s.ToJSON(values[s.Attr]))
		wantJSON, _ := json.Marshal(want)
		var g, w any
		_ = json.Unmarshal(got, &g)
		_ = json.Unmarshal(wantJSON, &w)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s: the document has %s, Terraform sends back %s", s.Attr, wantJSON, got)
		}
	}
}

// A setting an answer leaves out keeps its last known value; one it sends
// as null is null.
func TestSettingsOverKeepsWhatAnAnswerLeavesOut(t *testing.T) {
	known, err := settingsOver(nil, interactly.Assistant{ID: "a", Fields: map[string]json.RawMessage{
		"_id": []byte(`"a"`), "name": []byte(`"Front desk"`), "assistantMaxTokens": []byte(`256`),
	}})
	if err != nil {
		t.Fatal(err)
	}
	later, err := settingsOver(known, interactly.Assistant{ID: "a", Fields: map[string]json.RawMessage{
		"_id": []byte(`"a"`), "assistantMaxTokens": []byte(`null`),
	}})
	if err != nil {
		t.Fatal(err)
	}
	if later["name"].String() != `"Front desk"` || !later["max_tokens"].IsNull() {
		t.Errorf("name %s, max_tokens %s", later["name"], later["max_tokens"])
	}
	if _, err := settingsOver(nil, interactly.Assistant{ID: "a", Fields: map[string]json.RawMessage{"assistantMaxTokens": []byte(`"many"`)}}); err == nil {
		t.Error("a string where a whole number belongs was accepted")
	}
}
