package transport

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
)

// A nil Call, as a context without one gives, has made no attempts; a
// Call's retry ceiling leaves room for every refusal on top of the retries.
func TestCallCounts(t *testing.T) {
	t.Parallel()
	if got := CallFrom(context.Background()).Attempts(); got != 0 {
		t.Errorf("attempts of no call = %d, want 0", got)
	}
	c := NewCall(http.MethodGet, Policy{MaxRetries: 3}, NewPacer(0))
	if got := c.RetryMax(context.Background()); got != 3+maxRefusals {
		t.Errorf("RetryMax without a deadline = %d, want %d", got, 3+maxRefusals)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if got := c.RetryMax(ctx); got < 1000 {
		t.Errorf("RetryMax with a deadline = %d; want no bound short of the deadline", got)
	}
}

// With a deadline, a call retries 429s past maxRefusals: the deadline is
// the bound, and a key shared with other runs may refuse for a while and
// still accept in time. Without one, maxRefusals stops an API that refuses
// forever.
func TestCallRetriesRefusalsUntilItsDeadline(t *testing.T) {
	t.Parallel()
	refused := &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {"1"}}}
	count := func(ctx context.Context) int {
		c := NewCall(http.MethodPut, Policy{MaxRetries: 3}, NewPacer(0))
		for n := 0; n < 100; n++ {
			c.reported = true // the pacer is not under test
			if retry, _ := c.CheckRetry(ctx, refused, nil); !retry {
				return n
			}
		}
		return 100
	}
	if got := count(context.Background()); got != maxRefusals {
		t.Errorf("without a deadline, %d refusals retried; want %d", got, maxRefusals)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	if got := count(ctx); got != 100 {
		t.Errorf("with an hour left, only %d refusals retried; want every one", got)
	}
}

// Every attempt let through is counted; one whose wait for the pacer was
// cut short is not, and reports why.
func TestBeforeAttemptCountsWhatItLetsThrough(t *testing.T) {
	t.Parallel()
	req, err := http.NewRequest(http.MethodGet, "https://api.test/", nil)
	if err != nil {
		t.Fatal(err)
	}
	c := NewCall(http.MethodGet, Policy{}, NewPacer(0))
	for range 2 {
		if err := c.BeforeAttempt(req); err != nil {
			t.Fatal(err)
		}
	}
	if got := c.Attempts(); got != 2 {
		t.Errorf("attempts = %d, want 2", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	capped := NewCall(http.MethodGet, Policy{}, NewPacer(1))
	if err := capped.BeforeAttempt(req.WithContext(ctx)); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled wait: err = %v, want context.Canceled", err)
	}
	if got := capped.Attempts(); got != 0 {
		t.Errorf("attempts after a cancelled wait = %d, want 0", got)
	}
}
