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

// assistantWriteLog records the PATCHes of assistants and, while armed,
// fails the reads of assistants that follow a PATCH: the look an apply
// takes after a write whose answer was lost.
type assistantWriteLog struct {
	mu          sync.Mutex
	patches     []map[string]any
	failReads   bool
	afterAWrite bool
}

func (l *assistantWriteLog) arm(failReads bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.failReads, l.afterAWrite = failReads, false
}

func (l *assistantWriteLog) sent() []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]map[string]any(nil), l.patches...)
}

func newAssistantWriteEmulator(t *testing.T) (*testEmulator, *assistantWriteLog) {
	t.Helper()
	log := &assistantWriteLog{}
	emu := startTestEmulator(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam()}, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			log.mu.Lock()
			fail := r.Method == http.MethodGet && log.failReads && log.afterAWrite
			if r.Method == http.MethodPatch {
				data, _ := io.ReadAll(r.Body)
				var body map[string]any
				_ = json.Unmarshal(data, &body)
				log.patches = append(log.patches, body)
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

const (
	originalPrompt = "You are AI assistant asst-support. Answer briefly and politely."
	adoptPrompt    = `
resource "interactly_assistant" "front_desk" {
  assistant_id  = "asst-support"
  system_prompt = "Book tables."
  on_destroy    = "restore"
}`
)

// An adoption whose PATCH was applied but answered 502 reads the assistant
// once: it already is as planned, so the apply ends without an error and
// nothing is tainted; the destroy still puts the original back.
func TestAccAssistant_adoptionAppliedButUnansweredIsConfirmed(t *testing.T) {
	emu := newTestEmulator(t)
	emu.AddFault(emulator.Fault{Method: "PATCH", Status: 502, Apply: true, Times: 1})
	config := emu.configWith("max_retries = 0", adoptPrompt)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             emu.expectAssistant("asst-support", map[string]any{"assistantSystemPrompt": originalPrompt}),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(
					emu.expectFaultHits(1),
					emu.expectAssistant("asst-support", map[string]any{"assistantSystemPrompt": "Book tables."}),
				),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// When that read fails too, the assistant stays in state, tainted. The apply
// that repairs it puts nothing back in between (callers never meet the old
// prompt again), and the restore point of the first adoption, now in state,
// survives: the final destroy puts the original prompt back.
func TestAccAssistant_taintedAdoptionIsRepairedWithoutARestore(t *testing.T) {
	emu, log := newAssistantWriteEmulator(t)
	emu.AddFault(emulator.Fault{Method: "PATCH", Status: 502, Apply: true, Times: 1})
	log.arm(true)
	config := emu.configWith("max_retries = 0", adoptPrompt)
	var before int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             emu.expectAssistant("asst-support", map[string]any{"assistantSystemPrompt": originalPrompt}),
		Steps: []resource.TestStep{
			{Config: config, ExpectError: errorMatching(`Unable to update assistant asst-support.*HTTP 502`)},
			{
				PreConfig: func() {
					log.arm(false)
					emu.ClearFaults()
					before = len(log.sent())
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(frontDesk, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeTestCheckFunc(
					func(*terraform.State) error {
						for _, body := range log.sent()[before:] {
							if body["assistantSystemPrompt"] == originalPrompt {
								return fmt.Errorf("the repair put the original prompt back in between: PATCH %v", body)
							}
						}
						return nil
					},
					emu.expectAssistant("asst-support", map[string]any{"assistantSystemPrompt": "Book tables."}),
				),
			},
		},
	})
}
