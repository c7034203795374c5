package emulator

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func writeSeed(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "seed.json")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadSeed(t *testing.T) {
	t.Parallel()
	path := writeSeed(t, `{
		"teamId": "team-9",
		"assistants": ["asst-a"],
		"numbers": [
			{"_id": "n-2", "number": "+14155550102", "assistantId": "asst-a", "inboundEnabled": true, "label": "x"},
			{"_id": "n-1", "teamId": "other", "number": "+14155550101", "provider": {"name": "twilio"}}
		]
	}`)
	got, err := LoadSeed(path)
	if err != nil {
		t.Fatal(err)
	}
	want := Seed{
		TeamID:     "team-9",
		Assistants: []string{"asst-a"},
		Numbers: []Number{
			{ID: "n-2", TeamID: "team-9", Number: "+14155550102", Provider: Provider{Name: "twilio"}, AssistantID: "asst-a", InboundEnabled: true, Label: "x"},
			{ID: "n-1", TeamID: "other", Number: "+14155550101", Provider: Provider{Name: "twilio"}},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LoadSeed = %+v, want %+v", got, want)
	}
}

func TestLoadSeedDefaultTeam(t *testing.T) {
	t.Parallel()
	got, err := LoadSeed(writeSeed(t, `{"numbers": [{"_id": "n-1", "number": "+14155550101"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got.TeamID != defaultTeamID || got.Numbers[0].TeamID != defaultTeamID {
		t.Errorf("teams %q and %q, want the default %q", got.TeamID, got.Numbers[0].TeamID, defaultTeamID)
	}
}

func TestLoadSeedErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, content, message string }{
		{"empty", ``, "empty; want a JSON object"},
		{"bad JSON", `{"numbers": [`, "malformed JSON"},
		{"not an object", `[]`, "want a JSON object, got array"},
		{"unknown field", `{"team": "x"}`, `unknown field "team"`},
		{"unknown number field", `{"numbers": [{"_id": "a", "number": "+14155550101", "name": "x"}]}`, `unknown field "name"`},
		{"wrong type", `{"numbers": [{"_id": 1}]}`, `field "numbers._id": want a string, got number`},
		{"trailing data", `{} x`, "unexpected data after the JSON value"},
		{"bad E.164", `{"numbers": [{"_id": "a", "number": "4155550101"}]}`, `numbers[0]: number "4155550101" is not in E.164 form`},
		{"leading zero", `{"numbers": [{"_id": "a", "number": "+04155550101"}]}`, "not in E.164 form"},
		{"too long", `{"numbers": [{"_id": "a", "number": "+1234567890123456"}]}`, "not in E.164 form"},
		{"empty id", `{"numbers": [{"number": "+14155550101"}]}`, "numbers[0]: _id is empty"},
		{"duplicate id", `{"numbers": [{"_id": "a", "number": "+14155550101"}, {"_id": "a", "number": "+14155550102"}]}`,
			`numbers[1]: _id "a" is already used by numbers[0]`},
		{"duplicate number", `{"numbers": [{"_id": "a", "number": "+14155550101"}, {"_id": "b", "number": "+14155550101"}]}`,
			"numbers[1]: number +14155550101 is already used by numbers[0]"},
		{"unknown assistant", `{"assistants": ["x"], "numbers": [{"_id": "a", "number": "+14155550101", "assistantId": "y"}]}`,
			`numbers[0]: assistantId "y" is not listed in assistants`},
		{"empty assistant", `{"assistants": [""]}`, "assistants[0] is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := writeSeed(t, tt.content)
			_, err := LoadSeed(path)
			if err == nil {
				t.Fatalf("LoadSeed succeeded, want an error containing %q", tt.message)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.message) || !strings.Contains(msg, path) {
				t.Errorf("error %q, want it to name the file and contain %q", msg, tt.message)
			}
		})
	}
}

func TestLoadSeedReportsEveryProblem(t *testing.T) {
	t.Parallel()
	_, err := LoadSeed(writeSeed(t, `{"numbers": [{"_id": "a", "number": "1"}, {"_id": "a", "number": "2"}]}`))
	for _, want := range []string{`numbers[0]: number "1"`, `numbers[1]: number "2"`, `numbers[1]: _id "a" is already used`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want it to contain %q", err, want)
		}
	}
}

func TestLoadSeedMissingFile(t *testing.T) {
	t.Parallel()
	_, err := LoadSeed(filepath.Join(t.TempDir(), "nope.json"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "nope.json") {
		t.Errorf("error %v, want a not-exist error naming the file", err)
	}
}

func TestGenerateSeed(t *testing.T) {
	t.Parallel()
	a, b := GenerateSeed(1000), GenerateSeed(1000)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("GenerateSeed(1000) differs between calls")
	}
	if err := a.validate(); err != nil {
		t.Fatalf("generated seed is invalid: %v", err)
	}
	if len(a.Numbers) != 1000 || !reflect.DeepEqual(a.Assistants, []string{"asst-1", "asst-2", "asst-3"}) {
		t.Fatalf("%d numbers, assistants %v", len(a.Numbers), a.Assistants)
	}
	attached := 0
	for _, n := range a.Numbers {
		if !uuidShape.MatchString(n.ID) || n.Label != "generated" || !n.InboundEnabled || !n.OutboundEnabled ||
			n.TeamID != a.TeamID || n.Provider.Name != "twilio" {
			t.Fatalf("generated number %+v", n)
		}
		if n.AssistantID == "asst-1" {
			attached++
		}
	}
	if attached != 500 {
		t.Errorf("%d numbers attached to asst-1, want 500", attached)
	}
	if first := a.Numbers[0]; first.Number != "+14155000000" || first.ID != "00000000-0000-4000-8000-000000000001" {
		t.Errorf("first number %+v", first)
	}
}

func TestGenerateSeedLarge(t *testing.T) {
	t.Parallel()
	// validate checks E.164 and the uniqueness of IDs and numbers.
	if err := GenerateSeed(20000).validate(); err != nil {
		t.Error(err)
	}
	for _, n := range []int{0, -1} {
		if got := GenerateSeed(n).Numbers; len(got) != 0 {
			t.Errorf("GenerateSeed(%d) has %d numbers", n, len(got))
		}
	}
}
