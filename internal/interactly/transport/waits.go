package transport

import (
	"context"
	"sort"
	"sync"
	"time"
)

// WaitReason names what held an attempt back, in the words the logs use.
type WaitReason string

const (
	// WaitRetryAfter: the API's Retry-After, after a 429 or a 503.
	WaitRetryAfter WaitReason = "Retry-After"
	// WaitBackoff: the exponential backoff after a failure that named no
	// wait.
	WaitBackoff WaitReason = "backoff"
	// WaitPacing: the pace learned from the API's 429s, for an API that
	// announces no budget.
	WaitPacing WaitReason = "pacing"
	// WaitBudget: what the API announced in rate-limit headers (its budget
	// spent until the reset, its window full, its pace, or this process's
	// share of it while other processes spend the same key).
	WaitBudget WaitReason = "rate-limit headers"
	// WaitCap: max_requests_per_second.
	WaitCap WaitReason = "max_requests_per_second"
	// WaitFirstAnswer: the process's first attempt, whose answer tells
	// the API's limit, still on its way.
	WaitFirstAnswer WaitReason = "first answer"
	// WaitBreaker: the write breaker, open after writes failed in a row.
	// It fails writes at once rather than holding them; the logs name it
	// among the waits all the same, as what stopped the operation.
	WaitBreaker WaitReason = "write breaker"
)

// Wait is one wait of an attempt: why, and how long.
type Wait struct {
	Reason WaitReason
	Length time.Duration
}

// Observer is told of what a Call does that a log should show. The
// client's logging implements it; its methods must not block.
type Observer interface {
	// Waiting is told of a wait before a retry, before it starts.
	Waiting(ctx context.Context, w Wait)
	// Waited is told of a wait for the attempt's turn, once it is over.
	Waited(ctx context.Context, w Wait)
	// RateChanged is told when the pace the process holds to moved by a
	// tenth or more: its rate in requests per second before and after
	// (0 for none), and whether other processes are seen spending the key.
	RateChanged(ctx context.Context, change RateChange)
}

// RateChange is a move of the pace a Pacer holds to.
type RateChange struct {
	From, To float64 // requests per second; 0 for no pace
	Shared   bool    // whether other processes were seen spending the key
}

// WaitTally adds up the waits of every call made with a context that
// carries it: those of one Terraform operation, for the line that sums it
// up. Safe for concurrent use.
type WaitTally struct {
	mu       sync.Mutex
	byReason map[WaitReason]time.Duration
}

type tallyKey struct{}

// WithWaitTally returns ctx carrying a new WaitTally, and the tally.
func WithWaitTally(ctx context.Context) (context.Context, *WaitTally) {
	t := &WaitTally{byReason: make(map[WaitReason]time.Duration)}
	return context.WithValue(ctx, tallyKey{}, t), t
}

// addWait adds w to the tally ctx carries, if any.
func addWait(ctx context.Context, w Wait) {
	t, _ := ctx.Value(tallyKey{}).(*WaitTally)
	if t == nil || w.Length <= 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.byReason[w.Reason] += w.Length
}

// AddBreaker counts a write the breaker failed at once, without a length.
func AddBreaker(ctx context.Context) {
	t, _ := ctx.Value(tallyKey{}).(*WaitTally)
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.byReason[WaitBreaker] += 0
}

// Waits returns the waits added up by reason, longest first; nil when
// nothing waited.
func (t *WaitTally) Waits() []Wait {
	t.mu.Lock()
	defer t.mu.Unlock()
	var waits []Wait
	for reason, length := range t.byReason {
		waits = append(waits, Wait{Reason: reason, Length: length})
	}
	sort.Slice(waits, func(i, j int) bool {
		if waits[i].Length != waits[j].Length {
			return waits[i].Length > waits[j].Length
		}
		return waits[i].Reason < waits[j].Reason
	})
	return waits
}
