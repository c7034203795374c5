package transport

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// Several Terraform runs on one API key, simulated on synctest's fake clock:
// each run is its own provider process, so its own Pacer, and none knows the
// others; they share only the API's limiter. Each sends its requests as
// simulate does, all starting together.

const (
	sharedLimit    = 20  // requests per second the key allows
	sharedRequests = 150 // per run
)

// sharedShapes are the limiters the runs share: each kind, answering
// Retry-After in whole seconds, without headers and with the IETF ones.
func sharedShapes() []emulator.RateLimitShape {
	var shapes []emulator.RateLimitShape
	for _, kind := range []emulator.RateLimitKind{emulator.FixedWindow, emulator.SlidingWindow, emulator.TokenBucket} {
		for _, headers := range []emulator.RateLimitHeaders{emulator.NoHeaders, emulator.IETFHeaders} {
			shapes = append(shapes, emulator.RateLimitShape{Kind: kind, Headers: headers, RetryAfter: emulator.RetryAfterSeconds})
		}
	}
	return shapes
}

// simulateRuns runs k processes of n requests each against lim at once.
func simulateRuns(t *testing.T, k int, lim *emulator.RateLimiter, n int) []simResult {
	t.Helper()
	results := make([]simResult, k)
	var wg sync.WaitGroup
	for i := range k {
		wg.Go(func() { results[i] = simulate(t, NewPacer(0), lim, n) })
	}
	wg.Wait()
	return results
}

// Runs that share a key share its limit: together they finish close to the
// floor (every accepted request at the limit), none much later than the
// fastest, with at most 5 refusals per run when the API sends rate-limit
// headers and at most 20 without.
func TestPacersOfSeveralRunsShareTheKeysLimit(t *testing.T) {
	t.Parallel()
	for _, shape := range sharedShapes() {
		for _, k := range []int{2, 4} {
			t.Run(fmt.Sprintf("%s/%d-runs", shape, k), func(t *testing.T) {
				t.Parallel()
				synctest.Test(t, func(t *testing.T) {
					results := simulateRuns(t, k, emulator.NewRateLimiter(sharedLimit, shape), sharedRequests)
					maxRefused := 20
					if shape.Headers != emulator.NoHeaders {
						maxRefused = 5
					}
					var elapsed []time.Duration
					accepted := 0
					for i, res := range results {
						elapsed = append(elapsed, res.elapsed)
						accepted += len(res.accepted)
						if res.refused > maxRefused {
							t.Errorf("run %d: %d requests refused; want at most %d", i, res.refused, maxRefused)
						}
					}
					floor := time.Duration(accepted) * time.Second / sharedLimit
					slowest, fastest := slices.Max(elapsed), slices.Min(elapsed)
					if ratio := slowest.Seconds() / floor.Seconds(); ratio > 1.3 {
						t.Errorf("all done after %v, %.2f × the floor of %v; want at most 1.3", slowest.Round(time.Millisecond), ratio, floor)
					}
					if ratio := slowest.Seconds() / fastest.Seconds(); ratio > 1.3 {
						t.Errorf("the slowest run took %v, %.2f × the fastest (%v); want at most 1.3", slowest.Round(time.Millisecond), ratio, fastest.Round(time.Millisecond))
					}
					for i, res := range results {
						t.Logf("run %d: %v, %d refused", i, res.elapsed.Round(time.Millisecond), res.refused)
					}
				})
			})
		}
	}
}
