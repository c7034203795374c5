package interactly

import (
	"errors"
	"fmt"
	"sync/atomic"
	"time"
)

// FailureMemory is how long a Client remembers a failure that many calls
// share before it asks the API again: a failed listing of the team's numbers
// (every read of the provider process gets the same failure meanwhile), and
// the write breaker's pause after repeated server failures of updates. Long
// enough to cover one Terraform operation's burst of reads of the same
// listing (so a plan of N numbers costs one listing's attempts, not N), short
// enough that a provider process that lives on (a long apply) sees the API
// recover. A new Terraform command starts a new provider process, which
// remembers nothing.
const FailureMemory = 30 * time.Second

// SharedFailure is a failure that several calls of one Client report: the
// failed listing of the team's numbers (*ListingFailure) and writes refused
// by the breaker (*WritesSuspended). Every call that shares one failure gets
// the same pointer, so a caller can tell the calls apart by identity
// (errors.As into the concrete type, then compare pointers) and explain the
// failure once, in full, and in a line for the rest; FirstReport claims the
// full explanation.
type SharedFailure interface {
	error
	// FirstReport is true for exactly one call, the first to ask: the caller
	// that should print the whole explanation.
	FirstReport() bool
	// Until is when the Client will ask the API again.
	Until() time.Time
}

// AsSharedFailure finds a SharedFailure in err's chain.
func AsSharedFailure(err error) (SharedFailure, bool) {
	var shared SharedFailure
	ok := errors.As(err, &shared)
	return shared, ok
}

// reportOnce backs FirstReport.
type reportOnce struct{ claimed atomic.Bool }

func (r *reportOnce) FirstReport() bool { return r.claimed.CompareAndSwap(false, true) }

// ListingFailure is a failed listing of the team's numbers, handed to every
// read of the shared listing that waited for it and, for FailureMemory after
// it, to every read that would have listed again. It unwraps to the
// listing's own error (an *APIError or a *RequestError), so StatusCode and
// errors.Is see through it. A listing ended by its caller's own cancellation
// or deadline is not a ListingFailure: the next reader lists again. One
// given up because the wait the API asked for would pass that deadline is:
// the API said to wait, and asking again at once would not help.
type ListingFailure struct {
	reportOnce
	Err   error     // the listing's own error
	At    time.Time // when the listing failed
	until time.Time
}

func (f *ListingFailure) Error() string    { return "listing the team's numbers failed: " + f.Err.Error() }
func (f *ListingFailure) Unwrap() error    { return f.Err }
func (f *ListingFailure) Until() time.Time { return f.until }

// WritesSuspended is an update that was not sent because the write breaker
// is open: the updates before it failed with server errors several times in
// a row. The update never reached the API, so nothing was changed; it does
// not unwrap to the failures that opened the breaker (their status is not
// this call's). Every update refused during one pause gets the same pointer.
type WritesSuspended struct {
	reportOnce
	Failures int   // server failures in a row that opened the breaker
	Last     error // the last of them
	until    time.Time
}

func (w *WritesSuspended) Error() string {
	return fmt.Sprintf("update not sent: the last %d updates failed in a row with server errors (last: %v), so this provider "+
		"process sends no update until %s UTC rather than press an API that is failing", w.Failures, w.Last, w.until.UTC().Format(time.TimeOnly))
}

func (w *WritesSuspended) Until() time.Time { return w.until }
