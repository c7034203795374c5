package transport

import (
	"context"
	"errors"
	"net/http"
	"testing"
)

// A nil Call, as a context without one gives, has made no attempts; a
// Call's retry ceiling leaves room for every refusal on top of the retries.
func TestCallCounts(t *testing.T) {
	t.Parallel()
	if got := CallFrom(context.Background()).Attempts(); got != 0 {
		t.Errorf("attempts of no call = %d, want 0", got)
	}
	c := NewCall(http.MethodGet, Policy{MaxRetries: 3}, NewPacer(0))
	if got := c.RetryMax(); got != 3+maxRefusals {
		t.Errorf("RetryMax = %d, want %d", got, 3+maxRefusals)
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
