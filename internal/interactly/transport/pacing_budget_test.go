package transport

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

func headers(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

func TestParseRateLimitHeaders(t *testing.T) {
	t.Parallel()
	now := t0.Add(300 * time.Millisecond)
	tests := []struct {
		name          string
		h             http.Header
		ok            bool
		limit, remain int
		reset, window time.Duration
	}{
		{"IETF draft with a policy", headers("RateLimit-Limit", "100", "RateLimit-Remaining", "7", "RateLimit-Reset", "30", "RateLimit-Policy", "100;w=60, 5000;w=3600"),
			true, 100, 7, 30 * time.Second, time.Minute},
		{"X- with a Unix time", headers("X-RateLimit-Limit", "5000", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", strconv.FormatInt(t0.Unix()+3, 10)),
			true, 5000, 0, 2700 * time.Millisecond, 0},
		{"X- with seconds", headers("X-RateLimit-Limit", "50", "X-RateLimit-Remaining", "3", "X-RateLimit-Reset", "1"),
			true, 50, 3, time.Second, 0},
		{"the IETF set wins", headers("RateLimit-Remaining", "1", "RateLimit-Reset", "2", "X-RateLimit-Remaining", "9", "X-RateLimit-Reset", "9"),
			true, 0, 1, 2 * time.Second, 0},
		{"no Reset", headers("RateLimit-Limit", "100", "RateLimit-Remaining", "7"), false, 0, 0, 0, 0},
		{"garbage", headers("RateLimit-Remaining", "many", "RateLimit-Reset", "soon"), false, 0, 0, 0, 0},
		{"none", http.Header{}, false, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		limit, remain, reset, window, ok := parseRateLimitHeaders(tt.h, now)
		if ok != tt.ok || limit != tt.limit || remain != tt.remain || reset != tt.reset || window != tt.window {
			t.Errorf("%s: got limit %d, remaining %d, reset %v, window %v, ok %v; want %d, %d, %v, %v, %v",
				tt.name, limit, remain, reset, window, ok, tt.limit, tt.remain, tt.reset, tt.window, tt.ok)
		}
	}
}

// The pace is the limit over its window: the policy's, else the longest
// reset seen in whole seconds.
func TestBudgetPace(t *testing.T) {
	t.Parallel()
	var b budget
	b.observe(t0, t0, headers("X-RateLimit-Limit", "50", "X-RateLimit-Remaining", "49", "X-RateLimit-Reset", strconv.FormatInt(t0.Unix()+1, 10)), 0)
	if want := announcedShare * 50; !near(b.rate(), want) {
		t.Errorf("pace %v under 50 a second; want %v", b.rate(), want)
	}
	// A Unix time rounded up puts the reset up to a second late: 1.7 s is a
	// one-second window.
	b.observe(t0.Add(300*time.Millisecond), t0.Add(300*time.Millisecond), headers("X-RateLimit-Limit", "50", "X-RateLimit-Remaining", "49", "X-RateLimit-Reset", strconv.FormatInt(t0.Unix()+2, 10)), 0)
	if want := announcedShare * 50; !near(b.rate(), want) {
		t.Errorf("pace %v after a reset 1.7 s off; want still %v", b.rate(), want)
	}
	var hourly budget
	hourly.observe(t0, t0, headers("RateLimit-Limit", "3600", "RateLimit-Remaining", "3000", "RateLimit-Reset", "600", "RateLimit-Policy", "3600;w=3600"), 0)
	if want := announcedShare * 1; !near(hourly.rate(), want) {
		t.Errorf("pace %v under 3600 an hour; want %v", hourly.rate(), want)
	}
	var silent budget
	if silent.rate() != 0 {
		t.Errorf("pace %v with no headers seen; want none", silent.rate())
	}
}

// A budget spent closes the gate until its reset, counting what was sent
// after the answer that told it; an answer overtaken by a fresher one is
// ignored; a reset within the next second leaves the gate to the pace.
func TestBudgetGate(t *testing.T) {
	t.Parallel()
	var b budget
	spent := headers("RateLimit-Limit", "100", "RateLimit-Remaining", "2", "RateLimit-Reset", "30")
	b.observe(t0, t0, spent, 1) // one more attempt was sent after this one
	if _, closed := b.closedUntil(t0); closed {
		t.Fatal("gate closed with one request of the budget left")
	}
	b.spend(t0)
	until, closed := b.closedUntil(t0)
	if !closed || !until.Equal(t0.Add(30*time.Second)) {
		t.Fatalf("gate closed %v until %v once the budget was spent; want closed until the reset 30 s on", closed, until)
	}
	if _, closed := b.closedUntil(t0.Add(30 * time.Second)); closed {
		t.Error("gate still closed at the reset")
	}
	// An older answer arriving late does not reopen it.
	b.observe(t0.Add(time.Millisecond), t0.Add(-time.Second), headers("RateLimit-Remaining", "50", "RateLimit-Reset", "30"), 0)
	if _, closed := b.closedUntil(t0.Add(time.Millisecond)); !closed {
		t.Error("an answer to an earlier request reopened the gate")
	}
	var soon budget
	soon.observe(t0, t0, headers("RateLimit-Remaining", "0", "RateLimit-Reset", "1"), 0)
	if _, closed := soon.closedUntil(t0); closed {
		t.Error("gate closed for a reset within the next second")
	}
	// A Unix time rounded up: 1.9 s off may be 0.9 s.
	var rounded budget
	now := t0.Add(100 * time.Millisecond)
	rounded.observe(now, now, headers("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", strconv.FormatInt(t0.Unix()+2, 10)), 0)
	if _, closed := rounded.closedUntil(now); closed {
		t.Error("gate closed for a Unix-time reset 1.9 s off")
	}
}

// A fixed window shows itself by its count jumping back up at one phase,
// window after window; once it has, a spent window is closed until the
// boundary the jumps place, though Reset says a whole second.
func TestBudgetPlacesAFixedWindowsBoundary(t *testing.T) {
	t.Parallel()
	var b budget
	answer := func(at time.Duration, remaining int) {
		now := t0.Add(at)
		b.observe(now, now, headers("RateLimit-Limit", "20", "RateLimit-Remaining", strconv.Itoa(remaining), "RateLimit-Reset", "1", "RateLimit-Policy", "20;w=1"), 0)
	}
	answer(100*time.Millisecond, 10)
	answer(900*time.Millisecond, 1)
	answer(1010*time.Millisecond, 19) // the first jump
	if b.fixedWindow() {
		t.Fatal("a fixed window after one jump: a sliding window jumps once too, when a burst leaves it")
	}
	answer(1900*time.Millisecond, 0)
	if _, closed := b.closedUntil(t0.Add(1900 * time.Millisecond)); closed {
		t.Error("closed before the window was placed, though Reset said only a second")
	}
	answer(2020*time.Millisecond, 19) // the second, on the same phase
	if !b.fixedWindow() {
		t.Fatal("not a fixed window after two jumps a window apart")
	}
	answer(2700*time.Millisecond, 0)
	now := t0.Add(2700 * time.Millisecond)
	until, closed := b.closedUntil(now)
	if want := t0.Add(3010 * time.Millisecond); !closed || until != want {
		t.Errorf("spent at %v: closed %v until %v; want until %v, the earliest boundary the jumps place", now.Sub(t0), closed, until.Sub(t0), want.Sub(t0))
	}
	if _, closed := b.closedUntil(until); closed {
		t.Error("still closed at the boundary")
	}
}
