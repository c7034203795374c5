package livetest

import (
	"bytes"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// The emulator is what the provider assumes: the check finds nothing broken,
// and leaves the test number as it was.
func TestContractAgainstTheEmulator(t *testing.T) {
	s := startAPI(t, nil)
	guard, err := Record(t.Context(), newClient(t, s), s.Number)
	if err != nil {
		t.Fatal(err)
	}
	assistantBefore, err := newClient(t, s).GetAssistant(t.Context(), s.AssistantID)
	if err != nil {
		t.Fatal(err)
	}
	report := CheckContract(t.Context(), s)
	if broken := report.Broken(); len(broken) > 0 {
		t.Fatalf("want nothing broken, got %v\n%s", broken, report)
	}
	for _, want := range []string{
		"an unknown number ID is a 404",
		"an unknown assistant ID is refused with 400",
		"a wrong key is a 401",
		"the label filter keeps exactly the 1 number(s)",
		"an update naming only the current assistant answers the number unchanged",
		`GET /assistants/v1/numbers -> 200, Content-Type "application/json"`,
		"the test assistant's document has the fields",
		"an unknown assistant is a 404 that says so",
		"a nested object sent in part replaces the stored one",
		"put the test assistant's predefined tools back",
		"PATCH /assistants/v1/assistants/" + s.AssistantID + ` -> 200, Content-Type "application/json": the updated assistant document`,
	} {
		if !strings.Contains(report.String(), want) {
			t.Errorf("the report does not say %q:\n%s", want, report)
		}
	}
	if diffs, err := guard.Differences(t.Context()); err != nil || len(diffs) > 0 {
		t.Errorf("the check changed the test number: %v %v", diffs, err)
	}
	after, err := newClient(t, s).GetAssistant(t.Context(), s.AssistantID)
	if err != nil || !reflect.DeepEqual(after.Fields, assistantBefore.Fields) {
		t.Errorf("the check changed the test assistant: %v", err)
	}
}

// Each of these answers breaks something the provider relies on: the check
// must fail, naming it.
func TestContractFailsWhereTheProviderWouldBreak(t *testing.T) {
	for name, tc := range map[string]struct {
		wrap   func(http.Handler) http.Handler
		number string
		want   string
	}{
		"a required field missing": {
			wrap: editDocuments(func(doc map[string]any) { delete(doc, "teamId") }),
			want: "field teamId: absent in all",
		},
		"a required field empty": {
			wrap: editDocuments(func(doc map[string]any) { doc["provider"] = map[string]any{} }),
			want: "field provider.name",
		},
		"a switch that is not a boolean": {
			wrap: editDocuments(func(doc map[string]any) { doc["inboundEnabled"] = "yes" }),
			want: "field inboundEnabled: string in all 2; the client decodes it as a boolean",
		},
		"the list is not an array": {
			wrap: answerInstead(func(r *http.Request, _ []byte) bool { return r.Method == http.MethodGet }, 200, `{"numbers": []}`),
			want: "not a JSON array",
		},
		"the test number is not in the team": {
			number: "+14155550199",
			want:   "INTERACTLY_TEST_NUMBER +14155550199 is not among the 2 numbers",
		},
		"the label filter is ignored": {
			wrap: func(next http.Handler) http.Handler {
				return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					r.URL.RawQuery = ""
					next.ServeHTTP(w, r)
				})
			},
			want: "does not filter exactly",
		},
		"an update resets a switch it does not name": {
			wrap: onlyFor(http.MethodPut, editDocuments(func(doc map[string]any) { doc["outboundEnabled"] = true })),
			want: "the provider relies on omitted fields being left as they were",
		},
		"an update of an unknown ID succeeds": {
			wrap: answerInstead(putsUnknownNumber, 200, `{"_id": "x", "number": "+1555", "teamId": "t", "provider": {"name": "twilio"}}`),
			want: "an update of an ID the team does not have succeeded",
		},
		"an unknown assistant is a 404": {
			wrap: answerInstead(putsUnknownAssistant, 404, `{"message": "assistant not found"}`),
			want: "an unknown assistant ID is a 404",
		},
		"an unknown assistant is a server fault": {
			wrap: answerInstead(putsUnknownAssistant, 500, `oops`),
			want: "an unknown assistant ID is a 500",
		},
		"a wrong key is let in": {
			wrap: answerInstead(func(r *http.Request, _ []byte) bool {
				return r.Header.Get("Authorization") != "Bearer "+unitKey
			}, 200, `[]`),
			want: "the API answered a wrong key with 200",
		},
	} {
		t.Run(name, func(t *testing.T) {
			s := startAPI(t, tc.wrap)
			if tc.number != "" {
				s.Number = tc.number
			}
			report := CheckContract(t.Context(), s)
			for _, f := range report.Broken() {
				if strings.Contains(f.Text, tc.want) {
					return
				}
			}
			t.Fatalf("want a broken finding containing %q, got:\n%s", tc.want, report)
		})
	}
}

// Where the docs are silent and the provider copes, the check reports what
// the API does without failing.
func TestContractReportsWhatTheProviderCopesWith(t *testing.T) {
	for name, tc := range map[string]struct {
		wrap func(http.Handler) http.Handler
		want string
	}{
		"optional fields left out": {
			wrap: editDocuments(func(doc map[string]any) {
				for _, field := range []string{"assistantId", "inboundEnabled", "outboundEnabled"} {
					delete(doc, field)
				}
			}),
			want: "field inboundEnabled: absent in all 2",
		},
		"optional fields null or empty": {
			wrap: editDocuments(func(doc map[string]any) { doc["assistantId"], doc["label"] = nil, "" }),
			want: "field assistantId: null in all 2",
		},
		"fields the docs do not mention": {
			wrap: editDocuments(func(doc map[string]any) { doc["createdAt"] = "2026-01-01T00:00:00Z" }),
			want: "fields the docs do not mention (the provider ignores them): createdAt (2 of 2)",
		},
		"an unknown number ID is a 400": {
			wrap: answerInstead(putsUnknownNumber, 400, `<html>Cast to ObjectId failed</html>`),
			want: "not the 404 the provider and the emulator expect",
		},
		"an error body that is not JSON": {
			wrap: answerInstead(putsUnknownNumber, 404, `Not Found`),
			want: "the 404 error body is not a JSON object",
		},
		"a wrong key is a 403": {
			wrap: answerInstead(func(r *http.Request, _ []byte) bool {
				return r.Header.Get("Authorization") != "Bearer "+unitKey
			}, 403, `{"error": "Forbidden"}`),
			want: "a wrong key is a 403",
		},
		"a non-JSON Content-Type": {
			wrap: func(next http.Handler) http.Handler {
				return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					next.ServeHTTP(textPlain{w}, r)
				})
			},
			want: `answered with Content-Type "text/plain"`,
		},
	} {
		t.Run(name, func(t *testing.T) {
			report := CheckContract(t.Context(), startAPI(t, tc.wrap))
			if broken := report.Broken(); len(broken) > 0 {
				t.Fatalf("want nothing broken, got %v\n%s", broken, report)
			}
			for _, f := range report.Findings {
				if f.Level == Note && strings.Contains(f.Text, tc.want) {
					return
				}
			}
			t.Fatalf("want a note containing %q, got:\n%s", tc.want, report)
		})
	}
}

// textPlain overrides the Content-Type the emulator sets.
// onlyFor applies wrap to the requests with method only.
func onlyFor(method string, wrap func(http.Handler) http.Handler) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		wrapped := wrap(next)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == method {
				wrapped.ServeHTTP(w, r)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

type textPlain struct{ http.ResponseWriter }

func (w textPlain) WriteHeader(status int) {
	w.Header().Set("Content-Type", "text/plain")
	w.ResponseWriter.WriteHeader(status)
}

// An API that accepts an assistant that does not exist gets a note, and the
// test number gets its assistant back at once: the steps that follow record
// the number as they find it.
func TestContractPutsBackAnAcceptedUnknownAssistant(t *testing.T) {
	// The emulator refuses unknown assistants; this API accepts them, by
	// attaching a seeded assistant instead: a real change to put back.
	s := startAPI(t, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			if putsUnknownAssistant(r, body) {
				body = []byte(`{"assistantId": "` + unitAssistantID + `"}`)
				r.ContentLength = int64(len(body))
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			next.ServeHTTP(w, r)
		})
	})
	guard, err := Record(t.Context(), newClient(t, s), s.Number)
	if err != nil {
		t.Fatal(err)
	}
	report := CheckContract(t.Context(), s)
	if broken := report.Broken(); len(broken) > 0 {
		t.Fatalf("want nothing broken, got %v\n%s", broken, report)
	}
	for _, want := range []string{"the API accepted an assistant ID that does not exist", "put the test number's assistant back"} {
		if !strings.Contains(report.String(), want) {
			t.Errorf("the report does not say %q:\n%s", want, report)
		}
	}
	if diffs, err := guard.Differences(t.Context()); err != nil || len(diffs) > 0 {
		t.Errorf("the check left the test number changed: %v %v", diffs, err)
	}
}

// An API that echoes the Authorization header in its answers does not get
// the key into the report.
func TestContractReportNeverShowsTheKey(t *testing.T) {
	s := startAPI(t, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if putsUnknownNumber(r, nil) || putsUnknownAssistant(r, peek(r)) {
				w.WriteHeader(http.StatusNotFound)
				_, _ = w.Write([]byte("no such thing for " + r.Header.Get("Authorization")))
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	report := CheckContract(t.Context(), s).String()
	if strings.Contains(report, unitKey) {
		t.Fatalf("the report shows the key:\n%s", report)
	}
	if !strings.Contains(report, "no such thing for Bearer [REDACTED]") {
		t.Fatalf("want the echoed key redacted in the report:\n%s", report)
	}
}

// peek reads a request's body and leaves it readable.
func peek(r *http.Request) []byte {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	return body
}
