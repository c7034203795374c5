package emulator

import (
	"net/http"
	"regexp"
	"testing"
)

var uuidShape = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestCreate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		path    string
		body    string
		status  int
		message string // in the error message
		label   string // of the new number
	}{
		{name: "purchase", path: "purchase", body: `{"number": "+14155550199"}`, status: 200},
		{name: "purchase owned number", path: "purchase", body: `{"number": "+14155550101"}`, status: 409,
			message: `number +14155550101 is already in the team, with _id "id-1"`},
		{name: "purchase without number", path: "purchase", body: `{}`, status: 400, message: "number is required"},
		{name: "purchase non-E.164", path: "purchase", body: `{"number": "4155550199"}`, status: 400, message: "not in E.164 form"},
		{name: "purchase with label", path: "purchase", body: `{"number": "+14155550199", "label": "x"}`, status: 400,
			message: `unknown field "label"; this call accepts number`},

		{name: "import", path: "twilio", body: `{"number": "+442071838750", "label": "london"}`, status: 200, label: "london"},
		{name: "import with account credentials", path: "twilio", status: 200,
			body: `{"number": "+442071838750", "credentials": {"accountSid": "AC1", "authToken": "t"}}`},
		{name: "import with API key credentials", path: "twilio", status: 200,
			body: `{"number": "+442071838750", "credentials": {"apiKeySid": "SK1", "apiSecret": "s"}}`},
		{name: "import owned number", path: "twilio", body: `{"number": "+14155550102"}`, status: 409, message: `with _id "id-2"`},
		{name: "import from unknown provider", path: "vonage", body: `{"number": "+442071838750"}`, status: 400,
			message: `unsupported provider "vonage"`},
		{name: "import with both credential pairs", path: "twilio", status: 400, message: "invalid credentials",
			body: `{"number": "+442071838750", "credentials": {"accountSid": "AC1", "authToken": "t", "apiKeySid": "SK1", "apiSecret": "s"}}`},
		{name: "import with half a pair", path: "twilio", status: 400, message: "invalid credentials",
			body: `{"number": "+442071838750", "credentials": {"accountSid": "AC1"}}`},
		{name: "import with empty credentials", path: "twilio", status: 400, message: "invalid credentials",
			body: `{"number": "+442071838750", "credentials": {}}`},
		{name: "import with unknown credential", path: "twilio", status: 400, message: `unknown field "password"; this call accepts number, label and credentials (accountSid`,
			body: `{"number": "+442071838750", "credentials": {"password": "p"}}`},
		{name: "import with credentials not an object", path: "twilio", status: 400, message: `field "credentials": want an object`,
			body: `{"number": "+442071838750", "credentials": "AC1:t"}`},
		{name: "import without number", path: "twilio", body: `{"label": "x"}`, status: 400, message: "number is required"},
		{name: "import non-E.164", path: "twilio", body: `{"number": "+0123"}`, status: 400, message: "not in E.164 form"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, c := start(t, Options{Seed: testSeed()})
			res := c.do("POST", "/assistants/v1/numbers/"+tt.path, tt.body)
			if tt.status != http.StatusOK {
				res.wantError(t, tt.status, tt.message)
				if n := len(srv.Numbers()); n != 3 {
					t.Errorf("a refused request left %d numbers, want 3", n)
				}
				return
			}
			if res.status != http.StatusOK {
				t.Fatalf("status %d, body %s", res.status, res.body)
			}
			var got Number
			res.decode(t, &got)
			if !uuidShape.MatchString(got.ID) {
				t.Errorf("_id %q is not a UUID", got.ID)
			}
			want := Number{ID: got.ID, TeamID: "team-1", Number: got.Number, Provider: Provider{Name: "twilio"},
				InboundEnabled: true, OutboundEnabled: true, Label: tt.label}
			if got != want {
				t.Errorf("answer %+v, want %+v", got, want)
			}
			// The new number comes last in the list.
			var list []Number
			c.do("GET", "/assistants/v1/numbers", "").decode(t, &list)
			if len(list) != 4 || list[3] != want {
				t.Errorf("list %+v, want the new number last", list)
			}
		})
	}
}

func TestCreateGivesDistinctIDs(t *testing.T) {
	t.Parallel()
	_, c := start(t, Options{})
	var a, b Number
	c.do("POST", "/assistants/v1/numbers/purchase", `{"number": "+14155550001"}`).decode(t, &a)
	c.do("POST", "/assistants/v1/numbers/twilio", `{"number": "+14155550002"}`).decode(t, &b)
	if a.ID == b.ID || a.ID == "" {
		t.Errorf("IDs %q and %q, want distinct non-empty IDs", a.ID, b.ID)
	}
	if a.TeamID != defaultTeamID {
		t.Errorf("teamId %q of an empty seed, want the default %q", a.TeamID, defaultTeamID)
	}
}

func TestNoRoute(t *testing.T) {
	t.Parallel()
	_, c := start(t, Options{Seed: testSeed()})
	tests := []struct {
		method, path string
		status       int
		allow        string
		message      string
	}{
		// POST matches too: it is an import from provider "id-1".
		{"DELETE", "/assistants/v1/numbers/id-1", 405, "PUT, POST", "DELETE is not allowed on /assistants/v1/numbers/id-1; allowed: PUT, POST"},
		{"PUT", "/assistants/v1/numbers/purchase", 404, "", `no number with _id "purchase"`},
		{"GET", "/assistants/v1/numbers/purchase", 405, "PUT, POST", "allowed: PUT, POST"},
		{"POST", "/assistants/v1/numbers", 405, "GET", "allowed: GET"},
		{"GET", "/assistants/v2/numbers", 404, "", "no route GET /assistants/v2/numbers; the API routes are GET /assistants/v1/numbers"},
		{"POST", "/_emulator/health", 405, "GET", "allowed: GET"},
	}
	for _, tt := range tests {
		res := c.do(tt.method, tt.path, "{}")
		res.wantError(t, tt.status, tt.message)
		if got := res.header.Get("Allow"); got != tt.allow {
			t.Errorf("%s %s: Allow %q, want %q", tt.method, tt.path, got, tt.allow)
		}
	}
}
