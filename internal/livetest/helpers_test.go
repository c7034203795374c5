package livetest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

const (
	unitKey         = "unit-key-s3cret-0123"
	unitNumber      = "+14155550180"
	unitNumberID    = "id-test"
	unitOtherID     = "id-other"
	unitAssistantID = "asst-test"
)

func unitSeed() emulator.Seed {
	return emulator.Seed{
		TeamID:     "team-1",
		Assistants: []string{"asst-original", unitAssistantID},
		Numbers: []emulator.Number{
			{ID: unitNumberID, Number: unitNumber, Label: "live-test", AssistantID: "asst-original", InboundEnabled: true},
			{ID: unitOtherID, Number: "+14155550181", Label: "other", OutboundEnabled: true},
		},
	}
}

// startAPI serves the emulator through wrap (when not nil), as an API whose
// answers a test bends, and returns settings that point at it.
func startAPI(t *testing.T, wrap func(http.Handler) http.Handler) Settings {
	t.Helper()
	var handler http.Handler = emulator.New(emulator.Options{APIKey: unitKey, Seed: unitSeed()})
	if wrap != nil {
		handler = wrap(handler)
	}
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return Settings{APIKey: unitKey, BaseURL: srv.URL, Number: unitNumber, AssistantID: unitAssistantID}
}

func newClient(t *testing.T, s Settings) *interactly.Client {
	t.Helper()
	client, err := interactly.New(interactly.Config{BaseURL: s.BaseURL, APIKey: s.APIKey, MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// editDocuments rewrites every number document in a successful answer
// (each element of a list, or the single document of an update).
func editDocuments(edit func(doc map[string]any)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			body := rec.Body.Bytes()
			if rec.Code == http.StatusOK {
				var list []map[string]any
				var one map[string]any
				switch {
				case json.Unmarshal(body, &list) == nil:
					for _, doc := range list {
						edit(doc)
					}
					body, _ = json.Marshal(list)
				case json.Unmarshal(body, &one) == nil:
					edit(one)
					body, _ = json.Marshal(one)
				}
			}
			for name, values := range rec.Header() {
				w.Header()[name] = values
			}
			w.Header().Del("Content-Length")
			w.WriteHeader(rec.Code)
			_, _ = w.Write(body)
		})
	}
}

// answerInstead answers the requests that match with status and body, and
// passes the others on.
func answerInstead(match func(r *http.Request, body []byte) bool, status int, body string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if match(r, peek(r)) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(status)
				_, _ = w.Write([]byte(body))
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// putsUnknownAssistant matches an update naming an assistant ID of the shape the
// contract check invents (a UUID, which the seed's assistants are not).
func putsUnknownAssistant(r *http.Request, body []byte) bool {
	var req struct {
		AssistantID string `json:"assistantId"`
	}
	return r.Method == http.MethodPut && json.Unmarshal(body, &req) == nil && len(req.AssistantID) == 36
}

// putsUnknownNumber matches an update of an ID the seed does not have.
func putsUnknownNumber(r *http.Request, _ []byte) bool {
	id := strings.TrimPrefix(r.URL.Path, numbersPath+"/")
	return r.Method == http.MethodPut && id != unitNumberID && id != unitOtherID
}
