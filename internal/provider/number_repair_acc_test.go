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
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// writeLog records the bodies of the PUTs of numbers and, once armed, fails
// the listings that follow a PUT: the look an apply takes after a write whose
// answer was lost.
type writeLog struct {
	mu            sync.Mutex
	puts          []map[string]any
	failListing   bool // fail every listing after a PUT, until cleared
	afterAWrite   bool
	failedListing int
}

func (l *writeLog) putBodies() []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]map[string]any(nil), l.puts...)
}

func (l *writeLog) set(failListing bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.failListing, l.afterAWrite = failListing, false
}

func newWriteRecordingEmulator(t *testing.T) (*testEmulator, *writeLog) {
	t.Helper()
	log := &writeLog{}
	emu := startTestEmulator(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam()}, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			log.mu.Lock()
			fail := r.Method == http.MethodGet && log.failListing && log.afterAWrite
			if fail {
				log.failedListing++
			}
			if r.Method == http.MethodPut {
				data, _ := io.ReadAll(r.Body)
				var body map[string]any
				_ = json.Unmarshal(data, &body)
				log.puts = append(log.puts, body)
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

// expectNoDetach checks that no PUT since `since` detached the number.
func (l *writeLog) expectNoDetach(since *int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		bodies := l.putBodies()
		for _, body := range bodies[*since:] {
			if a, ok := body["assistantId"]; ok && a == "" {
				return fmt.Errorf("the repair sent a detach (PUT %v): callers met no assistant in between", body)
			}
		}
		return nil
	}
}

const adoptNight = `
resource "interactly_number" "support" {
  number       = "+14155550100"
  assistant_id = "asst-night"
  on_destroy   = "restore"
}`

// An adoption whose PUT was applied but answered 502 looks at the number
// once: it already is as planned, so the apply ends without an error, and
// nothing is tainted.
func TestAccNumber_adoptionAppliedButUnansweredIsConfirmed(t *testing.T) {
	emu := newTestEmulator(t)
	emu.AddFault(emulator.Fault{Method: "PUT", Status: 502, Apply: true, Times: 1})
	config := emu.configWith("max_retries = 0", adoptNight)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             emu.expectAPI(supportID, want{"asst-support", true, true}),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(
					emu.expectFaultHits(1),
					emu.expectAPI(supportID, want{"asst-night", true, true}),
					resource.TestCheckResourceAttr("interactly_number.support", "restore_point.assistant_id", "asst-support"),
				),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// When the look fails too, the number stays in state, tainted. The apply
// that repairs it sends no detach of the number the configuration still
// adopts (callers never meet a number without its assistant), and keeps
// the restore point of the first adoption, which the final destroy puts back.
func TestAccNumber_taintedAdoptionIsRepairedWithoutADetach(t *testing.T) {
	emu, log := newWriteRecordingEmulator(t)
	emu.AddFault(emulator.Fault{Method: "PUT", Status: 502, Apply: true, Times: 1})
	log.set(true)
	config := emu.configWith("max_retries = 0", adoptNight)
	var before int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             emu.expectAPI(supportID, want{"asst-support", true, true}),
		Steps: []resource.TestStep{
			{Config: config, ExpectError: errorMatching(`Unable to configure number \+14155550100.*HTTP 502`)},
			{
				PreConfig: func() {
					log.set(false)
					emu.ClearFaults()
					before = len(log.putBodies())
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("interactly_number.support", plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeTestCheckFunc(
					log.expectNoDetach(&before),
					emu.expectAPI(supportID, want{"asst-night", true, true}),
					resource.TestCheckResourceAttr("interactly_number.support", "restore_point.assistant_id", "asst-support"),
				),
			},
		},
	})
}
