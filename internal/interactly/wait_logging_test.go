package interactly_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
)

// withLogger has the client log to logger.
func withLogger(logger interactly.Logger) func(*interactly.Config) {
	return func(c *interactly.Config) { c.Logger = logger }
}

// A Retry-After is logged as its wait begins, with its reason and length,
// and the tally of the operation adds it up.
func TestRetryAfterWaitIsLoggedAsItStarts(t *testing.T) {
	t.Parallel()
	logger := &interactly.RecordingLogger{}
	emu, client := startEmulator(t, withLogger(logger))
	emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "1", Times: 1})
	ctx, tally := transport.WithWaitTally(context.Background())
	if _, err := client.ListNumbers(ctx, ""); err != nil {
		t.Fatal(err)
	}
	f := logger.Find(t, "API call waiting before a retry")
	if f["wait_reason"] != "Retry-After" || f["wait_ms"] != int64(1000) || f["http_method"] != "GET" {
		t.Errorf("the wait was logged as %v; want Retry-After, 1000 ms, on the GET", f)
	}
	waits := tally.Waits()
	if len(waits) == 0 || waits[0].Reason != transport.WaitRetryAfter || waits[0].Length != time.Second {
		t.Errorf("the operation's tally is %v; want the Retry-After of 1 s first", waits)
	}
}

// A wait for the user's cap is logged once over, with its reason.
func TestCapWaitIsLogged(t *testing.T) {
	t.Parallel()
	logger := &interactly.RecordingLogger{}
	_, client := startEmulator(t, withLogger(logger), func(c *interactly.Config) { c.MaxRequestsPerSecond = 4 })
	for range 2 {
		if _, err := client.ListNumbers(context.Background(), ""); err != nil {
			t.Fatal(err)
		}
	}
	f := logger.Find(t, "API call waited for its turn")
	if f["wait_reason"] != "max_requests_per_second" {
		t.Errorf("the wait was logged as %v; want the cap", f)
	}
	if ms, _ := f["wait_ms"].(int64); ms < 100 {
		t.Errorf("the wait under a cap of 4 a second was logged as %d ms; want about 250", ms)
	}
}

// A change of the pace, here the drop after a 429, is logged with the
// rates before and after.
func TestPaceChangeIsLogged(t *testing.T) {
	t.Parallel()
	logger := &interactly.RecordingLogger{}
	emu, client := startEmulator(t, withLogger(logger))
	emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "0", Times: 1})
	if _, err := client.ListNumbers(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	f := logger.Find(t, "API request pace changed")
	if to, _ := f["pace_to_per_second"].(float64); to <= 0 || f["pace_from_per_second"] != 0.0 {
		t.Errorf("the pace change was logged as %v; want from none to a rate", f)
	}
}

// A call that gives up after retrying logs so, whatever its caller does
// with the error.
func TestGiveUpIsLogged(t *testing.T) {
	t.Parallel()
	logger := &interactly.RecordingLogger{}
	emu, client := startEmulator(t, withLogger(logger), func(c *interactly.Config) { c.MaxRetries = 1 })
	emu.AddFault(emulator.Fault{Method: "GET", Status: 503})
	if _, err := client.ListNumbers(context.Background(), ""); err == nil {
		t.Fatal("the listing succeeded against an API that answers 503")
	}
	f := logger.Find(t, "API call gave up")
	if f["attempts"] != 2 || f["http_method"] != "GET" {
		t.Errorf("the give-up was logged as %v; want 2 attempts of the GET", f)
	}
}

// The rate a 429's error offers for advice is one the API accepted: none
// when it accepted nothing, the pace once it accepted requests lately.
func TestRefusalNamesARateOnlyWhenOneWasObserved(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t, func(c *interactly.Config) { c.MaxRetries = 0 })
	emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "0", Times: 1})
	_, err := client.ListNumbers(context.Background(), "")
	var apiErr *interactly.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 429 {
		t.Fatalf("want a 429, got %v", err)
	}
	if apiErr.PacedRate != 0 {
		t.Errorf("after 429s alone the error offers %v requests a second as the rate the API accepted; want none", apiErr.PacedRate)
	}
	if _, err := client.ListNumbers(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "0", Times: 1})
	_, err = client.ListNumbers(context.Background(), "")
	if !errors.As(err, &apiErr) || apiErr.PacedRate <= 0 {
		t.Errorf("after an accepted request and a 429, the error offers rate %v; want the pace", apiErr.PacedRate)
	}
}
