package transport

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Adaptive pacing, after the additive-increase, multiplicative-decrease
// scheme of TCP congestion control (the AWS SDKs' adaptive retry mode is a
// variant of it). Until the API refuses a request for rate (429), requests
// are sent as fast as Terraform asks. From the first refusal on, every
// request waits its turn at a send rate that:
//   - drops, once per refusal episode, to decreaseFactor × the lower of the
//     rate sent and the rate the API accepted over the last second (the
//     refusals of requests sent before the last drop, or within dropSettle
//     after it, are answers to the old rate, not news). Under a limit the
//     accepted rate is the limit, so the client lands just under it instead
//     of far below, and refusals in a row do not compound;
//   - grows by increasePerSecond requests per second for every second of
//     accepted requests, probing for more; when it dropped far below the
//     rate it was refused at (the API accepted nothing, say because another
//     pipeline used the quota up), it grows by half every second instead
//     until it is back within reach, as TCP's slow start does.
//
// So a client under a limit settles just around it, spreading its requests
// evenly, instead of stopping everything for the Retry-After and then
// releasing a burst that is refused again.
const (
	decreaseFactor    = 0.9
	increasePerSecond = 1.0
	slowStartGrowth   = 0.5 // per second, while below half the refused rate
	minAdaptiveRate   = 1.0 // requests per second; the API may allow fewer, and Retry-After still applies
	// dropSettle is how long after a drop refusals are still taken as
	// answers to the old rate: the API's window (a second, as a rule) must
	// pass before it can tell the new rate from the old one.
	dropSettle = time.Second
)

// capMargin spaces capped requests slightly more than 1/cap apart, so that
// jitter on the way (a goroutine woken late, the network) cannot put cap+1
// request starts into one second at the API.
const capMargin = 1.05

// Pacer decides when each attempt may be sent. One Pacer serves every
// client of the same API key and base URL in the process (see SharedPacer):
// the API counts the key's requests, not a client's. Safe for concurrent use.
type Pacer struct {
	limit *rate.Limiter // the user's cap, burst 1; nil for none

	mu       sync.Mutex
	adaptive *rate.Limiter // nil until the first refusal; burst 1
	current  float64       // the adaptive rate, requests per second
	refused  float64       // the send rate at the last drop
	lastDrop time.Time     // when the adaptive rate last dropped
	sent     []time.Time   // send times of the last second
	accepted []time.Time   // times of the answers accepted in the last second
	now      func() time.Time
}

// NewPacer returns a Pacer that starts at most maxPerSecond requests in any
// second (0 or less: no cap) and adapts to 429s.
func NewPacer(maxPerSecond float64) *Pacer {
	p := &Pacer{now: time.Now}
	if maxPerSecond > 0 {
		p.limit = rate.NewLimiter(rate.Limit(maxPerSecond/capMargin), 1)
	}
	return p
}

// Wait blocks until an attempt may be sent, or ctx ends, and returns when it
// was let through. It runs before the attempt's time limit starts, so waiting
// here never makes an attempt time out.
func (p *Pacer) Wait(ctx context.Context) (time.Time, error) {
	if p.limit != nil {
		if err := p.limit.Wait(ctx); err != nil {
			return time.Time{}, err
		}
	}
	p.mu.Lock()
	adaptive := p.adaptive
	p.mu.Unlock()
	if adaptive != nil {
		if err := adaptive.Wait(ctx); err != nil {
			return time.Time{}, err
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	p.sent = append(lastSecond(&p.sent, now), now)
	return now, nil
}

// Refused records a 429 for an attempt sent at sentAt.
func (p *Pacer) Refused(sentAt time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.adaptive != nil && sentAt.Before(p.lastDrop.Add(dropSettle)) {
		return // sent before the last drop could show its effect
	}
	now := p.now()
	sent := float64(len(lastSecond(&p.sent, now)))
	base := min(sent, float64(len(lastSecond(&p.accepted, now))))
	p.refused = sent
	p.current = max(minAdaptiveRate, base*decreaseFactor)
	p.lastDrop = now
	if p.adaptive == nil {
		p.adaptive = rate.NewLimiter(rate.Limit(p.current), 1)
	} else {
		p.adaptive.SetLimit(rate.Limit(p.current))
	}
}

// Accepted records an answer that was not a 429. While pacing, each one
// adds increasePerSecond/current, that is increasePerSecond per second of
// requests at the current rate, or slowStartGrowth × current per second
// while far below the refused rate.
func (p *Pacer) Accepted() {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	p.accepted = append(lastSecond(&p.accepted, now), now)
	if p.adaptive == nil {
		return
	}
	if p.current < p.refused/2 {
		p.current += slowStartGrowth
	} else {
		p.current += increasePerSecond / p.current
	}
	p.adaptive.SetLimit(rate.Limit(p.current))
}

// Rate is the adaptive send rate in requests per second, or 0 while the API
// has refused nothing for rate.
func (p *Pacer) Rate() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.adaptive == nil {
		return 0
	}
	return p.current
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
