package transport

import (
	"context"
	"math"
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
//     learned from its 429s (learner, pacing_learner.go), and a short hold
//     when it refuses one sent after its last refusal came back (gate, in
//     the same file).
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
	gate     gate // for APIs that announce no budget
	budget   budget
	sent     []time.Time   // send times of the last second
	accepted []time.Time   // times of the answers accepted in the last second
	busy     time.Time     // since when sends have followed each other within a second
	started  bool          // whether the first attempt was let through
	heard    chan struct{} // closed at the first answer
	heardOne bool
	queued   int         // attempts waiting for the pace
	queuedAt time.Time   // when an attempt last started to wait for it
	inFlight []time.Time // send times of the attempts let through and not yet answered, oldest first

	reported       float64   // the pace last reported as a RateChange
	reportedShared bool      // whether others were seen when it was
	lastAccepted   time.Time // when the API last answered other than 429
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
	at, _, err := p.WaitTurn(ctx)
	return at, err
}

// WaitTurn is Wait that also tells what the attempt waited for, and how
// long, each reason once.
func (p *Pacer) WaitTurn(ctx context.Context) (time.Time, []Wait, error) {
	var waits []Wait
	waited := func(reason WaitReason, since time.Time) {
		// Under a millisecond the attempt did not wait: the call took
		// that long.
		if d := time.Since(since); d >= time.Millisecond {
			waits = append(waits, Wait{Reason: reason, Length: d})
		}
	}
	start := time.Now()
	if err := p.awaitFirstAnswer(ctx); err != nil {
		return time.Time{}, waits, err
	}
	waited(WaitFirstAnswer, start)
	p.mu.Lock()
	limiter := p.cap
	p.mu.Unlock()
	if limiter != nil {
		start := time.Now()
		if err := limiter.Wait(ctx); err != nil {
			return time.Time{}, waits, err
		}
		waited(WaitCap, start)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	held := map[WaitReason]time.Duration{}
	var order []WaitReason
	withHeld := func() []Wait {
		for _, reason := range order {
			waits = append(waits, Wait{Reason: reason, Length: held[reason]})
		}
		return waits
	}
	for {
		now := time.Now()
		until, reason, isHeld := p.heldUntil(now)
		if !isHeld {
			if len(lastSecond(&p.sent, now)) == 0 {
				p.busy = now
			}
			p.sent = append(p.sent, now)
			p.inFlight = append(p.inFlight, now)
			p.lastSend = now
			p.budget.spend(now)
			return now, withHeld(), nil
		}
		changed := p.changed
		p.queued++
		p.queuedAt = now
		p.mu.Unlock()
		err := sleepUnless(ctx, until.Sub(now), changed)
		p.mu.Lock()
		p.queued--
		if _, seen := held[reason]; !seen {
			order = append(order, reason)
		}
		held[reason] += time.Since(now)
		if err != nil {
			return time.Time{}, withHeld(), err
		}
	}
}

// heldUntil reports whether an attempt must wait at now and, if so, until
// when and why: what the API announced decides (see budget), else the
// learned pace.
//
// The pace is kept here rather than in a golang.org/x/time/rate limiter: a
// reservation there keeps its place when the rate changes, so attempts
// queued while the rate was low (just after a refusal) would go on at that
// rate for as many intervals as there are attempts queued, however fast the
// rate grows.
func (p *Pacer) heldUntil(now time.Time) (time.Time, WaitReason, bool) {
	if until, closed := p.budget.closedUntil(now); closed {
		return until, WaitBudget, true
	}
	if until, full := p.budget.windowFullUntil(now); full {
		return until, WaitBudget, true
	}
	if p.budget.inHand(now) {
		return time.Time{}, "", false
	}
	if until, closed := p.gate.closedUntil(now); closed && !p.budget.known {
		return until, WaitPacing, true
	}
	r := p.rate(now)
	if r <= 0 || p.lastSend.IsZero() {
		return time.Time{}, "", false
	}
	reason := WaitPacing
	if p.budget.pace(now) > 0 {
		reason = WaitBudget
	}
	next := p.lastSend.Add(time.Duration(float64(time.Second) / r))
	return next, reason, now.Before(next)
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
// rate-limit headers say, and whether it was refused for rate (429). It
// returns the change of the pace this answer made, when the pace moved by
// rateNewsPart or more since the last change reported (or other processes came
// or went); nil otherwise.
func (p *Pacer) Answered(sentAt time.Time, resp *http.Response) *RateChange {
	p.mu.Lock()
	defer p.mu.Unlock()
	defer p.noteAccepted(resp.StatusCode)
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
		// Saturating: the pace held attempts back within the last
		// second, not only at this instant. Refused attempts wait out
		// their Retry-After outside the pacer, so at a refusal the
		// queue is often empty though the pace bound a moment ago.
		waitedLately := p.queued > 0 || now.Sub(p.queuedAt) < time.Second
		saturating := fullSecond && (p.learner.rate == 0 || waitedLately)
		p.learner.refused(now, sentAt, len(sent), len(accepted), saturating)
		retryAfter, ok := RetryAfter(resp.Header.Get("Retry-After"), now)
		if !ok {
			retryAfter = gateRetryAfter
		}
		var interval time.Duration
		if r := p.learner.rate; r > 0 {
			interval = time.Duration(float64(time.Second) / r)
		}
		p.gate.refused(now, sentAt, retryAfter, interval)
	} else {
		p.gate.accepted(sentAt)
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
	return p.rateNews(now)
}

// rateNewsPart is how far the pace must move, as a part of the last one
// reported, to be reported again.
const rateNewsPart = 0.1

// rateNews returns the change of the pace since the last one reported, if
// it is news, and takes it as reported.
func (p *Pacer) rateNews(now time.Time) *RateChange {
	// Others are seen in the announced budget or, without one, in what
	// the learner measured.
	r, shared := p.rate(now), p.budget.share.shared(now) || p.learner.sharing(now)
	from := p.reported
	moved := r != from && (from == 0 || r == 0 || math.Abs(r-from) >= rateNewsPart*from)
	if !moved && shared == p.reportedShared {
		return nil
	}
	p.reported, p.reportedShared = r, shared
	return &RateChange{From: from, To: r, Shared: shared}
}

// noteAccepted records when the API last accepted a request.
func (p *Pacer) noteAccepted(status int) {
	if status != http.StatusTooManyRequests {
		p.lastAccepted = time.Now()
	}
}

// ObservedRate is the pace the pacer holds to, when it comes from what the
// API accepted lately: the rate it announces, or the rate learned from its
// 429s while it still accepted some requests within trustFor. 0 when the API
// accepted nothing lately (after a storm of 429s the pace is a floor the
// pacer fell to, not a rate the API accepted), and while it refused none.
func (p *Pacer) ObservedRate() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if p.lastAccepted.IsZero() || now.Sub(p.lastAccepted) > trustFor {
		return 0
	}
	return p.rate(now)
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
