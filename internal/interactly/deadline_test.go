package interactly_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
)

// A Retry-After longer than the time left before the caller's deadline
// ends the call at once, after one request, with an error that names the
// wait and the deadline; the call does not sleep until the deadline.
func TestRetryAfterBeyondTheDeadlineFailsAtOnce(t *testing.T) {
	t.Parallel()
	for _, method := range []string{"GET", "PUT"} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			emu, client := startEmulator(t)
			emu.AddFault(emulator.Fault{Method: method, Status: 429, RetryAfter: "300"})
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			var err error
			if method == "GET" {
				_, err = client.ListNumbers(ctx, "")
			} else {
				on := true
				_, err = client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{InboundEnabled: &on})
			}
			var beyond *transport.WaitBeyondDeadlineError
			if !errors.As(err, &beyond) {
				t.Fatalf("err = %v, want a *WaitBeyondDeadlineError", err)
			}
			if beyond.Wait != 300*time.Second || !beyond.RetryAfter || beyond.Status != 429 {
				t.Errorf("error = %+v; want the 300s Retry-After of a 429", beyond)
			}
			for _, part := range []string{"HTTP 429", "5m0s", "Retry-After", "deadline"} {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("error %q does not name %q", err, part)
				}
			}
			if got := emu.Counts()[method+" "+map[string]string{"GET": "/assistants/v1/numbers", "PUT": "/assistants/v1/numbers/{id}"}[method]]; got != 1 {
				t.Errorf("requests = %d, want 1: no retry that would wait past the deadline", got)
			}
		})
	}
}

// The backoff between retries is bounded the same way.
func TestBackoffBeyondTheDeadlineFailsAtOnce(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t, func(c *interactly.Config) {
		c.RetryWaitMin, c.RetryWaitMax = time.Hour, time.Hour
	})
	emu.AddFault(emulator.Fault{Method: "GET", Status: 503})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := client.ListNumbers(ctx, "")
	var beyond *transport.WaitBeyondDeadlineError
	if !errors.As(err, &beyond) || beyond.RetryAfter || beyond.Status != 503 {
		t.Fatalf("err = %v, want a *WaitBeyondDeadlineError for the backoff after a 503", err)
	}
	if got := emu.Counts()[listRoute]; got != 1 {
		t.Errorf("requests = %d, want 1", got)
	}
}

// Without a deadline, or with time enough, the wait is made as before.
func TestRetryAfterWithinTheDeadlineIsWaited(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t)
	emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "1", Times: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := client.ListNumbers(ctx, ""); err != nil {
		t.Fatalf("err = %v; want the retry after 1s to succeed", err)
	}
	if got := emu.Counts()[listRoute]; got != 2 {
		t.Errorf("requests = %d, want 2", got)
	}
}

// The wait for an attempt's turn under a cap is bounded the same way: with
// one request a second and half a second left, the second request fails at
// once, unsent, saying it would have waited for its turn past the deadline.
func TestTurnBeyondTheDeadlineFailsAtOnce(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t, func(c *interactly.Config) { c.MaxRequestsPerSecond = 1 })
	if _, err := client.ListNumbers(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	_, err := client.ListNumbers(ctx, "")
	var beyond *transport.WaitBeyondDeadlineError
	if !errors.As(err, &beyond) || !beyond.ForTurn {
		t.Fatalf("err = %v, want a *WaitBeyondDeadlineError for the turn", err)
	}
	if !strings.Contains(err.Error(), "max_requests_per_second") || !strings.Contains(err.Error(), "deadline") {
		t.Errorf("error %q should name the pace and the deadline", err)
	}
	if got := emu.Counts()[listRoute]; got != 1 {
		t.Errorf("requests = %d, want 1", got)
	}
}
