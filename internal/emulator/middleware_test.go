package emulator

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestRateLimit(t *testing.T) {
	t.Parallel()
	// One token every 2 s, burst 1: the second request comes too soon.
	srv, c := start(t, Options{Seed: testSeed(), RateLimit: 0.5})
	if res := c.do("GET", "/assistants/v1/numbers", ""); res.status != http.StatusOK {
		t.Fatalf("first request: status %d, want 200", res.status)
	}
	res := c.do("PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`)
	res.wantError(t, http.StatusTooManyRequests, "rate limit of 0.5 requests per second exceeded")
	wait, err := strconv.Atoi(res.header.Get("Retry-After"))
	if err != nil || wait < 1 || wait > 2 {
		t.Errorf("Retry-After %q, want 1 or 2 seconds", res.header.Get("Retry-After"))
	}
	if n, _ := srv.GetNumber("id-1"); !n.InboundEnabled {
		t.Error("a rate-limited PUT changed the number")
	}
	// Admin routes are not limited.
	if res := c.do("GET", "/_emulator/health", ""); res.status != http.StatusOK {
		t.Errorf("health while rate-limited: status %d, want 200", res.status)
	}
}

func TestRateLimitBurst(t *testing.T) {
	t.Parallel()
	tests := []struct {
		rate  float64
		burst int // 0: no limiter
	}{{0, 0}, {0.5, 1}, {1, 1}, {2.5, 2}, {50, 50}}
	for _, tt := range tests {
		srv := New(Options{APIKey: testKey, RateLimit: tt.rate})
		got := 0
		if srv.limit != nil {
			bucket, ok := srv.limit.limiter.(*tokenBucket)
			if !ok {
				t.Fatalf("RateLimit %g: a %T, want the default token bucket", tt.rate, srv.limit.limiter)
			}
			got = bucket.bucket.Burst()
		}
		if got != tt.burst {
			t.Errorf("RateLimit %g: burst %d, want %d", tt.rate, got, tt.burst)
		}
	}
}

func TestLatency(t *testing.T) {
	t.Parallel()
	const latency = 30 * time.Millisecond
	_, c := start(t, Options{Seed: testSeed(), Latency: latency})
	begin := time.Now()
	res := c.do("GET", "/assistants/v1/numbers", "")
	if elapsed := time.Since(begin); elapsed < latency {
		t.Errorf("answered in %v, want at least %v", elapsed, latency)
	}
	if res.status != http.StatusOK {
		t.Errorf("status %d, want 200", res.status)
	}
}
