package interactly

import (
	"context"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/interactly/retrypolicy"
)

// rateGate holds back every request of a client while the API has asked it
// to wait. A 429 with Retry-After is about the client, not one request: if
// only the refused request waited, the other requests in flight (Terraform
// runs ten at a time, pipelines often twenty) would keep hitting the limit
// and burn their retries. With the gate, a rate-limited client goes quiet
// until the API is ready, then resumes with its requests spread out.
type rateGate struct {
	spread time.Duration // released requests start within this much of each other

	mu    sync.Mutex
	until time.Time
}

func newRateGate(spread time.Duration) *rateGate { return &rateGate{spread: spread} }

// hold closes the gate for d from now (never shortening a longer hold).
func (g *rateGate) hold(d time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if until := time.Now().Add(d); until.After(g.until) {
		g.until = until
	}
}

// remaining is how long the gate stays closed, with a random part added when
// it is closed so that the requests it releases do not all start at once.
func (g *rateGate) remaining() time.Duration {
	g.mu.Lock()
	wait := time.Until(g.until)
	g.mu.Unlock()
	if wait <= 0 {
		return 0
	}
	if g.spread > 0 {
		wait += time.Duration(rand.Int64N(int64(g.spread)))
	}
	return wait
}

// wait blocks until the gate opens or ctx ends.
func (g *rateGate) wait(ctx context.Context) error {
	wait := g.remaining()
	if wait <= 0 {
		return nil
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// gateTransport closes the gate when the API answers 429, for as long as its
// Retry-After says (or fallback when it says nothing usable).
type gateTransport struct {
	next     http.RoundTripper
	gate     *rateGate
	fallback time.Duration
}

func (t *gateTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err == nil && resp.StatusCode == http.StatusTooManyRequests {
		wait, ok := retrypolicy.RetryAfter(resp.Header.Get("Retry-After"), time.Now())
		if !ok {
			wait = t.fallback
		}
		t.gate.hold(wait)
	}
	return resp, err
}
