package e2e

import (
	"net/http"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

const (
	routeList   = "GET /assistants/v1/numbers"
	routeUpdate = "PUT /assistants/v1/numbers/{id}"

	routeGetAssistant = "GET /assistants/v1/assistants/{id}"
)

// TestAccRequestCounts: a refresh of 1000 numbers costs at most 2 list calls
// (one shared listing per provider process, not one per number), and an
// apply that changes K numbers sends exactly K PUTs and no other write.
func TestAccRequestCounts(t *testing.T) {
	const n, k = 1000, 7
	seed := emulator.GenerateSeed(n)
	ws, emu := newWorkspace(t, emulator.Options{APIKey: "sk-counts", Seed: seed})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-counts")

	specs := specsFor(seed.Numbers, "asst-1", ptr(true), ptr(true))
	if err := ws.WriteFile("main.tf", tfconfig.NumbersConfig(specs)); err != nil {
		t.Fatal(err)
	}
	mustRun(t, ws, "apply", "-auto-approve")
	if got := emu.Counts()[routeUpdate]; got != n {
		t.Fatalf("adopting %d numbers sent %d PUTs", n, got)
	}

	emu.ResetCounts()
	plan, err := ws.Run(t.Context(), "plan", "-detailed-exitcode")
	if err != nil || plan.ExitCode != 0 {
		t.Fatalf("refresh plan: want no changes (exit 0), got %v %s", err, plan)
	}
	counts := emu.Counts()
	if counts[routeList] > 2 || counts[routeList] < 1 {
		t.Errorf("refreshing %d numbers made %d list calls, want 1 or 2", n, counts[routeList])
	}
	// Besides the listing, the plan asks once about each assistant the
	// numbers attach (one here), to warn about one deleted in the dashboard.
	if total(counts) != counts[routeList]+counts[routeGetAssistant] || counts[routeGetAssistant] > 1 {
		t.Errorf("refresh made other calls than lists and one look at asst-1: %v", counts)
	}

	for i := range k {
		specs[i*100].Assistant = "asst-3"
	}
	if err := ws.WriteFile("main.tf", tfconfig.NumbersConfig(specs)); err != nil {
		t.Fatal(err)
	}
	emu.ResetCounts()
	mustRun(t, ws, "apply", "-auto-approve")
	counts = emu.Counts()
	if counts[routeUpdate] != k {
		t.Errorf("changing %d numbers sent %d PUTs, want exactly %d", k, counts[routeUpdate], k)
	}
	// The plan checks each assistant the numbers attach (the new one, and
	// the one the others keep) once per provider process: the plan's and
	// the apply's.
	if checks := counts[routeGetAssistant]; checks > 4 {
		t.Errorf("apply looked the two assistants up %d times, want at most once each per provider process", checks)
	}
	if writes := total(counts) - counts[routeList] - counts[routeUpdate] - counts[routeGetAssistant]; writes != 0 {
		t.Errorf("apply made %d other requests: %v", writes, counts)
	}
	if counts[routeList] > 2 {
		t.Errorf("apply made %d list calls, want at most 2", counts[routeList])
	}
	for i := range k {
		if got, _ := emu.GetNumber(specs[i*100].Key); got.AssistantID != "asst-3" {
			t.Errorf("number %s has assistant %q, want asst-3", got.Number, got.AssistantID)
		}
	}
}

func total(counts map[string]int) int {
	sum := 0
	for _, c := range counts {
		sum += c
	}
	return sum
}

// TestAccLoadUnderRateLimitAndFaults applies 300 numbers at parallelism 20
// against an API limited to 20 requests a second (below what Terraform
// sends here, so 429s are certain) that fails 10% of requests with 503:
// retries and pacing absorb all of it, every number ends as configured, and
// the next plan is empty.
func TestAccLoadUnderRateLimitAndFaults(t *testing.T) {
	const n = 300
	seed := emulator.GenerateSeed(n)
	ws, emu := newWorkspace(t, emulator.Options{APIKey: "sk-load", Seed: seed, RateLimit: 20})
	emu.AddFault(emulator.Fault{Status: 503, FailRate: 0.1, Seed: 42})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-load")

	specs := specsFor(seed.Numbers, "asst-2", ptr(false), ptr(true))
	if err := ws.WriteFile("main.tf", tfconfig.NumbersConfig(specs)); err != nil {
		t.Fatal(err)
	}
	apply := mustRun(t, ws, "apply", "-auto-approve", "-parallelism=20")
	t.Logf("apply of %d numbers took %v; requests: %v", n, apply.Duration, emu.Counts())

	for _, s := range specs {
		got, _ := emu.GetNumber(s.Key)
		if got.AssistantID != "asst-2" || got.InboundEnabled || !got.OutboundEnabled {
			t.Errorf("number %s ended as %+v", s.Number, got)
		}
	}
	// Without a 429 and a 503 actually served, this test would prove nothing
	// about handling them.
	statuses := emu.StatusCounts()
	if statuses[http.StatusTooManyRequests] == 0 || statuses[http.StatusServiceUnavailable] == 0 {
		t.Errorf("answers by status %v: want both 429s and 503s served", statuses)
	}
	plan, err := ws.Run(t.Context(), "plan", "-detailed-exitcode", "-parallelism=20")
	if err != nil || plan.ExitCode != 0 {
		t.Fatalf("plan after the load: want no changes, got %v %s", err, plan)
	}
}
