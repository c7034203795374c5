package interactly

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
)

// Unreachable is a call that never reached the API: every attempt failed to
// connect (the connection was refused, the name did not resolve), most often
// a wrong base_url. The Client remembers it for FailureMemory and fails
// every call meanwhile at once with the same value, without a request: each
// call would otherwise spend its own retries, and the wait between them, on
// an address that does not answer. It unwraps to the call's *RequestError.
type Unreachable struct {
	reportOnce
	Err   error // the *RequestError of the call that failed to connect
	until time.Time
}

func (u *Unreachable) Error() string {
	return u.Err.Error() + "; no request reached the API, and this provider process sends none until " +
		u.until.UTC().Format(time.TimeOnly) + " UTC rather than retry an address that does not answer"
}

func (u *Unreachable) Unwrap() error    { return u.Err }
func (u *Unreachable) Until() time.Time { return u.until }

// reachability is the Client's memory of an address that did not answer.
type reachability struct {
	mu   sync.Mutex
	down *Unreachable // non-nil while remembered
}

// unreachableNow is the failure to hand a call instead of sending it, nil
// when the call may go.
func (c *Client) unreachableNow() *Unreachable {
	c.reach.mu.Lock()
	defer c.reach.mu.Unlock()
	if d := c.reach.down; d != nil && c.now().Before(d.until) {
		return d
	}
	c.reach.down = nil
	return nil
}

// noteReach records how a call went: a call that never connected (and was
// not ended by its caller) is remembered and returned as an *Unreachable;
// any call that connected clears the memory.
func (c *Client) noteReach(ctx context.Context, call *transport.Call, err error) error {
	c.reach.mu.Lock()
	defer c.reach.mu.Unlock()
	var requestErr *RequestError
	if call.Connected() || !errors.As(err, &requestErr) || call.Attempts() == 0 || ctx.Err() != nil {
		if call.Connected() {
			c.reach.down = nil
		}
		return err
	}
	if d := c.reach.down; d != nil && c.now().Before(d.until) {
		return d // another call found it first: one failure, one value
	}
	c.reach.down = &Unreachable{Err: err, until: c.now().Add(FailureMemory)}
	return c.reach.down
}
