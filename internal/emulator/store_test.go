package emulator

import (
	"slices"
	"strings"
	"testing"
)

func TestDirectAccess(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	if got := ids(srv.Numbers()); !slices.Equal(got, []string{"id-1", "id-2", "id-3"}) {
		t.Errorf("Numbers() IDs %v, want them sorted by number", got)
	}

	// A change made outside Terraform shows in the API, in place.
	n, ok := srv.GetNumber("id-1")
	if !ok {
		t.Fatal("GetNumber(id-1) found nothing")
	}
	n.Label = "renamed"
	srv.SetNumber(n)
	srv.SetNumber(Number{ID: "id-0", Number: "+14155550100"})
	srv.DeleteNumber("id-2")
	srv.DeleteNumber("id-404") // ignored

	var list []Number
	c.do("GET", "/assistants/v1/numbers", "").decode(t, &list)
	if got := ids(list); !slices.Equal(got, []string{"id-3", "id-1", "id-0"}) {
		t.Errorf("list IDs %v, want [id-3 id-1 id-0]", got)
	}
	if list[1].Label != "renamed" {
		t.Errorf("label %q, want renamed", list[1].Label)
	}
	if added := list[2]; added.TeamID != "team-1" || added.Provider.Name != "twilio" {
		t.Errorf("SetNumber did not fill the defaults: %+v", added)
	}
	if _, ok := srv.GetNumber("id-2"); ok {
		t.Error("GetNumber found a deleted number")
	}
	c.do("PUT", "/assistants/v1/numbers/id-2", `{}`).wantError(t, 404, `"id-2"`)
}

func TestNewPanics(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		opts    Options
		message string
	}{
		{"no key", Options{}, "Options.APIKey is required"},
		{"bad seed", Options{APIKey: "k", Seed: Seed{Numbers: []Number{{ID: "a", Number: "x"}}}}, `invalid Options.Seed: numbers[0]: number "x"`},
	}
	for _, tt := range tests {
		func() {
			defer func() {
				if msg, _ := recover().(string); !strings.Contains(msg, tt.message) {
					t.Errorf("%s: panic %q, want one containing %q", tt.name, msg, tt.message)
				}
			}()
			New(tt.opts)
		}()
	}
}
