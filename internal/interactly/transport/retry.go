package transport

import (
	"context"
	"errors"
	"math"
	"net"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

// maxRefusals bounds the retries of one call after 429s when the call has
// no deadline. They do not count against MaxRetries: a 429 promises that
// the request was not acted on, and the pacer slows the client down after
// one, so a call under a rate limit gets through instead of failing after a
// few unlucky refusals. A call with a deadline (every Terraform operation
// has one) retries 429s until its deadline, however many: on a key that
// other runs share, refusals may go on for a while and still end in
// success, and each retry waits for its Retry-After. The bound only stops
// an API that refuses forever a call that nothing else would stop.
const maxRefusals = 30

// retryableStatuses are the answers that say "try again later" from a server
// that did not act on the request: gateway and availability errors.
var retryableStatuses = map[int]bool{
	http.StatusBadGateway:         true,
	http.StatusServiceUnavailable: true,
	http.StatusGatewayTimeout:     true,
}

// CheckRetry is the retryablehttp.CheckRetry. It is asked after each attempt,
// and again with the error of reading the body when the answer was not
// retried on its status.
//
// Cancellation stops at once, returning the context's error. GET, PUT,
// PATCH and DELETE, which are safe to repeat, are retried on 429 (against its own
// budget), and on connection errors, bodies that broke off or stalled
// (BodyError), 502, 503 and 504 (against MaxRetries). Other answers are
// final, and so is a body that arrived whole but is not a valid answer:
// asking again would bring the same.
//
// This is the one place that decides when a request that is not safe to
// repeat (a POST: it creates something, a file or a knowledge base) is sent again: only
// when the API cannot have acted on it. That is a 429, which refuses the
// request unread, and a connection that was never made (the dial failed:
// connection refused, no route, a name that did not resolve), so that no
// byte of the request left. Anything else that may have reached the API (a
// 5xx, a timeout, an answer cut off, a connection that broke after it was
// made, a cancellation) ends the call: sending it again could create a
// second object, and only the caller can tell the user what may now exist.
//
// A retry whose wait would outlast ctx's deadline is not made: the call
// fails at once with a *WaitBeyondDeadlineError.
func (c *Call) CheckRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	// retryablehttp asks twice about an answer whose body it then read;
	// the pacer must hear of each attempt once, answered or not.
	if !c.reported {
		c.reported = true
		c.noteOutcome(resp, err)
		if resp != nil {
			if change := c.pacer.Answered(c.sentAt, resp); change != nil && c.observer != nil {
				c.observer.RateChanged(ctx, *change)
			}
		} else {
			c.pacer.Unanswered(c.sentAt)
		}
	}
	retry, err := c.checkRetry(ctx, resp, err)
	if !retry {
		return false, err
	}
	return c.planWait(ctx, resp)
}

func (c *Call) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		var bodyErr *BodyError
		switch {
		case errors.As(err, &bodyErr):
		case resp != nil:
			return false, err // the answer arrived whole and is not valid
		default:
			// retryablehttp knows which transport errors are permanent
			// (bad scheme, TLS verification, too many redirects).
			if retry, _ := retryablehttp.ErrorPropagatedRetryPolicy(ctx, nil, err); !retry {
				return false, err
			}
			if !c.idempotent && !neverSent(err) {
				return false, err
			}
			if !c.spendAttempt() {
				return false, err
			}
			return true, nil
		}
		if !c.spendFailure() {
			return false, err
		}
		return true, nil
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		return c.spendRefusal(ctx), nil
	}
	if retryableStatuses[resp.StatusCode] {
		return c.spendFailure(), nil
	}
	return false, nil
}

// spendFailure reports whether a failure other than a 429 may be retried,
// and counts it.
func (c *Call) spendFailure() bool {
	if !c.idempotent {
		return false
	}
	return c.spendAttempt()
}

// spendAttempt counts a failure against MaxRetries, for any method, and
// reports whether one more attempt is left.
func (c *Call) spendAttempt() bool {
	if c.failures >= c.policy.MaxRetries {
		return false
	}
	c.failures++
	return true
}

// spendRefusal reports whether a 429 may be retried, and counts it, for any
// method: the API did not act on the request. With MaxRetries 0 the user
// asked for no retries at all; with a deadline, the deadline bounds the
// retries (planWait), not their number.
func (c *Call) spendRefusal(ctx context.Context) bool {
	_, bounded := ctx.Deadline()
	if c.policy.MaxRetries == 0 || (!bounded && c.refusals >= maxRefusals) {
		return false
	}
	c.refusals++
	return true
}

// neverSent reports whether a transport error says the connection was never
// made, so that the API cannot have seen the request: the dial failed.
func neverSent(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// RetryMax is the retryablehttp.Client.RetryMax that lets CheckRetry, which
// keeps a budget per kind of failure, have the last word: a call with a
// deadline retries 429s until it.
func (c *Call) RetryMax(ctx context.Context) int {
	if _, bounded := ctx.Deadline(); bounded {
		return math.MaxInt32
	}
	return c.policy.MaxRetries + maxRefusals
}
