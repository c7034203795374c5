package emulator

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func at(ms int) time.Time { return epoch.Add(time.Duration(ms) * time.Millisecond) }

// admitted returns which of the requests at these times (ms) a fresh limit
// of 5 a second in this shape accepts.
func admitted(t *testing.T, shape string, times ...int) []bool {
	t.Helper()
	s, err := ParseRateLimitShape(shape)
	if err != nil {
		t.Fatal(err)
	}
	rl := NewRateLimiter(5, s)
	out := make([]bool, len(times))
	for i, ms := range times {
		out[i] = rl.admit(at(ms)).accepted
	}
	return out
}

func sameBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Six requests at 900 ms and six at 1100 ms: the fixed window takes five of
// each (a new window starts at 1000 ms), the sliding window only five in
// all (the first five are still within a second at 1100 ms), and a token
// bucket a second deep five and then the one token refilled in 200 ms.
func TestRateLimitKinds(t *testing.T) {
	t.Parallel()
	times := []int{900, 900, 900, 900, 900, 900, 1100, 1100, 1100, 1100, 1100, 1100}
	yes, no := true, false
	tests := []struct {
		shape string
		want  []bool
	}{
		{"fixed-window", []bool{yes, yes, yes, yes, yes, no, yes, yes, yes, yes, yes, no}},
		{"sliding-window", []bool{yes, yes, yes, yes, yes, no, no, no, no, no, no, no}},
		{"token-bucket", []bool{yes, yes, yes, yes, yes, no, yes, no, no, no, no, no}},
		{"token-bucket,burst=2", []bool{yes, yes, no, no, no, no, yes, no, no, no, no, no}},
	}
	for _, tt := range tests {
		if got := admitted(t, tt.shape, times...); !sameBools(got, tt.want) {
			t.Errorf("%s: accepted %v, want %v", tt.shape, got, tt.want)
		}
	}
}

// A sliding window counts accepted requests only: refusals do not push
// the next acceptance further away.
func TestSlidingWindowCountsAcceptedRequests(t *testing.T) {
	t.Parallel()
	// Counting the three refusals, the window would be full again at 1002.
	got := admitted(t, "sliding-window", 0, 0, 0, 0, 0, 500, 900, 999, 1000, 1001, 1002, 1003)
	want := []bool{true, true, true, true, true, false, false, false, true, true, true, true}
	if !sameBools(got, want) {
		t.Errorf("accepted %v, want %v", got, want)
	}
}

func TestRateLimitHeadersAndRetryAfter(t *testing.T) {
	t.Parallel()
	now := at(1300)
	refused := verdict{reset: 700 * time.Millisecond, retryAfter: 700 * time.Millisecond}
	tests := []struct {
		shape string
		v     verdict
		want  map[string]string // "" means absent
	}{
		{"fixed-window", refused, map[string]string{"Retry-After": "1", "RateLimit-Remaining": "", "X-RateLimit-Remaining": ""}},
		{"fixed-window,retry-after=date", refused, map[string]string{"Retry-After": "Thu, 01 Jan 2026 00:00:02 GMT"}},
		{"fixed-window,retry-after=none", refused, map[string]string{"Retry-After": ""}},
		{"sliding-window,headers=ietf", verdict{accepted: true, remaining: 3, reset: 200 * time.Millisecond}, map[string]string{
			"RateLimit-Limit": "5", "RateLimit-Remaining": "3", "RateLimit-Reset": "1", "RateLimit-Policy": "5;w=1",
			"Retry-After": "", "X-RateLimit-Limit": "",
		}},
		{"token-bucket,headers=x", refused, map[string]string{
			"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": strconv.FormatInt(epoch.Unix()+2, 10),
			"Retry-After": "1", "RateLimit-Limit": "",
		}},
		{"token-bucket,headers=both", refused, map[string]string{"X-RateLimit-Remaining": "0", "RateLimit-Remaining": "0"}},
	}
	for _, tt := range tests {
		s, err := ParseRateLimitShape(tt.shape)
		if err != nil {
			t.Fatal(err)
		}
		h := http.Header{}
		NewRateLimiter(5, s).writeHeaders(h, tt.v, now)
		for name, want := range tt.want {
			if got := h.Get(name); got != want {
				t.Errorf("%s: %s = %q, want %q", tt.shape, name, got, want)
			}
		}
	}
}

func TestParseRateLimitShape(t *testing.T) {
	t.Parallel()
	for _, spec := range []string{"token-bucket", "fixed-window,headers=ietf,retry-after=date", "token-bucket,burst=10,headers=both,retry-after=none", "sliding-window,headers=x"} {
		s, err := ParseRateLimitShape(spec)
		if err != nil {
			t.Errorf("%q: %v", spec, err)
			continue
		}
		if s.String() != spec {
			t.Errorf("%q reads back as %q", spec, s.String())
		}
	}
	for _, spec := range []string{"leaky-bucket", "fixed-window,burst=2", "token-bucket,burst=0", "token-bucket,headers=draft", "token-bucket,retry-after=ms", "token-bucket,window=2"} {
		if _, err := ParseRateLimitShape(spec); err == nil {
			t.Errorf("%q parsed", spec)
		}
	}
}

// Through the server: every shape answers 429 beyond the limit, with its
// headers on accepted and refused answers alike.
func TestRateLimitShapesServed(t *testing.T) {
	t.Parallel()
	for _, kind := range []RateLimitKind{TokenBucket, FixedWindow, SlidingWindow} {
		_, c := start(t, Options{Seed: testSeed(), RateLimit: 2, RateLimitShape: RateLimitShape{Kind: kind, Headers: IETFHeaders}})
		var statuses []int
		for range 3 {
			res := c.do("GET", "/assistants/v1/numbers", "")
			statuses = append(statuses, res.status)
			if res.header.Get("RateLimit-Limit") != "2" {
				t.Errorf("%s: RateLimit-Limit %q on a %d, want 2", kind, res.header.Get("RateLimit-Limit"), res.status)
			}
		}
		// A window may turn between requests; it cannot turn twice.
		if statuses[2] != http.StatusTooManyRequests && statuses[1] != http.StatusTooManyRequests {
			t.Errorf("%s: statuses %v, want a 429 among three requests within a second under a limit of 2", kind, statuses)
		}
	}
}
