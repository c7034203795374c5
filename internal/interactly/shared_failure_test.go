package interactly_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

const updateRoute = "PUT /assistants/v1/numbers/{id}"

// fakeClock is a clock the test moves by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// A listing that always fails costs one call's attempts however many readers
// ask, at once or afterwards, until FailureMemory has passed; every reader
// gets the same failure, which one of them may claim to explain in full.
func TestFailedListingIsSharedAndRemembered(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	emu, client := startEmulator(t, func(c *interactly.Config) { c.MaxRetries = 2; c.Now = clock.Now })
	emu.AddFault(emulator.Fault{Method: "GET", Status: 503})

	const readers = 40
	errs := make([]error, readers, readers+1)
	var wg sync.WaitGroup
	for i := range readers {
		wg.Add(1)
		go func() { defer wg.Done(); _, _, errs[i] = client.CachedNumber(context.Background(), "num-1") }()
	}
	wg.Wait()
	clock.Advance(FailureMemoryAlmost())
	_, _, later := client.CachedNumber(context.Background(), "num-2")
	errs = append(errs[:readers], later)

	if got := emu.Counts()[listRoute]; got != 3 {
		t.Errorf("list requests = %d for %d reads under a failing listing, want 3 (one call: max_retries 2 + 1)", got, readers+1)
	}
	var first *interactly.ListingFailure
	if !errors.As(errs[0], &first) {
		t.Fatalf("err = %v (%T), want a *ListingFailure", errs[0], errs[0])
	}
	claims := 0
	for i, err := range errs {
		var failure *interactly.ListingFailure
		if !errors.As(err, &failure) || failure != first {
			t.Errorf("reader %d got %v, not the same shared failure", i, err)
		}
		if interactly.StatusCode(err) != 503 {
			t.Errorf("reader %d: StatusCode = %d, want the listing's 503 through the wrapper", i, interactly.StatusCode(err))
		}
		if shared, ok := interactly.AsSharedFailure(err); ok && shared.FirstReport() {
			claims++
		}
	}
	if claims != 1 {
		t.Errorf("FirstReport was true for %d readers, want exactly 1", claims)
	}
	if want := first.At.Add(interactly.FailureMemory); !first.Until().Equal(want) {
		t.Errorf("Until = %v, want %v", first.Until(), want)
	}

	// Once the memory has passed, the API is asked again, and a healthy
	// API ends the failure.
	emu.ClearFaults()
	clock.Advance(time.Second)
	if _, found, err := client.CachedNumber(context.Background(), "num-1"); err != nil || !found {
		t.Fatalf("read after FailureMemory = %v, %v; want a fresh listing", found, err)
	}
	if got := emu.Counts()[listRoute]; got != 4 {
		t.Errorf("list requests = %d after the memory passed, want 4", got)
	}
}

// FailureMemoryAlmost is a moment short of FailureMemory.
func FailureMemoryAlmost() time.Duration { return interactly.FailureMemory - time.Second }

// Three updates in a row that fail with server errors open the breaker:
// later updates fail at once without a request, with one shared error that
// says nothing was sent; after FailureMemory one update probes the API.
func TestWriteBreakerOpensAfterServerFailuresAndProbes(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	emu, client := startEmulator(t, func(c *interactly.Config) { c.MaxRetries = 1; c.Now = clock.Now })
	emu.AddFault(emulator.Fault{Method: "PUT", Status: 503})
	ctx := context.Background()
	on := true
	update := func() error {
		_, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{InboundEnabled: &on})
		return err
	}

	for i := range 3 {
		if err := update(); interactly.StatusCode(err) != 503 {
			t.Fatalf("update %d: err = %v, want the API's 503", i, err)
		}
	}
	if got := emu.Counts()[updateRoute]; got != 6 {
		t.Fatalf("PUTs = %d after 3 failed updates, want 6", got)
	}
	var suspended *interactly.WritesSuspended
	for i := range 5 {
		err := update()
		var s *interactly.WritesSuspended
		if !errors.As(err, &s) {
			t.Fatalf("update %d with the breaker open: err = %v, want *WritesSuspended", i, err)
		}
		if suspended != nil && s != suspended {
			t.Errorf("update %d got another *WritesSuspended than the first: want one shared failure", i)
		}
		suspended = s
		if interactly.StatusCode(err) != 0 {
			t.Errorf("a write that was not sent reports status %d", interactly.StatusCode(err))
		}
	}
	if got := emu.Counts()[updateRoute]; got != 6 {
		t.Errorf("PUTs = %d with the breaker open, want still 6", got)
	}
	if msg := suspended.Error(); !strings.Contains(msg, "not sent") || !strings.Contains(msg, "503") {
		t.Errorf("breaker error %q should say the update was not sent and why", msg)
	}

	// After the pause, one probe; it fails, so the breaker opens again.
	clock.Advance(interactly.FailureMemory)
	if err := update(); interactly.StatusCode(err) != 503 {
		t.Fatalf("probe: err = %v, want the API's 503", err)
	}
	if err := update(); !errors.As(err, new(*interactly.WritesSuspended)) {
		t.Fatalf("after a failed probe: err = %v, want the breaker open again", err)
	}
	if got := emu.Counts()[updateRoute]; got != 8 {
		t.Errorf("PUTs = %d after one failed probe, want 8", got)
	}

	// A probe that succeeds closes it.
	emu.ClearFaults()
	clock.Advance(interactly.FailureMemory)
	for i := range 3 {
		if err := update(); err != nil {
			t.Fatalf("update %d after recovery: %v", i, err)
		}
	}
}

// A 4xx is the API answering, not failing: it resets the count.
func TestWriteBreakerIgnoresClientErrors(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t, func(c *interactly.Config) { c.MaxRetries = 0 })
	ctx := context.Background()
	on, unknown := true, "asst-unknown"
	emu.AddFault(emulator.Fault{Method: "PUT", Status: 503, Times: 2})
	for range 2 {
		if _, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{InboundEnabled: &on}); interactly.StatusCode(err) != 503 {
			t.Fatalf("err = %v, want 503", err)
		}
	}
	if _, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{AssistantID: &unknown}); interactly.StatusCode(err) != 400 {
		t.Fatalf("err = %v, want the API's 400", err)
	}
	emu.AddFault(emulator.Fault{Method: "PUT", Status: 503, Times: 2})
	for range 2 {
		if _, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{InboundEnabled: &on}); interactly.StatusCode(err) != 503 {
			t.Fatalf("err = %v, want 503 (the 400 reset the count, so the breaker is closed)", err)
		}
	}
	if _, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{InboundEnabled: &on}); err != nil {
		t.Errorf("update after 2 failures since a 400: %v; want it sent and accepted", err)
	}
}

// A write its caller cancelled says nothing about the API.
func TestWriteBreakerIgnoresCancellation(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t, func(c *interactly.Config) { c.MaxRetries = 0 })
	emu.AddFault(emulator.Fault{Method: "PUT", Hang: true})
	on := true
	for range 5 {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		_, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{InboundEnabled: &on})
		cancel()
		if err == nil {
			t.Fatal("a hanging update succeeded")
		}
	}
	// However many of the five reached the API before their deadline, the
	// API answers again now.
	emu.ClearFaults()
	if _, err := client.UpdateNumber(context.Background(), "num-1", interactly.UpdateNumberRequest{InboundEnabled: &on}); err != nil {
		t.Errorf("update after 5 cancelled ones: %v; want it sent", err)
	}
}

// A 500 is the API failing, like a 503, though it is not retried: three in a
// row open the breaker.
func TestWriteBreakerCountsA500AsAServerFailure(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t, func(c *interactly.Config) { c.MaxRetries = 0 })
	emu.AddFault(emulator.Fault{Method: "PUT", Status: 500})
	on := true
	for i := range 3 {
		if _, err := client.UpdateNumber(context.Background(), "num-1", interactly.UpdateNumberRequest{InboundEnabled: &on}); interactly.StatusCode(err) != 500 {
			t.Fatalf("update %d: err = %v, want the API's 500", i, err)
		}
	}
	_, err := client.UpdateNumber(context.Background(), "num-1", interactly.UpdateNumberRequest{InboundEnabled: &on})
	if !errors.As(err, new(*interactly.WritesSuspended)) {
		t.Errorf("after three 500s: err = %v, want the breaker open", err)
	}
	if got := emu.Counts()[updateRoute]; got != 3 {
		t.Errorf("PUTs = %d, want 3: a 500 is not retried and the fourth is held back", got)
	}
}
