package provider

import (
	"net/http"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// Numbers listed by label have that label even from an API whose answers
// leave the optional field out; the whole team keeps what the API said.
func TestTeamNumbersFillsTheLabelItFilteredBy(t *testing.T) {
	t.Parallel()
	for _, profile := range emulator.Profiles() {
		emu := newTestEmulatorWith(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam(), Profile: profile})
		client, err := interactly.New(interactly.Config{APIKey: testAPIKey, BaseURL: emu.URL})
		if err != nil {
			t.Fatal(err)
		}
		sales, err := teamNumbers(t.Context(), client, "sales")
		if err != nil || len(sales) != 2 {
			t.Fatalf("%s: teamNumbers(sales) = %v, %v; want the two sales numbers", profile, sales, err)
		}
		for _, n := range sales {
			if n.LabelText() != "sales" {
				t.Errorf("%s: %s listed by label sales has label %q", profile, n.Number, n.LabelText())
			}
		}
		all, err := teamNumbers(t.Context(), client, "")
		if err != nil || len(all) != 3 {
			t.Fatalf("%s: teamNumbers() = %v, %v", profile, all, err)
		}
		if got, reported := all[0].Label, profile != emulator.ProfileSparse; (got != nil) != reported {
			t.Errorf("%s: unfiltered label of %s = %v; want it only where the API reports it", profile, all[0].Number, got)
		}
	}
}

// A server that ignores the label query answers with the whole team: only
// the numbers with the label are kept, for both data sources and the list
// resource.
func TestTeamNumbersFiltersByLabelItself(t *testing.T) {
	t.Parallel()
	emu := startTestEmulator(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam(), Profile: emulator.ProfileDefault},
		func(next http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				r.URL.RawQuery = "" // the label query, ignored
				next.ServeHTTP(w, r)
			})
		})
	client, err := interactly.New(interactly.Config{APIKey: testAPIKey, BaseURL: emu.URL})
	if err != nil {
		t.Fatal(err)
	}
	support, err := teamNumbers(t.Context(), client, "support")
	if err != nil || len(support) != 1 || support[0].ID != supportID {
		t.Fatalf("teamNumbers(support) from a server that ignores the query = %+v, %v; want only %s", support, err, supportID)
	}
	none, err := teamNumbers(t.Context(), client, "nobody")
	if err != nil || len(none) != 0 {
		t.Errorf("teamNumbers(nobody) = %+v, %v; want no number", none, err)
	}
}
