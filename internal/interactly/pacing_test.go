package interactly_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport/transporttest"
)

// A 429 never costs a call: refusals do not spend max_retries.
func TestRateLimitRefusalsDoNotSpendRetries(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t, func(c *interactly.Config) { c.MaxRetries = 1 })
	emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "0", Times: 3})
	if _, err := client.ListNumbers(context.Background(), ""); err != nil {
		t.Fatalf("ListNumbers after three 429s with max_retries 1: %v", err)
	}
	if got := emu.Counts()[listRoute]; got != 4 {
		t.Errorf("requests = %d, want 4", got)
	}
}

// With a cap of 20 requests a second against an API that allows 25, no
// request is refused.
func TestRequestCap(t *testing.T) {
	t.Parallel()
	const limit, apiLimit, n = 20, 25, 50
	emu := emulator.New(emulator.Options{APIKey: testKey, Seed: seed(), RateLimit: apiLimit})
	var mu sync.Mutex
	var starts []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		emu.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testKey, MaxRequestsPerSecond: limit})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			on := i%2 == 0
			if _, err := client.UpdateNumber(context.Background(), "num-1", interactly.UpdateNumberRequest{InboundEnabled: &on}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := emu.StatusCounts(); got[http.StatusTooManyRequests] != 0 || got[http.StatusOK] != n {
		t.Errorf("answers by status %v; want %d 200s and no 429", got, n)
	}
	mu.Lock()
	defer mu.Unlock()
	// The pacer spaces its starts at the cap (its own test, on a fake
	// clock, checks that exactly); where they arrive, on a loaded machine,
	// they can bunch a little, so the bound checked here is the API's
	// limit. Without the cap, 50 requests at once are refused above.
	if most := transporttest.MostInOneSecond(starts); most > apiLimit {
		t.Errorf("%d requests reached the API within one second; the cap is %d, the API's limit %d", most, limit, apiLimit)
	}
}
