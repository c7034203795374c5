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

// sharedClients are how the runs send: as the single-run simulations do,
// and as the benchmark's terraform applies do (Terraform's default
// -parallelism of 10, and an API that takes 80 ms over each request it
// accepts).
var sharedClients = []struct {
	name string
	simClient
}{
	{"sim", simDefault},
	{"bench", simBench},
}

// simBench sends as the benchmark's terraform applies do.
var simBench = simClient{workers: 10, latency: 80 * time.Millisecond}

// simulateRuns runs k processes of n requests each against lim at once.
func simulateRuns(t *testing.T, c simClient, k int, lim *emulator.RateLimiter, n int) []simResult {
	t.Helper()
	return simulateRunsApart(t, c, k, lim, n, 0)
}

// simulateRunsApart runs k processes of n requests each against lim, each
// starting apart after the one before (see runApart).
func simulateRunsApart(t *testing.T, c simClient, k int, lim *emulator.RateLimiter, n int, apart time.Duration) []simResult {
	t.Helper()
	return runApart(k, apart, func() simResult { return c.simulate(t, NewPacer(0), lim, n) })
}

// runApart starts k runs, each apart after the one before, and returns what
// each met once all are done; every elapsed time counts from the first one's
// start, as the wall time of runs started together in CI does.
func runApart(k int, apart time.Duration, run func() simResult) []simResult {
	results := make([]simResult, k)
	var wg sync.WaitGroup
	for i := range k {
		wg.Go(func() {
			late := time.Duration(i) * apart
			time.Sleep(late)
			results[i] = run()
			results[i].elapsed += late
		})
	}
	wg.Wait()
	return results
}

// sharedBounds is what the runs must hold together, per client, limiter and
// number of runs: refusals per run, and the slowest run's time over the
// fastest run's (over the floor, every accepted request at the limit, the
// bound is sharedOverFloor in every case). The aims
// are 5 refusals with headers, 20 without, 1.3 and 1.3. With headers the
// pacer meets them but for the fairness of four runs of the simulations'
// own client under a fixed window; the bounds elsewhere say how far it is
// from them, a little above the worst of many runs, so that a change that
// loses the sharing fails and one that gets closer can tighten them. Which
// goroutine goes first varies from run to run, the race detector's
// scheduling more so, and without headers the fairness of four runs has a
// long tail: over 650 runs the bench client's worst were 2.68 under a token
// bucket and 1.74 under a sliding window, against averages of 1.6 and 1.3.
//
// Without headers, each process learns only from its own refusals. The
// first burst alone has a run's workers refused once each (20 of the
// simulations' own workers). Which process the first full second of
// refusals favours is chance, and a token bucket, whose burst the processes
// spend at different times, often sets them apart for the rest of their
// runs: its runs are the least fair.
func sharedBounds(client string, shape emulator.RateLimitShape, k int) (refusals int, overFastest float64) {
	bench := client == "bench"
	bucket := shape.Kind == emulator.TokenBucket
	if shape.Headers != emulator.NoHeaders {
		if !bench && k == 4 {
			return 5, 1.4
		}
		return 5, 1.3
	}
	refusals = map[bool][]int{true: {15, 18, 36}, false: {42, 45, 50}}[bench][min(k, 3)-1]
	switch {
	case k == 1:
		overFastest = 1
	case bucket && bench && k == 2:
		overFastest = 1.8
	case bucket && bench:
		overFastest = 3.0
	case bucket && k == 2:
		overFastest = 2.3
	case bucket:
		overFastest = 3.3
	case bench && k == 4:
		overFastest = 1.9
	default:
		overFastest = 1.3
	}
	return refusals, overFastest
}

// sharedOverFloor bounds the slowest run's time over the floor, in every
// case.
const sharedOverFloor = 1.3

// Runs that share a key share its limit: together they finish close to the
// floor, none much later than the fastest, with few refusals.
func TestPacersOfSeveralRunsShareTheKeysLimit(t *testing.T) {
	t.Parallel()
	for _, client := range sharedClients {
		for _, shape := range sharedShapes() {
			for _, k := range []int{1, 2, 4} {
				t.Run(fmt.Sprintf("%s/%s/%d-runs", client.name, shape, k), func(t *testing.T) {
					t.Parallel()
					synctest.Test(t, func(t *testing.T) {
						results := simulateRuns(t, client.simClient, k, emulator.NewRateLimiter(sharedLimit, shape), sharedRequests)
						maxRefused, overFastest := sharedBounds(client.name, shape, k)
						checkRuns(t, results, sharedRequests, runBounds{refused: maxRefused, overFloor: sharedOverFloor, overFastest: overFastest})
					})
				})
			}
		}
	}
}

// A run left alone on the key climbs back to the limit: once the other run
// has finished, nothing refuses it any more, and it keeps probing upwards
// instead of staying at the part it had while they shared.
func TestPacerLeftAloneClimbsBackToTheLimit(t *testing.T) {
	t.Parallel()
	for _, shape := range sharedShapes() {
		t.Run(shape.String(), func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				lim := emulator.NewRateLimiter(sharedLimit, shape)
				var short, long simResult
				var wg sync.WaitGroup
				wg.Go(func() { short = simulate(t, NewPacer(0), lim, 100) })
				// Long enough to run alone for a while even if the short
				// run got only a small share while both ran.
				wg.Go(func() { long = simulate(t, NewPacer(0), lim, 1200) })
				wg.Wait()
				// From a few seconds after the short run ended, for as long
				// as the long one still ran at full demand.
				from := short.elapsed + 8*time.Second
				to := long.elapsed - 2*time.Second
				if to-from < 4*time.Second {
					t.Fatalf("the long run ended %v after the short one; the test needs it to run longer", long.elapsed-short.elapsed)
				}
				rate := float64(between(long.accepted, from, to)) / (to - from).Seconds()
				if rate < 0.85*sharedLimit {
					t.Errorf("alone from %v to %v, accepted %.1f requests a second; want at least 85%% of the limit of %d", from, to, rate, sharedLimit)
				}
				t.Logf("short run %v, long run %v, %.1f/s alone", short.elapsed.Round(time.Millisecond), long.elapsed.Round(time.Millisecond), rate)
			})
		})
	}
}

// runsApart is how far apart the runs of TestPacersOfRunsStartedApart start.
// Runs launched together reach the API a moment apart when one of them is
// held back before its first update: in the benchmark's logs, the four
// applies' first updates went within 0.15 s of one another as a rule, but an
// apply whose own lookups (its process plans again before it applies) met a
// key the others' first requests had just spent waited out Retry-After after
// Retry-After, and started 1.6 s to 5 s after the others (in 2 of 5 rounds of
// four runs without headers). A run that starts while another already holds
// the key is the case the pacer shares worst without headers.
const runsApart = 400 * time.Millisecond

// Runs started a moment apart, as CI's runs are and the benchmark's are when
// one of them is held back (see runsApart). Unlike runs started at the same
// instant, these are deterministic on the fake clock, so each bound sits
// just above what the pacer does now: the aims (1.3 × the fastest, 5
// refusals a run with headers and 20 without) are met only in some cases.
// Without headers the first run holds most of the key: the second measures
// its share while the first already spends most of it, and both then probe
// upwards by a part of what they measured, so that neither takes the other's
// part. The benchmark's runs reach the API together as a rule, so this is
// not the unfairness it measures for four runs
// (TestPacersOfTerraformAppliesShareTheKeysLimit simulates those). A change
// that shares better can tighten them; one that shares worse fails.
func TestPacersOfRunsStartedApartShareTheKeysLimit(t *testing.T) {
	t.Parallel()
	// Per limiter and number of runs: the most refusals a run and the
	// slowest run's time over the fastest's; over the floor, every case
	// holds sharedOverFloorApart.
	bounds := map[string]map[int]runBounds{
		"fixed-window":                {2: {refused: 14, overFastest: 1.7}, 4: {refused: 23, overFastest: 1.35}},
		"fixed-window,headers=ietf":   {2: {refused: 5, overFastest: 1.2}, 4: {refused: 10, overFastest: 1.25}},
		"sliding-window":              {2: {refused: 13, overFastest: 2.5}, 4: {refused: 25, overFastest: 2.2}},
		"sliding-window,headers=ietf": {2: {refused: 6, overFastest: 1.35}, 4: {refused: 10, overFastest: 1.65}},
		"token-bucket":                {2: {refused: 17, overFastest: 2.4}, 4: {refused: 28, overFastest: 1.45}},
		"token-bucket,headers=ietf":   {2: {refused: 8, overFastest: 1.25}, 4: {refused: 8, overFastest: 1.6}},
	}
	for _, shape := range sharedShapes() {
		for _, k := range []int{2, 4} {
			t.Run(fmt.Sprintf("%s/%d-runs", shape, k), func(t *testing.T) {
				t.Parallel()
				want, ok := bounds[shape.String()][k]
				if !ok {
					t.Fatalf("no bound for %s with %d runs", shape, k)
				}
				want.overFloor = sharedOverFloorApart
				synctest.Test(t, func(t *testing.T) {
					results := simulateRunsApart(t, simBench, k, emulator.NewRateLimiter(sharedLimit, shape), sharedRequests, runsApart)
					checkRuns(t, results, sharedRequests, want)
				})
			})
		}
	}
}

// sharedOverFloorApart bounds the slowest run's time over the floor when
// runs start apart: two runs under a sliding window without headers take
// 1.39 × the floor, the second starved while the first runs.
const sharedOverFloorApart = 1.45

// runBounds is what runs on one key must hold together: the most refusals
// a run, and the slowest run's time over the floor (every accepted request
// at the limit) and over the fastest run's.
type runBounds struct {
	refused                int
	overFloor, overFastest float64
}

// checkRuns fails t where results, of runs of perRun requests each, break
// want or left a request unaccepted, and logs each run and their summary.
func checkRuns(t *testing.T, results []simResult, perRun int, want runBounds) {
	t.Helper()
	var elapsed []time.Duration
	accepted, worst := 0, 0
	for i, res := range results {
		elapsed = append(elapsed, res.elapsed)
		accepted += len(res.accepted)
		worst = max(worst, res.refused())
		if res.refused() > want.refused {
			t.Errorf("run %d: %d requests refused; want at most %d", i, res.refused(), want.refused)
		}
		t.Logf("run %d: %v, %d refused", i, res.elapsed.Round(time.Millisecond), res.refused())
	}
	if want := len(results) * perRun; accepted != want {
		t.Errorf("%d requests accepted; want all %d", accepted, want)
	}
	floor := time.Duration(accepted) * time.Second / sharedLimit
	slowest, fastest := slices.Max(elapsed), slices.Min(elapsed)
	if ratio := slowest.Seconds() / floor.Seconds(); ratio > want.overFloor {
		t.Errorf("all done after %v, %.2f × the floor of %v; want at most %.2f", slowest.Round(time.Millisecond), ratio, floor, want.overFloor)
	}
	if ratio := slowest.Seconds() / fastest.Seconds(); ratio > want.overFastest {
		t.Errorf("the slowest run took %v, %.2f × the fastest (%v); want at most %.2f", slowest.Round(time.Millisecond), ratio, fastest.Round(time.Millisecond), want.overFastest)
	}
	t.Logf("summary %s: at most %d refused a run, %.2f × floor, slowest %.2f × fastest", t.Name(), worst, slowest.Seconds()/floor.Seconds(), slowest.Seconds()/fastest.Seconds())
}
