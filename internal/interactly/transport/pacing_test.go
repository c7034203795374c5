package transport

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// fakeClockPacer is a Pacer without a cap on a clock the test moves.
func fakeClockPacer() (*Pacer, func(time.Duration)) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := NewPacer(0)
	p.now = func() time.Time { return clock }
	return p, func(d time.Duration) { clock = clock.Add(d) }
}

// send lets n attempts through and records accepted answers for the first
// accepted of them; it returns the send time of the last one.
func send(t *testing.T, p *Pacer, n, accepted int) time.Time {
	t.Helper()
	var last time.Time
	for i := range n {
		var err error
		if last, err = p.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		if i < accepted {
			p.Accepted()
		}
	}
	return last
}

// Until a 429, the pacer lets everything through; the first refusal starts
// pacing just under the rate the API accepted over the last second.
func TestPacerStartsPacingAtTheFirstRefusal(t *testing.T) {
	t.Parallel()
	p, _ := fakeClockPacer()
	last := send(t, p, 40, 30)
	if got := p.Rate(); got != 0 {
		t.Fatalf("rate %v before any refusal; want no pacing (0)", got)
	}
	p.Refused(last)
	if got, want := p.Rate(), 30*decreaseFactor; got != want {
		t.Errorf("rate after the first 429 = %v, want %v (%v × the 30 answers accepted in the last second)", got, want, decreaseFactor)
	}
}

// The refusals of requests sent before the last drop, or too soon after it
// for the API to see the new rate, do not drop the rate again: twenty
// requests refused together are one piece of news.
func TestPacerDropsOncePerEpisode(t *testing.T) {
	t.Parallel()
	p, advance := fakeClockPacer()
	var sent []time.Time
	for range 20 {
		sent = append(sent, send(t, p, 1, 1))
	}
	advance(10 * time.Millisecond)
	for _, at := range sent {
		p.Refused(at)
	}
	if got, want := p.Rate(), 20*decreaseFactor; got != want {
		t.Fatalf("rate after 20 refusals of one episode = %v, want one drop to %v", got, want)
	}
	soon := send(t, p, 1, 0)
	p.Refused(soon)
	if got, want := p.Rate(), 20*decreaseFactor; got != want {
		t.Fatalf("rate %v after a refusal within %v of the drop; want it unchanged at %v", got, dropSettle, want)
	}
	// A second later, at the new rate, a refusal is news: land under what
	// the API accepted over the last second.
	advance(dropSettle + 100*time.Millisecond)
	later := send(t, p, 10, 8)
	p.Refused(later)
	if got, want := p.Rate(), 8*decreaseFactor; got < want-0.01 || got > want+0.01 {
		t.Errorf("rate %v after a refusal at the new rate; want %v", got, want)
	}
}

// Accepted answers raise the rate by increasePerSecond per second's worth
// of requests.
func TestPacerProbesUpwards(t *testing.T) {
	t.Parallel()
	p, _ := fakeClockPacer()
	p.Accepted()
	if p.Rate() != 0 {
		t.Fatal("an accepted answer started pacing")
	}
	p.Refused(send(t, p, 40, 30))
	start := p.Rate()
	for range int(start * 10) {
		p.Accepted()
	}
	// The rate grows while the requests are counted, so a little less.
	if got := p.Rate(); got < start+10*increasePerSecond*0.5 || got > start+10*increasePerSecond {
		t.Errorf("rate %v after ten seconds' worth of accepted requests from %v; want about +%v", got, start, 10*increasePerSecond)
	}
}

// Refused with nothing accepted (another client used the quota up), the
// pacer starts from the bottom and grows by half a request per answer until
// it is within half of the rate it was refused at.
func TestPacerSlowStart(t *testing.T) {
	t.Parallel()
	p, _ := fakeClockPacer()
	p.Refused(send(t, p, 20, 0))
	if got := p.Rate(); got != minAdaptiveRate {
		t.Fatalf("rate %v after a refusal with nothing accepted; want the minimum %v", got, minAdaptiveRate)
	}
	for range 10 {
		p.Accepted()
	}
	if got, want := p.Rate(), minAdaptiveRate+10*slowStartGrowth; got != want {
		t.Errorf("rate %v after 10 accepted answers; want %v", got, want)
	}
}

// retryablehttp asks CheckRetry twice about an answer whose body it read;
// the pacer hears of it once.
func TestCallReportsEachAnswerOnce(t *testing.T) {
	t.Parallel()
	p, _ := fakeClockPacer()
	p.Refused(send(t, p, 40, 30))
	before := p.Rate()
	call := NewCall("GET", Policy{MaxRetries: 1}, p)
	if err := call.BeforeAttempt(httptest.NewRequest("GET", "/", nil)); err != nil {
		t.Fatal(err)
	}
	ok := &http.Response{StatusCode: http.StatusOK}
	_, _ = call.CheckRetry(context.Background(), ok, nil)
	_, _ = call.CheckRetry(context.Background(), ok, nil)
	if got, want := p.Rate(), before+increasePerSecond/before; got != want {
		t.Errorf("rate %v after one answer checked twice; want one step up, to %v", got, want)
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
