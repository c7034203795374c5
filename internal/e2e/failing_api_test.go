package e2e

import (
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// failingAPIProfiles are the emulator profiles these tests run under: the
// error bodies of a failing API differ by profile (JSON, none, an HTML page).
var failingAPIProfiles = []emulator.Profile{emulator.ProfileDefault, emulator.ProfileSparse, emulator.ProfileVerbose}

// TestAccFailingListingIsNotHammered: a plan of 40 numbers at -parallelism=10
// under a listing that always fails sends at most 2 × (max_retries + 1) list
// requests: the failure is shared by every read of the provider process and
// remembered, not asked for again by each of the 40.
func TestAccFailingListingIsNotHammered(t *testing.T) {
	const n, maxRetries = 40, 1
	for _, profile := range failingAPIProfiles {
		t.Run(string(profile), func(t *testing.T) {
			seed := emulator.GenerateSeed(n)
			ws, emu := newWorkspace(t, emulator.Options{APIKey: "sk-listing", Seed: seed, Profile: profile})
			ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-listing", "INTERACTLY_MAX_RETRIES=1")
			if err := ws.WriteFile("main.tf", tfconfig.NumbersConfig(specsFor(seed.Numbers, "asst-1", ptr(true), ptr(true)))); err != nil {
				t.Fatal(err)
			}
			mustRun(t, ws, "apply", "-auto-approve", "-parallelism=10")

			emu.AddFault(emulator.Fault{Method: "GET", Status: 503})
			emu.ResetCounts()
			plan, err := ws.Run(t.Context(), "plan", "-no-color", "-parallelism=10")
			if err != nil {
				t.Fatal(err)
			}
			if plan.ExitCode == 0 {
				t.Fatalf("plan under a failing listing succeeded: %s", plan)
			}
			lists := emu.Counts()[routeList]
			t.Logf("plan of %d numbers at -parallelism=10 under a failing listing: %d list requests (bound %d)", n, lists, 2*(maxRetries+1))
			if lists > 2*(maxRetries+1) || lists == 0 {
				t.Errorf("list requests = %d, want 1 to %d", lists, 2*(maxRetries+1))
			}
			if out := strings.Join(strings.Fields(plan.Stdout+plan.Stderr), " "); !strings.Contains(out, "does not ask for the listing again") {
				t.Errorf("the plan's errors do not say the listing failure is remembered: %s", plan)
			}
		})
	}
}

// TestAccFailingWritesAreNotHammered: an apply of 40 numbers at
// -parallelism=10 under an API that fails every PUT sends at most
// (parallelism + breakerThreshold - 1) × (max_retries + 1) PUTs: the
// breaker opens at the third failed update, by which time two more updates
// may have taken the slots of the first two; the updates in flight finish
// their attempts, and the rest fail at once, unsent, saying so.
func TestAccFailingWritesAreNotHammered(t *testing.T) {
	// breakerThreshold is the client's: updates that fail in a row before
	// the breaker opens.
	const n, parallelism, maxRetries, breakerThreshold = 40, 10, 1, 3
	for _, profile := range failingAPIProfiles {
		t.Run(string(profile), func(t *testing.T) {
			seed := emulator.GenerateSeed(n)
			ws, emu := newWorkspace(t, emulator.Options{APIKey: "sk-writes", Seed: seed, Profile: profile})
			ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-writes", "INTERACTLY_MAX_RETRIES=1")
			emu.AddFault(emulator.Fault{Method: "PUT", Status: 503})
			if err := ws.WriteFile("main.tf", tfconfig.NumbersConfig(specsFor(seed.Numbers, "asst-2", ptr(false), ptr(true)))); err != nil {
				t.Fatal(err)
			}
			apply, err := ws.Run(t.Context(), "apply", "-auto-approve", "-no-color", "-parallelism=10")
			if err != nil {
				t.Fatal(err)
			}
			if apply.ExitCode == 0 {
				t.Fatalf("apply under failing writes succeeded: %s", apply)
			}
			puts, bound := emu.Counts()[routeUpdate], (parallelism+breakerThreshold-1)*(maxRetries+1)
			t.Logf("apply of %d numbers at -parallelism=%d under failing writes: %d PUTs (bound %d, without the breaker %d)",
				n, parallelism, puts, bound, n*(maxRetries+1))
			if puts > bound || puts == 0 {
				t.Errorf("PUTs = %d, want 1 to %d", puts, bound)
			}
			out := apply.Stdout + apply.Stderr
			if !strings.Contains(flatten(out), "update not sent") {
				t.Errorf("no error says that updates were not sent: %s", apply)
			}
			// Said once: one explanation of the breaker, before the errors
			// of the updates it held back, which say it in one line each.
			const title = "Updates suspended after repeated server failures"
			if got := strings.Count(flatten(out), "the provider stopped sending updates for"); got != 1 {
				t.Errorf("the breaker is explained %d times, want once: %s", got, apply)
			}
			if first := firstDiagnosticNaming(out, title); first != "Warning: "+title {
				t.Errorf("the first diagnostic about the breaker is %q, want its warning: %s", first, apply)
			}
		})
	}
}
