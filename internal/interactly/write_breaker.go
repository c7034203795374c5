package interactly

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
)

// breakerThreshold is how many writes in a row must fail with a server
// failure before the breaker opens. One or two can be bad luck that retries
// already absorb; three whole calls failing, each after all its retries,
// means the API is not accepting writes, and every further write would cost
// the API max_retries+1 more requests for nothing.
const breakerThreshold = 3

// writeBreaker is a circuit breaker for the writes of one Client. Closed, it
// lets every write through and counts the server failures in a row (5xx
// after its retries, connection errors, answers that broke off); any other
// outcome, a success or an API refusal such as a 400 or 404, resets the
// count, since the API answered sensibly. After breakerThreshold failures in
// a row it opens: writes fail at once with a *WritesSuspended, without a
// request, for FailureMemory. Then the next write goes through as a probe
// (the others keep failing fast while it runs): its success closes the
// breaker, its server failure opens it for another FailureMemory. A write
// that its own caller cancelled or that ran out of its operation's time
// says nothing about the API and changes nothing.
type writeBreaker struct {
	mu       sync.Mutex
	failures int              // server failures in a row
	open     *WritesSuspended // non-nil while open
	probing  bool             // whether a probe is under way
}

// write runs send under the breaker.
func (c *Client) write(ctx context.Context, send func() error) error {
	probe, refused := c.writes.admit(c.now())
	if refused != nil {
		transport.AddBreaker(ctx)
		c.logger.Debug(ctx, "API write held back by the write breaker", map[string]any{
			"wait_reason":      string(transport.WaitBreaker),
			"failures":         refused.Failures,
			"suspended_for_ms": time.Until(refused.until).Milliseconds(),
		})
		return refused
	}
	err := send()
	c.writes.record(ctx, err, probe, c.now())
	return err
}

// admit reports whether a write may be sent, and whether it is the probe;
// refused is the breaker's error when it may not.
func (b *writeBreaker) admit(now time.Time) (probe bool, refused *WritesSuspended) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case b.open == nil:
		return false, nil
	case b.probing || now.Before(b.open.until):
		return false, b.open
	default:
		b.probing = true
		return true, nil
	}
}

// record counts the outcome of a write that admit let through.
func (b *writeBreaker) record(ctx context.Context, err error, probe bool, now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if probe {
		b.probing = false
	}
	switch {
	case ctx.Err() != nil || isOwnDeadline(err):
		// Our own cancellation or deadline: no news about the API.
	case !isServerFailure(err):
		b.failures, b.open = 0, nil
	default:
		b.failures++
		if probe || (b.open == nil && b.failures >= breakerThreshold) {
			b.open = &WritesSuspended{Failures: b.failures, Last: err, until: now.Add(FailureMemory)}
		}
	}
}

// isServerFailure reports whether err says the API is failing: an answer
// with a 5xx status, or no usable answer at all. A 4xx is the API refusing
// this request, not failing.
func isServerFailure(err error) bool {
	if err == nil {
		return false
	}
	if status := StatusCode(err); status != 0 {
		return status >= http.StatusInternalServerError
	}
	var requestErr *RequestError
	return errors.As(err, &requestErr)
}

// isOwnDeadline reports whether a call stopped because the wait the API
// asked for would have run past the caller's deadline.
func isOwnDeadline(err error) bool {
	var beyond *transport.WaitBeyondDeadlineError
	return errors.As(err, &beyond)
}
