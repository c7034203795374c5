package transport

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// The pacer against the emulator's rate limiter in every shape, simulated on
// synctest's fake clock: as many workers as Terraform's -parallelism send
// requests through the pacer, the limiter answers each on the fake clock,
// refused requests wait for their Retry-After (or the backoff) and go again.
// Deterministic in time, and seconds of simulated traffic take milliseconds.

const (
	simLimit      = 50                   // requests per second the API allows
	simWorkers    = 20                   // Terraform's -parallelism
	simOneWay     = 2 * time.Millisecond // network, each way
	simClientWork = 5 * time.Millisecond // Terraform's own work between a worker's requests
	simRequests   = 600                  // a 12 s floor at the limit
	simTokenBurst = 10                   // a token bucket's depth, well under a second's requests
	simHeld       = 5 * time.Second      // how long it must hold the limit once settled
	simFloor      = simRequests * time.Second / simLimit
)

// simResult is what one simulated run measured.
type simResult struct {
	elapsed  time.Duration
	accepted []time.Duration // when each accepted request arrived, from the start
	refusals []time.Duration // when each refused one did
}

// refused is how many of the run's attempts were refused.
func (r simResult) refused() int { return len(r.refusals) }

// simClient is how a simulated run sends: how many workers (Terraform's
// -parallelism) and how long the API takes over a request it accepts,
// besides the network (a refusal is answered at once, as the emulator
// does).
type simClient struct {
	workers int
	latency time.Duration
}

// simDefault is the client of the single-run simulations.
var simDefault = simClient{workers: simWorkers}

// simulate sends n requests through p against lim from simWorkers workers
// and returns what happened. It must run inside a synctest bubble.
func simulate(t *testing.T, p *Pacer, lim *emulator.RateLimiter, n int) simResult {
	t.Helper()
	return simDefault.simulate(t, p, lim, n)
}

// simulate sends n requests through p against lim from c's workers and
// returns what happened. It must run inside a synctest bubble.
func (c simClient) simulate(t *testing.T, p *Pacer, lim *emulator.RateLimiter, n int) simResult {
	t.Helper()
	rec := newSimRecorder()
	c.sendAll(t, p, lim, n, rec)
	return rec.result()
}

// sendAll sends n requests through p against lim from c's workers, each
// until it is accepted, and records them in rec.
func (c simClient) sendAll(t *testing.T, p *Pacer, lim *emulator.RateLimiter, n int, rec *simRecorder) {
	t.Helper()
	jobs := make(chan struct{}, n)
	for range n {
		jobs <- struct{}{}
	}
	close(jobs)
	var wg sync.WaitGroup
	for range c.workers {
		wg.Go(func() {
			for range jobs {
				c.send(t, p, lim, rec)
				time.Sleep(simClientWork)
			}
		})
	}
	wg.Wait()
}

// simBackoff is the client's wait between attempts, with its jitter pinned
// to half of its range so that simulations are deterministic.
var simBackoff = NewBackoff(time.Now, func(n int64) int64 { return n / 2 })

// send sends one request through p against lim until it is accepted,
// waiting out each refusal's Retry-After (or the backoff), and records
// every attempt's answer in rec.
func (c simClient) send(t *testing.T, p *Pacer, lim *emulator.RateLimiter, rec *simRecorder) {
	t.Helper()
	for refusals := 0; ; refusals++ {
		sentAt, err := p.Wait(context.Background())
		if err != nil {
			t.Error(err)
			return
		}
		time.Sleep(simOneWay)
		header := http.Header{}
		ok := lim.Admit(time.Now(), header)
		arrived := time.Now()
		if ok {
			time.Sleep(c.latency)
		}
		time.Sleep(simOneWay)
		resp := &http.Response{StatusCode: http.StatusOK, Header: header}
		if !ok {
			resp.StatusCode = http.StatusTooManyRequests
		}
		p.Answered(sentAt, resp)
		rec.answered(arrived, ok)
		if ok {
			return
		}
		time.Sleep(simBackoff(time.Second, 30*time.Second, refusals, resp))
	}
}

// simRecorder collects what a simulated run's attempts met, from its start.
type simRecorder struct {
	start time.Time
	mu    sync.Mutex
	res   simResult
}

func newSimRecorder() *simRecorder { return &simRecorder{start: time.Now()} }

// answered records an attempt that reached the API at arrived: accepted or
// refused.
func (r *simRecorder) answered(arrived time.Time, accepted bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	at := arrived.Sub(r.start)
	if accepted {
		r.res.accepted = append(r.res.accepted, at)
		return
	}
	r.res.refusals = append(r.res.refusals, at)
}

// result is what the run met, and how long it has taken so far.
func (r *simRecorder) result() simResult {
	r.mu.Lock()
	defer r.mu.Unlock()
	res := r.res
	res.elapsed = time.Since(r.start)
	return res
}

// between counts the times in [from, to).
func between(times []time.Duration, from, to time.Duration) int {
	n := 0
	for _, at := range times {
		if at >= from && at < to {
			n++
		}
	}
	return n
}

// simShapes are the limiter's shapes: each kind, without headers (the pacer
// learns from 429s) and with each set of headers, with each form of
// Retry-After among them.
func simShapes() []emulator.RateLimitShape {
	var shapes []emulator.RateLimitShape
	for _, kind := range []emulator.RateLimitKind{emulator.FixedWindow, emulator.SlidingWindow, emulator.TokenBucket} {
		for _, headers := range []emulator.RateLimitHeaders{emulator.NoHeaders, emulator.IETFHeaders, emulator.XHeaders} {
			for _, retryAfter := range []emulator.RetryAfterForm{emulator.RetryAfterSeconds, emulator.RetryAfterDate, emulator.RetryAfterNone} {
				s := emulator.RateLimitShape{Kind: kind, Headers: headers, RetryAfter: retryAfter}
				if kind == emulator.TokenBucket {
					s.Burst = simTokenBurst
				}
				shapes = append(shapes, s)
			}
		}
	}
	return shapes
}

// startingGuesses put the pacer where an earlier episode may have left it:
// fresh (no pacing), far below the limit (another client of the key had
// used the quota up), and far above it.
var startingGuesses = []struct {
	name   string
	set    func(*Pacer)
	settle time.Duration // by when it must have found the limit
}{
	{"fresh", func(*Pacer) {}, 4 * time.Second},
	{"far below", func(p *Pacer) { p.learner = learner{rate: 2, ceiling: 2, lastDrop: time.Now().Add(-time.Minute)} }, 6 * time.Second},
	{"far above", func(p *Pacer) { p.learner = learner{rate: 500, ceiling: 500, lastDrop: time.Now().Add(-time.Minute)} }, 4 * time.Second},
}

// Under every shape and from every starting guess, the pacer converges: once
// settled, the API accepts requests at nearly its limit, and refusals are
// rare (under 5%, and none when the API announces its budget). From a fresh
// start, the whole run is close to its floor.
func TestPacerConvergesUnderEveryShape(t *testing.T) {
	t.Parallel()
	for _, shape := range simShapes() {
		for _, guess := range startingGuesses {
			t.Run(fmt.Sprintf("%s/%s", shape, guess.name), func(t *testing.T) {
				t.Parallel()
				synctest.Test(t, func(t *testing.T) {
					p := NewPacer(0)
					guess.set(p)
					res := simulate(t, p, emulator.NewRateLimiter(simLimit, shape), simRequests)
					headers := shape.Headers != emulator.NoHeaders

					// Over simHeld from the time it must have settled (the
					// run lasts longer), not up to the end: a refusal
					// near the end makes a tail of one Retry-After.
					from, to := guess.settle, guess.settle+simHeld
					lateAccepted := between(res.accepted, from, to)
					rate := float64(lateAccepted) / simHeld.Seconds()
					if rate < 0.9*simLimit {
						t.Errorf("from %v to %v, accepted %.1f requests a second; want at least 90%% of the limit of %d", from, to, rate, simLimit)
					}
					lateRefused := between(res.refusals, from, to)
					if (headers && lateRefused > 0) || lateRefused*20 > lateAccepted {
						t.Errorf("from %v to %v, %d requests refused and %d accepted; want no refusals with headers, under 5%% without", from, to, lateRefused, lateAccepted)
					}
					if guess.name != "fresh" {
						return
					}
					if ratio := res.elapsed.Seconds() / simFloor.Seconds(); ratio > 1.15 {
						t.Errorf("took %v, %.2f × the floor of %v; want at most 1.15", res.elapsed.Round(time.Millisecond), ratio, simFloor)
					}
					if headers && res.refused() > 3 {
						t.Errorf("%d requests refused; with rate-limit headers want at most 3", res.refused())
					}
					t.Logf("%v (%.2f × floor), %d refused, %.1f/s once settled", res.elapsed.Round(time.Millisecond), res.elapsed.Seconds()/simFloor.Seconds(), res.refused(), rate)
				})
			})
		}
	}
}
