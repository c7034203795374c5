package transport

import (
	"context"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Policy is what a client sets once for all its calls.
type Policy struct {
	// MaxRetries is how many times a call is retried after failures other
	// than 429: connection errors, bodies that break off, 502, 503, 504.
	MaxRetries int
	// RequestTimeout is each attempt's time limit, named in body errors.
	RequestTimeout time.Duration
	// WaitMin and WaitMax bound the exponential backoff.
	WaitMin, WaitMax time.Duration
	// Backoff computes the waits; nil means the package's Backoff.
	Backoff retryablehttp.Backoff
}

// Call is one API call across its attempts: it paces them, counts them and
// decides whether to try again. Its methods are go-retryablehttp's hooks; a
// Call serves one request and is then dropped.
type Call struct {
	policy     Policy
	pacer      *Pacer
	idempotent bool
	observer   Observer // nil for none

	attempts atomic.Int64
	// Only retryablehttp's loop touches these, one hook at a time.
	failures int            // failed attempts other than 429, against MaxRetries
	refusals int            // 429s, against maxRefusals
	sentAt   time.Time      // when the latest attempt was let through
	reported bool           // whether the pacer heard how the latest attempt was answered
	planned  *time.Duration // the wait CheckRetry planned for the next retry, if any
	// What the attempts did at the API, see outcome.go.
	connected    bool
	mayHaveActed bool
	rateRefusals int
}

// NewCall starts the bookkeeping of one request with this method.
func NewCall(method string, policy Policy, pacer *Pacer) *Call {
	if policy.Backoff == nil {
		policy.Backoff = Backoff
	}
	// The API's PUT and PATCH bodies hold absolute values, never increments,
	// so sending one twice leaves the object as sending it once does; a
	// DELETE sent twice leaves it as gone as once. A POST creates.
	idempotent := method == http.MethodGet || method == http.MethodPut || method == http.MethodPatch ||
		method == http.MethodDelete
	return &Call{policy: policy, pacer: pacer, idempotent: idempotent}
}

// Attempts is how many attempts have been let through so far.
func (c *Call) Attempts() int {
	if c == nil {
		return 0
	}
	return int(c.attempts.Load())
}

// Observe has o told of the call's waits and of the pace's changes its
// answers make. Call it before the first attempt.
func (c *Call) Observe(o Observer) { c.observer = o }

// BeforeAttempt waits for the pacer and counts the attempt. Call it before
// the first attempt; as retryablehttp's PrepareRetry it runs before every
// other one, after the backoff and outside the attempt's time limit.
func (c *Call) BeforeAttempt(req *http.Request) error {
	ctx := req.Context()
	sentAt, waits, err := c.pacer.WaitTurn(ctx)
	for _, w := range waits {
		addWait(ctx, w)
		if c.observer != nil {
			c.observer.Waited(ctx, w)
		}
	}
	if err != nil {
		return turnBeyondDeadline(ctx, err)
	}
	c.sentAt = sentAt
	c.reported = false
	c.attempts.Add(1)
	return nil
}

// Backoff is the retryablehttp.Backoff: a Retry-After wins; otherwise an
// exponential wait over this call's failures, or over its refusals after a
// 429 that named no time.
func (c *Call) Backoff(minWait, maxWait time.Duration, _ int, resp *http.Response) time.Duration {
	if planned := c.planned; planned != nil {
		c.planned = nil
		return *planned
	}
	n := c.failures - 1
	if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
		n = c.refusals - 1
	}
	return c.policy.Backoff(minWait, maxWait, max(n, 0), resp)
}

type callKey struct{}

// WithCall returns ctx carrying c, for observers such as the client's
// logging, which reports each attempt's number.
func WithCall(ctx context.Context, c *Call) context.Context {
	return context.WithValue(ctx, callKey{}, c)
}

// CallFrom returns the Call ctx carries, or nil.
func CallFrom(ctx context.Context) *Call {
	c, _ := ctx.Value(callKey{}).(*Call)
	return c
}
