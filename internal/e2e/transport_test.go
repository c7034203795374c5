package e2e

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport/transporttest"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// TestAccBrokenBodiesAreRetried: the listing every plan needs arrives cut off
// once and stalled once, then whole; a PUT's answer arrives cut off once.
// The apply succeeds, having asked again for each, and configures the
// numbers.
func TestAccBrokenBodiesAreRetried(t *testing.T) {
	seed := emulator.GenerateSeed(20)
	ws, emu := newWorkspace(t, emulator.Options{APIKey: "sk-bodies", Seed: seed})
	emu.AddFault(emulator.Fault{Method: "GET", CutBody: true, Times: 1})
	emu.AddFault(emulator.Fault{Method: "GET", StallBody: true, Times: 1})
	emu.AddFault(emulator.Fault{Method: "PUT", CutBody: true, Times: 1})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-bodies", "INTERACTLY_REQUEST_TIMEOUT=2s")

	specs := specsFor(seed.Numbers, "asst-2", nil, nil)
	if err := ws.WriteFile("main.tf", tfconfig.NumbersConfig(specs)); err != nil {
		t.Fatal(err)
	}
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")
	// The three broken answers went out (the emulator counts them under
	// status 0), and the apply still succeeded: each was asked again.
	if broken := emu.StatusCounts()[0]; broken != 3 {
		t.Errorf("%d answers broken off or stalled, want 3", broken)
	}
	counts := emu.Counts()
	if counts[routeList] < 3 {
		t.Errorf("list requests = %d, want at least 3 (cut off, stalled, whole)", counts[routeList])
	}
	if counts[routeUpdate] != len(specs)+1 {
		t.Errorf("PUTs = %d, want %d (one per number and one again after the cut-off answer)", counts[routeUpdate], len(specs)+1)
	}
	for _, s := range specs {
		if got, _ := emu.GetNumber(s.Key); got.AssistantID != "asst-2" {
			t.Errorf("number %s has assistant %q, want asst-2", s.Number, got.AssistantID)
		}
	}
}

// TestAccBrokenBodyReportedWhenRetriesRunOut: a listing that always breaks
// off fails the plan with an error that says what happened to the body.
func TestAccBrokenBodyReportedWhenRetriesRunOut(t *testing.T) {
	seed := emulator.GenerateSeed(3)
	ws, emu := newWorkspace(t, emulator.Options{APIKey: "sk-cut", Seed: seed})
	emu.AddFault(emulator.Fault{Method: "GET", CutBody: true})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-cut", "INTERACTLY_MAX_RETRIES=1")
	config := `
terraform {
  required_providers {
    interactly = { source = "interactly/interactly" }
  }
}

data "interactly_numbers" "all" {}
`
	if err := ws.WriteFile("main.tf", config); err != nil {
		t.Fatal(err)
	}
	plan, err := ws.Run(t.Context(), "plan", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	out := strings.Join(strings.Fields(plan.Stdout+plan.Stderr), " ")
	if plan.ExitCode == 0 || !strings.Contains(out, "failed after 2 attempts") || !strings.Contains(out, "broke off after") {
		t.Errorf("want a failed plan that says the body broke off after 2 attempts, got %s", plan)
	}
}

// TestAccRequestCap: with max_requests_per_second = 20 against an API that
// allows 25, an apply of 60 numbers is never refused for rate.
func TestAccRequestCap(t *testing.T) {
	const limit, apiLimit, n = 20, 25, 60
	seed := emulator.GenerateSeed(n)
	var mu sync.Mutex
	var starts []time.Time
	record := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			starts = append(starts, time.Now())
			mu.Unlock()
			next.ServeHTTP(w, r)
		})
	}
	ws, emu := newWorkspaceBehind(t, emulator.Options{APIKey: "sk-cap", Seed: seed, RateLimit: apiLimit}, record)
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-cap")
	config := strings.Replace(tfconfig.NumbersConfig(specsFor(seed.Numbers, "asst-2", ptr(true), ptr(false))),
		"locals {", "provider \"interactly\" {\n  max_requests_per_second = 20\n}\n\nlocals {", 1)
	if err := ws.WriteFile("main.tf", config); err != nil {
		t.Fatal(err)
	}
	mustRun(t, ws, "apply", "-auto-approve", "-parallelism=20")

	if refused := emu.StatusCounts()[http.StatusTooManyRequests]; refused != 0 {
		t.Errorf("%d requests refused with 429 under a cap below the API's limit", refused)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(starts) < n {
		t.Fatalf("the emulator saw %d requests, want at least %d", len(starts), n)
	}
	// The client spaces its requests at the cap; on a loaded machine they
	// can reach the server a little bunched, so the bound checked at the
	// server is the API's own limit. Without the cap, 60 requests at
	// -parallelism=20 arrive far faster and are refused above.
	if most := transporttest.MostInOneSecond(starts); most > apiLimit {
		t.Errorf("%d requests reached the API within one second; the cap is %d, the API's limit %d", most, limit, apiLimit)
	}
}
