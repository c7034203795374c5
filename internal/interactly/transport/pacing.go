package transport

import (
	"context"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Pacer decides when each attempt may be sent. One Pacer serves every client
// of the same API key and base URL in the process (see SharedPacer): the API
// counts the key's requests, not a client's. Safe for concurrent use.
//
// What holds an attempt back, each only when it has a reason to:
//   - the user's cap (max_requests_per_second), the strictest of the
//     clients that share the Pacer;
//   - what the API announces in rate-limit headers, when it does (budget,
//     pacing_budget.go): its budget, window and reset;
//   - otherwise, once the API has refused a request for rate, a pace
//     learned from its 429s (learner, pacing_learner.go).
//
// Until the first answer arrives, one attempt at a time: a fresh process
// does not know the API's limit, and a burst of Terraform's parallel
// requests could spend a small budget before the first answer tells it.
type Pacer struct {
	cap *rate.Limiter // the strictest cap of the sharing clients, burst 1; nil for none

	mu       sync.Mutex
	lastSend time.Time     // when the latest attempt was let through
	changed  chan struct{} // closed and replaced when waiting attempts may go sooner
	learner  learner
	budget   budget
	sent     []time.Time   // send times of the last second
	accepted []time.Time   // times of the answers accepted in the last second
	busy     time.Time     // since when sends have followed each other within a second
	started  bool          // whether the first attempt was let through
	heard    chan struct{} // closed at the first answer
	heardOne bool
	queued   int         // attempts waiting for the pace
	inFlight []time.Time // send times of the attempts let through and not yet answered, oldest first
}

// firstAnswerWait bounds how long attempts wait for the process's first
// answer before going ahead without it (the first attempt may hang; one that
// fails without an answer releases them at once).
const firstAnswerWait = 2 * time.Second

// capMargin spaces capped requests slightly more than 1/cap apart, so that
// jitter on the way (a goroutine woken late, the network) cannot put cap+1
// request starts into one second at the API.
const capMargin = 1.05

// NewPacer returns a Pacer that starts at most maxPerSecond requests in any
// second (0 or less: no cap) and adapts to what the API answers.
func NewPacer(maxPerSecond float64) *Pacer {
	p := &Pacer{heard: make(chan struct{}), changed: make(chan struct{})}
	p.tightenCap(maxPerSecond)
	return p
}

// tightenCap lowers the cap to maxPerSecond when that is stricter; 0 or
// less leaves it as it is.
func (p *Pacer) tightenCap(maxPerSecond float64) {
	if maxPerSecond <= 0 {
		return
	}
	limit := rate.Limit(maxPerSecond / capMargin)
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.cap == nil:
		p.cap = rate.NewLimiter(limit, 1)
	case limit < p.cap.Limit():
		p.cap.SetLimit(limit)
	}
}

// Wait blocks until an attempt may be sent, or ctx ends, and returns when it
// was let through. It runs before the attempt's time limit starts, so waiting
// here never makes an attempt time out.
func (p *Pacer) Wait(ctx context.Context) (time.Time, error) {
	if err := p.awaitFirstAnswer(ctx); err != nil {
		return time.Time{}, err
	}
	p.mu.Lock()
	limiter := p.cap
	p.mu.Unlock()
	if limiter != nil {
		if err := limiter.Wait(ctx); err != nil {
			return time.Time{}, err
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		now := time.Now()
		until, held := p.heldUntil(now)
		if !held {
			if len(lastSecond(&p.sent, now)) == 0 {
				p.busy = now
			}
			p.sent = append(p.sent, now)
			p.inFlight = append(p.inFlight, now)
			p.lastSend = now
			p.budget.spend(now)
			return now, nil
		}
		changed := p.changed
		p.queued++
		p.mu.Unlock()
		err := sleepUnless(ctx, until.Sub(now), changed)
		p.mu.Lock()
		p.queued--
		if err != nil {
			return time.Time{}, err
		}
	}
}

// heldUntil reports whether an attempt must wait at now and, if so, until
// when: what the API announced decides (see budget), else the learned pace.
//
// The pace is kept here rather than in a golang.org/x/time/rate limiter: a
// reservation there keeps its place when the rate changes, so attempts
// queued while the rate was low (just after a refusal) would go on at that
// rate for as many intervals as there are attempts queued, however fast the
// rate grows.
func (p *Pacer) heldUntil(now time.Time) (time.Time, bool) {
	if until, closed := p.budget.closedUntil(now); closed {
		return until, true
	}
	if until, full := p.budget.windowFullUntil(now); full {
		return until, true
	}
	if p.budget.inHand(now) {
		return time.Time{}, false
	}
	r := p.rate(now)
	if r <= 0 || p.lastSend.IsZero() {
		return time.Time{}, false
	}
	next := p.lastSend.Add(time.Duration(float64(time.Second) / r))
	return next, now.Before(next)
}

// awaitFirstAnswer lets the process's first attempt through at once and
// holds the others until an answer arrives or firstAnswerWait passes.
func (p *Pacer) awaitFirstAnswer(ctx context.Context) error {
	p.mu.Lock()
	first, heard := !p.started, p.heardOne
	p.started = true
	p.mu.Unlock()
	if first || heard {
		return nil
	}
	timer := time.NewTimer(firstAnswerWait)
	defer timer.Stop()
	select {
	case <-p.heard:
	case <-timer.C:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

// Answered records the answer to an attempt sent at sentAt: what its
// rate-limit headers say, and whether it was refused for rate (429).
func (p *Pacer) Answered(sentAt time.Time, resp *http.Response) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.hear()
	now := time.Now()
	sent := lastSecond(&p.sent, now)
	stragglers := p.land(sentAt, now)
	// Not counted in the remaining budget this answer tells, or not for
	// sure: the attempts let through with or after this one, and those let
	// through before it that are still on their way (under load they may
	// reach the API after it). Attempts sent together are answered in any
	// order.
	after := -1
	for _, t := range sent {
		if !t.Before(sentAt) {
			after++
		}
	}
	after = max(after, 0) + stragglers
	before, hadInHand := p.rate(now), p.budget.inHand(now)
	_, wasClosed := p.budget.closedUntil(now)
	refused := resp.StatusCode == http.StatusTooManyRequests
	if remaining, ok := p.budget.observe(now, sentAt, resp.Header, after); ok {
		p.budget.weigh(now, sentAt, remaining, refused, p.queued > 0)
	}
	accepted := lastSecond(&p.accepted, now)
	if refused {
		fullSecond := !p.busy.IsZero() && now.Sub(p.busy) >= time.Second
		saturating := fullSecond && (p.learner.rate == 0 || p.queued > 0)
		p.learner.refused(now, sentAt, len(sent), len(accepted), saturating)
	} else {
		p.accepted = append(accepted, now)
		p.learner.accepted(now, len(p.accepted), p.queued > 0)
	}
	// Wake the attempts waiting when the pace sped up, the gate opened or
	// budget came back in hand; a slower pace they find out when they wake.
	_, closed := p.budget.closedUntil(now)
	if p.rate(now) > before || (wasClosed && !closed) || (!hadInHand && p.budget.inHand(now)) {
		close(p.changed)
		p.changed = make(chan struct{})
	}
}

// Unanswered records that the attempt sent at sentAt got no answer (a
// connection error, a timeout): it is no longer on its way.
func (p *Pacer) Unanswered(sentAt time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.land(sentAt, time.Now())
	// The first attempt ended without telling anything: holding the others
	// for its answer would only delay them.
	p.hear()
}

// hear releases the attempts held for the first answer.
func (p *Pacer) hear() {
	if !p.heardOne {
		p.heardOne = true
		close(p.heard)
	}
}

// land takes the attempt sent at sentAt off the attempts on their way and
// returns how many sent before it still are. Attempts on their way longer
// than MaxRetryAfter are dropped too: whatever became of them, the budget
// they counted against has long reset.
func (p *Pacer) land(sentAt, now time.Time) (earlier int) {
	cut := 0
	for cut < len(p.inFlight) && now.Sub(p.inFlight[cut]) > MaxRetryAfter {
		cut++
	}
	p.inFlight = p.inFlight[cut:]
	for i, t := range p.inFlight {
		if t.Equal(sentAt) {
			p.inFlight = append(p.inFlight[:i], p.inFlight[i+1:]...)
			break
		}
		if t.Before(sentAt) {
			earlier++
		}
	}
	return earlier
}

// Rate is the pace in requests per second the pacer holds to: the rate the
// API announced in its headers, or the one learned from its 429s; 0 while it
// has no reason to pace.
func (p *Pacer) Rate() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.rate(time.Now())
}

// rate is the pace in requests per second, 0 for none: the announced rate
// when the API announces one, else the learned one.
func (p *Pacer) rate(now time.Time) float64 {
	r := p.learner.rate
	// An API that announces its budget is taken at its word: the learner
	// serves only APIs that do not.
	if announced := p.budget.pace(now); announced > 0 {
		r = announced
	}
	return r
}

// lastSecond drops the times older than a second from *times and returns
// the rest.
func lastSecond(times *[]time.Time, now time.Time) []time.Time {
	cut := 0
	for cut < len(*times) && now.Sub((*times)[cut]) >= time.Second {
		cut++
	}
	*times = (*times)[cut:]
	return *times
}

// sleepUnless waits d or until changed is closed, or returns ctx's error if
// it ends first.
func sleepUnless(ctx context.Context, d time.Duration, changed <-chan struct{}) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-changed:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
