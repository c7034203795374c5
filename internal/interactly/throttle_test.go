package interactly_test

import (
	"context"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// After a 429 with Retry-After, the whole client waits: a request started
// meanwhile does not reach the API until the announced time has passed.
func TestRateLimitHoldsBackTheWholeClient(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t, func(c *interactly.Config) { c.RetryWaitMin = 10 * time.Millisecond })
	emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "2", Times: 1})
	ctx := context.Background()

	first := make(chan error, 1)
	go func() { _, err := client.ListNumbers(ctx, ""); first <- err }()
	waitFor(t, func() bool { return emu.Counts()[listRoute] == 1 }) // the 429 is in

	none := ""
	second := make(chan error, 1)
	go func() {
		_, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{AssistantID: &none})
		second <- err
	}()
	time.Sleep(500 * time.Millisecond) // well inside the 2 s the API asked for
	if got := emu.Counts()["PUT /assistants/v1/numbers/{id}"]; got != 0 {
		t.Errorf("%d PUTs reached the API while it had asked to wait", got)
	}
	if err := <-first; err != nil {
		t.Fatalf("the rate-limited request failed: %v", err)
	}
	if err := <-second; err != nil {
		t.Fatalf("the held-back request failed: %v", err)
	}
	if got := emu.Counts()[listRoute]; got != 2 {
		t.Errorf("list requests = %d, want 2 (the 429 and one retry)", got)
	}
}

// The gate wait honours cancellation like every other wait.
func TestRateLimitWaitIsCancellable(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t)
	emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "120", Times: 1})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { _, _ = client.ListNumbers(ctx, "") }()
	waitFor(t, func() bool { return emu.Counts()[listRoute] == 1 })

	second, cancelSecond := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancelSecond()
	start := time.Now()
	_, err := client.ListNumbers(second, "")
	cancel()
	if err == nil || time.Since(start) > 20*time.Second {
		t.Errorf("a request held back by the rate limit returned %v after %v; want its context's error promptly", err, time.Since(start))
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 10 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
