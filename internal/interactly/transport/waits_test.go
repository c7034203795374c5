package transport

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// A tally adds up the waits of its operation by reason, longest first (ties
// by name), leaves out waits of no length, and counts a write the breaker
// failed, which has none; a context without a tally takes nothing.
func TestWaitTallyAddsUpByReasonLongestFirst(t *testing.T) {
	t.Parallel()
	addWait(context.Background(), Wait{Reason: WaitPacing, Length: time.Second}) // no tally: nothing happens
	AddBreaker(context.Background())

	ctx, tally := WithWaitTally(context.Background())
	if waits := tally.Waits(); waits != nil {
		t.Errorf("a fresh tally holds %v; want nothing", waits)
	}
	addWait(ctx, Wait{Reason: WaitPacing, Length: 300 * time.Millisecond})
	addWait(ctx, Wait{Reason: WaitRetryAfter, Length: time.Second})
	addWait(ctx, Wait{Reason: WaitPacing, Length: 900 * time.Millisecond})
	addWait(ctx, Wait{Reason: WaitCap, Length: 0})
	addWait(ctx, Wait{Reason: WaitBackoff, Length: time.Second})
	AddBreaker(ctx)
	want := []Wait{
		{Reason: WaitPacing, Length: 1200 * time.Millisecond},
		{Reason: WaitRetryAfter, Length: time.Second},
		{Reason: WaitBackoff, Length: time.Second},
		{Reason: WaitBreaker, Length: 0},
	}
	// Ties go by name: "Retry-After" sorts before "backoff".
	if got := tally.Waits(); !reflect.DeepEqual(got, want) {
		t.Errorf("tally %v; want %v", got, want)
	}
}
