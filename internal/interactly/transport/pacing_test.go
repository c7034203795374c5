package transport

import (
	"context"
	"sync"
	"testing"
	"time"
)

// Until a 429, the pacer lets everything through; the first refusal starts
// pacing at a fraction of the rate measured over the last second.
func TestPacerStartsPacingAtTheFirstRefusal(t *testing.T) {
	t.Parallel()
	p := NewPacer(0)
	ctx := context.Background()
	var last time.Time
	for range 40 {
		var err error
		if last, err = p.Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := p.Rate(); got != 0 {
		t.Fatalf("rate %v before any refusal; want no pacing (0)", got)
	}
	p.Refused(last)
	if got, want := p.Rate(), 40*decreaseFactor; got != want {
		t.Errorf("rate after the first 429 = %v, want %v (%v × the 40 requests of the last second)", got, want, decreaseFactor)
	}
}

// The refusals of requests sent before the last drop do not drop the rate
// again: twenty requests refused together are one piece of news.
func TestPacerDropsOncePerEpisode(t *testing.T) {
	t.Parallel()
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := NewPacer(0)
	p.now = func() time.Time { return clock }
	var sent []time.Time
	for range 20 {
		at, _ := p.Wait(context.Background())
		sent = append(sent, at)
	}
	clock = clock.Add(10 * time.Millisecond)
	for _, at := range sent {
		p.Refused(at)
	}
	if got, want := p.Rate(), 20*decreaseFactor; got != want {
		t.Fatalf("rate after 20 refusals of one episode = %v, want one drop to %v", got, want)
	}
	// A request sent after the drop and refused is news: drop again.
	at, _ := p.Wait(context.Background())
	clock = clock.Add(10 * time.Millisecond)
	p.Refused(at)
	if got := p.Rate(); got >= 20*decreaseFactor {
		t.Errorf("rate %v after a refusal at the new rate; want a further drop", got)
	}
}

// Accepted answers raise the rate by increasePerSecond per second's worth
// of requests.
func TestPacerProbesUpwards(t *testing.T) {
	t.Parallel()
	p := NewPacer(0)
	p.Accepted()
	if p.Rate() != 0 {
		t.Fatal("an accepted answer started pacing")
	}
	var last time.Time
	for range 40 {
		last, _ = p.Wait(context.Background())
	}
	p.Refused(last)
	start := p.Rate()
	for range int(start * 10) {
		p.Accepted()
	}
	// The rate grows while the requests are counted, so a little less.
	if got := p.Rate(); got < start+10*increasePerSecond*0.5 || got > start+10*increasePerSecond {
		t.Errorf("rate %v after ten seconds' worth of accepted requests from %v; want about +%v", got, start, 10*increasePerSecond)
	}
}

// A cap spaces requests: never more than the cap start in any second, and
// no burst at the start either.
func TestPacerCapSpacesRequests(t *testing.T) {
	t.Parallel()
	const limit, n = 20, 30
	p := NewPacer(limit)
	var mu sync.Mutex
	var starts []time.Time
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			at, err := p.Wait(context.Background())
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			starts = append(starts, at)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if most := MostInOneSecond(starts); most > limit {
		t.Errorf("%d requests started within one second; the cap is %d", most, limit)
	}
}

func TestPacerWaitIsCancellable(t *testing.T) {
	t.Parallel()
	p := NewPacer(1)
	if _, err := p.Wait(context.Background()); err != nil { // takes the only token
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Wait(ctx); err == nil {
		t.Error("Wait succeeded on a cancelled context")
	}
}

func TestSharedPacer(t *testing.T) {
	t.Parallel()
	a := SharedPacer("https://api.example.test", "key-1", 10)
	if SharedPacer("https://api.example.test", "key-1", 10) != a {
		t.Error("two clients of the same key, URL and cap got different pacers")
	}
	if SharedPacer("https://api.example.test", "key-2", 10) == a || SharedPacer("https://other.example.test", "key-1", 10) == a {
		t.Error("clients of another key or URL share a pacer")
	}
}

func TestMostInOneSecond(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(ms ...int) []time.Time {
		var out []time.Time
		for _, m := range ms {
			out = append(out, t0.Add(time.Duration(m)*time.Millisecond))
		}
		return out
	}
	cases := []struct {
		times []time.Time
		want  int
	}{
		{nil, 0},
		{at(0), 1},
		{at(0, 999), 2},
		{at(0, 1000), 1},
		{at(1500, 0, 600, 900, 1000), 4}, // 600, 900, 1000, 1500
	}
	for _, tc := range cases {
		if got := MostInOneSecond(tc.times); got != tc.want {
			t.Errorf("MostInOneSecond(%v) = %d, want %d", tc.times, got, tc.want)
		}
	}
}
