package provider

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// writeWatch records the bodies of the writes (PUTs of numbers or PATCHes
// of assistants) that reach an emulator and, while armed, fails every read
// that follows a write: the one look an apply takes after a write whose
// answer was lost.
type writeWatch struct {
	method      string // the write's method
	mu          sync.Mutex
	bodies      []map[string]any
	failReads   bool
	afterAWrite bool
}

// arm makes the reads after the next write fail, or stops that.
func (l *writeWatch) arm(failReads bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.failReads, l.afterAWrite = failReads, false
}

func (l *writeWatch) sent() []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]map[string]any(nil), l.bodies...)
}

// newWriteWatchingEmulator serves the test team through a writeWatch of
// writes sent with method.
func newWriteWatchingEmulator(t *testing.T, method string) (*testEmulator, *writeWatch) {
	t.Helper()
	log := &writeWatch{method: method}
	emu := startTestEmulator(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam()}, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			log.mu.Lock()
			fail := r.Method == http.MethodGet && log.failReads && log.afterAWrite
			if r.Method == log.method {
				data, _ := io.ReadAll(r.Body)
				var body map[string]any
				_ = json.Unmarshal(data, &body)
				log.bodies = append(log.bodies, body)
				log.afterAWrite = true
				r.Body = io.NopCloser(bytes.NewReader(data))
			}
			log.mu.Unlock()
			if fail {
				http.Error(w, `{"message":"unavailable"}`, http.StatusServiceUnavailable)
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	return emu, log
}

// confirmedAdoptionSteps apply config once, under a fault that applies the
// write and fails its answer, checked by checks; then plan it again, which
// must plan nothing: the adoption was confirmed, not tainted.
func confirmedAdoptionSteps(emu *testEmulator, config string, checks ...resource.TestCheckFunc) []resource.TestStep {
	return []resource.TestStep{
		{Config: config, Check: resource.ComposeTestCheckFunc(append([]resource.TestCheckFunc{emu.expectFaultHits(1)}, checks...)...)},
		{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
	}
}

// taintedRepairSteps apply config once, failing with failure (the write
// applied, its answer and the look after it failed); then, with the API
// healthy again, apply it once more, which must replace address and pass
// checks. since is set to the writes seen before the repair.
func taintedRepairSteps(emu *testEmulator, watch *writeWatch, config, failure, address string, since *int, checks ...resource.TestCheckFunc) []resource.TestStep {
	return []resource.TestStep{
		{Config: config, ExpectError: errorMatching(failure)},
		{
			PreConfig: func() {
				watch.arm(false)
				emu.ClearFaults()
				*since = len(watch.sent())
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: resource.ComposeTestCheckFunc(checks...),
		},
	}
}
