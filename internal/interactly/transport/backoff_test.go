package transport

import (
	"net/http"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	cases := []struct {
		value  string
		want   time.Duration
		wantOK bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{"7", 7 * time.Second, true},
		{" 3 ", 3 * time.Second, true},
		{"-1", 0, false},
		{"soon", 0, false},
		{"86400", MaxRetryAfter, true},
		{"9223372036854775807", MaxRetryAfter, true}, // capped before it could overflow
		{"99999999999999999999", 0, false},           // overflows int64: not a delay we can honour
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},                // a past date: retry now
		{now.Add(2 * time.Hour).Format(http.TimeFormat), MaxRetryAfter, true}, // capped
		{now.Add(30 * time.Second).Format(time.RFC850), 30 * time.Second, true},
		{now.Add(5 * time.Second).Format(time.ANSIC), 5 * time.Second, true},
	}
	for _, tc := range cases {
		got, ok := RetryAfter(tc.value, now)
		if got != tc.want || ok != tc.wantOK {
			t.Errorf("RetryAfter(%q) = %v, %v; want %v, %v", tc.value, got, ok, tc.want, tc.wantOK)
		}
	}
}

func TestBackoffHonoursRetryAfterOnAnyRetriedStatus(t *testing.T) {
	t.Parallel()
	backoff := NewBackoff(func() time.Time { return now }, func(int64) int64 { t.Fatal("jitter used despite Retry-After"); return 0 })
	for _, status := range []int{http.StatusTooManyRequests, http.StatusServiceUnavailable, http.StatusBadGateway} {
		resp := &http.Response{StatusCode: status, Header: http.Header{"Retry-After": {"4"}}}
		if got := backoff(time.Second, 30*time.Second, 0, resp); got != 4*time.Second {
			t.Errorf("status %d: wait %v, want 4s", status, got)
		}
		resp.Header.Set("Retry-After", now.Add(6*time.Second).Format(http.TimeFormat))
		if got := backoff(time.Second, 30*time.Second, 0, resp); got != 6*time.Second {
			t.Errorf("status %d with a date: wait %v, want 6s", status, got)
		}
	}
}

func TestBackoffIsExponentialWithJitterAndCapped(t *testing.T) {
	t.Parallel()
	minWait, maxWait := 100*time.Millisecond, 2*time.Second
	lowest := NewBackoff(time.Now, func(int64) int64 { return 0 })
	highest := NewBackoff(time.Now, func(n int64) int64 { return n - 1 })
	cases := []struct {
		attempt  int
		ceiling  time.Duration
		response *http.Response
	}{
		{0, 100 * time.Millisecond, nil},
		{1, 200 * time.Millisecond, nil},
		{3, 800 * time.Millisecond, &http.Response{StatusCode: 503, Header: http.Header{}}},
		{5, maxWait, nil},
		{200, maxWait, nil}, // no overflow however many attempts
	}
	if got := highest(time.Minute, time.Second, 0, nil); got != time.Second {
		t.Errorf("a minimum above the maximum waits %v; want the maximum, 1s", got)
	}
	for _, tc := range cases {
		lo := lowest(minWait, maxWait, tc.attempt, tc.response)
		hi := highest(minWait, maxWait, tc.attempt, tc.response)
		if lo != tc.ceiling/2 || hi != tc.ceiling {
			t.Errorf("attempt %d: waits from %v to %v, want %v to %v", tc.attempt, lo, hi, tc.ceiling/2, tc.ceiling)
		}
	}
}

func TestDefaultBackoffJitters(t *testing.T) {
	t.Parallel()
	seen := map[time.Duration]bool{}
	for range 50 {
		wait := Backoff(time.Second, time.Minute, 2, nil)
		if wait < 2*time.Second || wait > 4*time.Second {
			t.Fatalf("wait %v outside [2s, 4s]", wait)
		}
		seen[wait] = true
	}
	if len(seen) < 2 {
		t.Errorf("50 backoffs gave %d distinct waits; want jitter", len(seen))
	}
}

// A ceiling too small to halve is waited whole, without jitter.
func TestBackoffBelowTwoNanosecondsIsNotJittered(t *testing.T) {
	t.Parallel()
	lowest := NewBackoff(time.Now, func(int64) int64 { return 0 })
	if got := lowest(time.Nanosecond, time.Second, 0, nil); got != time.Nanosecond {
		t.Errorf("backoff with a ceiling of 1ns = %v, want 1ns", got)
	}
}
