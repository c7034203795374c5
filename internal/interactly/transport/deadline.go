package transport

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// WaitBeyondDeadlineError is a retry given up before its wait started: the
// wait before the next attempt (the server's Retry-After, or the backoff)
// would end after the deadline of the operation the call serves, so the
// call fails at once instead of sleeping until the deadline kills it.
type WaitBeyondDeadlineError struct {
	Status     int           // status of the answer that asked for the wait; 0 after a connection error
	Wait       time.Duration // the wait before the next attempt
	RetryAfter bool          // whether the server named the wait in Retry-After
	Left       time.Duration // time left before the deadline when the call gave up
	Deadline   time.Time
	// ForTurn is set when the wait was for the attempt's turn under the
	// pace (the user's cap, or the rate the API's 429s set); Wait is then
	// unknown, only that it is longer than Left.
	ForTurn bool
}

func (e *WaitBeyondDeadlineError) Error() string {
	if e.ForTurn {
		return fmt.Sprintf("the next attempt would wait for its turn under the request pace (max_requests_per_second, or the rate the API accepted "+
			"after refusing requests with 429) past the operation's deadline, %v away (%s UTC), so the provider gave up instead of waiting past it",
			e.Left.Round(time.Millisecond), e.Deadline.UTC().Format(time.TimeOnly))
	}
	what := "after a failed attempt"
	if e.Status != 0 {
		what = fmt.Sprintf("the API answered HTTP %d %s", e.Status, http.StatusText(e.Status))
	}
	source := "the retry backoff"
	if e.RetryAfter {
		source = "the API's Retry-After"
	}
	return fmt.Sprintf("%s; the next attempt would wait %v (%s), but the operation's deadline is %v away (%s UTC), so the provider gave up instead of waiting past it",
		what, e.Wait.Round(time.Millisecond), source, e.Left.Round(time.Millisecond), e.Deadline.UTC().Format(time.TimeOnly))
}

// planWait decides the wait before a retry that CheckRetry granted, and
// refuses the retry when that wait would outlast ctx's deadline. Backoff
// then returns the planned wait, so the jitter drawn here is the one slept.
func (c *Call) planWait(ctx context.Context, resp *http.Response) (bool, error) {
	wait := c.Backoff(c.policy.WaitMin, c.policy.WaitMax, 0, resp)
	c.planned = &wait
	deadline, ok := ctx.Deadline()
	if !ok || wait < time.Until(deadline) {
		c.waiting(ctx, wait, resp)
		return true, nil
	}
	left := time.Until(deadline)
	c.planned = nil
	beyond := &WaitBeyondDeadlineError{Wait: wait, Left: max(left, 0), Deadline: deadline}
	if resp != nil {
		beyond.Status = resp.StatusCode
		_, beyond.RetryAfter = RetryAfter(resp.Header.Get("Retry-After"), time.Now())
	}
	return false, beyond
}

// waiting tells the observer and the tally of a wait before a retry, as it
// starts: a long Retry-After is then in the log when it begins.
func (c *Call) waiting(ctx context.Context, wait time.Duration, resp *http.Response) {
	w := Wait{Reason: WaitBackoff, Length: wait}
	if resp != nil {
		if _, named := RetryAfter(resp.Header.Get("Retry-After"), time.Now()); named {
			w.Reason = WaitRetryAfter
		}
	}
	addWait(ctx, w)
	if c.observer != nil {
		c.observer.Waiting(ctx, w)
	}
}

// turnBeyondDeadline reports a pacer that refused to wait for an attempt's
// turn because the turn comes after ctx's deadline (rate.Limiter says so at
// once, in words of its own) as a *WaitBeyondDeadlineError; other errors,
// cancellation included, pass as they are.
func turnBeyondDeadline(ctx context.Context, err error) error {
	deadline, ok := ctx.Deadline()
	if !ok || ctx.Err() != nil {
		return err
	}
	return &WaitBeyondDeadlineError{ForTurn: true, Left: max(time.Until(deadline), 0), Deadline: deadline}
}
