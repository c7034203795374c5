package provider

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

const (
	routeGetAssistant   = "GET /assistants/v1/assistants/{id}"
	routePatchAssistant = "PATCH /assistants/v1/assistants/{id}"
	frontDesk           = "interactly_assistant.front_desk"
)

// expectAssistant checks fields the emulator holds for an assistant after
// a step; a nil value means the field is absent.
func (e *testEmulator) expectAssistant(id string, fields map[string]any) resource.TestCheckFunc {
	return func(*terraform.State) error {
		a, ok := e.Assistant(id)
		if !ok {
			return fmt.Errorf("the emulator has no assistant %s", id)
		}
		for field, want := range fields {
			if got := fmt.Sprint(a[field]); got != fmt.Sprint(want) {
				return fmt.Errorf("assistant %s in the API has %s = %s, want %v", id, field, got, want)
			}
		}
		return nil
	}
}

// reportsAllAssistantFields is false under the sparse profile, whose answers
// carry only a few of an assistant's settings.
func (e *testEmulator) reportsAllAssistantFields() bool { return e.profile != emulator.ProfileSparse }

// reportedAssistant is v where the profile's answers carry every setting of
// an assistant, and null (nil) where they leave it out.
func (e *testEmulator) reportedAssistant(v any) any {
	if !e.reportsAllAssistantFields() {
		return nil
	}
	return v
}

// patchLog records the bodies of the PATCHes of assistants that reached an
// emulator, to check what a write sent.
type patchLog struct {
	mu     sync.Mutex
	bodies []map[string]any
}

func (l *patchLog) all() []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]map[string]any(nil), l.bodies...)
}

// expectFieldsSent checks the fields of the latest PATCH: exactly these.
func (l *patchLog) expectFieldsSent(fields ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		bodies := l.all()
		if len(bodies) == 0 {
			return fmt.Errorf("no PATCH was sent; want one with %v", fields)
		}
		last := bodies[len(bodies)-1]
		if len(last) != len(fields) {
			return fmt.Errorf("the PATCH sent %v, want exactly %v", keysOf(last), fields)
		}
		for _, f := range fields {
			if _, ok := last[f]; !ok {
				return fmt.Errorf("the PATCH sent %v, want exactly %v", keysOf(last), fields)
			}
		}
		return nil
	}
}

// expectPatches checks how many PATCHes of assistants were sent in all.
func (l *patchLog) expectPatches(n int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := len(l.all()); got != n {
			return fmt.Errorf("%d PATCHes of assistants were sent, want %d", got, n)
		}
		return nil
	}
}

// newPatchRecordingEmulator is newTestEmulator with the bodies of PATCHes
// of assistants recorded.
func newPatchRecordingEmulator(t *testing.T) (*testEmulator, *patchLog) {
	t.Helper()
	log := &patchLog{}
	emu := startTestEmulator(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam()}, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPatch {
				data, _ := io.ReadAll(r.Body)
				var body map[string]any
				_ = json.Unmarshal(data, &body)
				log.mu.Lock()
				log.bodies = append(log.bodies, body)
				log.mu.Unlock()
				r.Body = io.NopCloser(bytes.NewReader(data))
			}
			next.ServeHTTP(w, r)
		})
	})
	return emu, log
}

func keysOf(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// expectAssistantGETs checks how many GETs of assistants reached the emulator.
func (e *testEmulator) expectAssistantGETs(count int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := e.Counts()[routeGetAssistant]; got != count {
			return fmt.Errorf("%s requests = %d, want %d (all counts: %v)", routeGetAssistant, got, count, e.Counts())
		}
		return nil
	}
}
