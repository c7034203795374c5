package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport/transporttest"
)

// mustWait lets one attempt through p and returns when.
func mustWait(t *testing.T, p *Pacer) time.Time {
	t.Helper()
	at, err := p.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// toldPacer returns a fresh pacer whose first attempt, let through at the
// returned time, was answered 200 with these headers. Inside a synctest
// bubble.
func toldPacer(t *testing.T, kv ...string) (*Pacer, time.Time) {
	t.Helper()
	p := NewPacer(0)
	start := time.Now()
	p.Answered(mustWait(t, p), okAnswer(kv...))
	return p, start
}

// okAnswer is a 200 answer carrying these headers.
func okAnswer(kv ...string) *http.Response {
	return &http.Response{StatusCode: http.StatusOK, Header: headers(kv...)}
}

// Once the budget in hand is spent and its reset is near, attempts go evenly
// at the announced rate.
func TestPacerPacesAtTheAnnouncedRate(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p, _ := toldPacer(t, "X-RateLimit-Limit", "10", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1")
		first, second := mustWait(t, p), mustWait(t, p)
		pace := announcedShare * 10.0
		if gap, want := second.Sub(first), time.Duration(float64(time.Second)/pace); gap != want {
			t.Errorf("attempts %v apart under 10 a second; want %v", gap, want)
		}
	})
}

// The budget in hand goes at once, not spread thin, a quarter of it before
// the next answer (another process may spend the same budget, and the
// answers would show it); once it is spent, the next attempt waits for the
// reset instead of taking a 429.
func TestPacerSpendsTheBudgetInHandThenWaitsForTheReset(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		answer := func(remaining string) *http.Response {
			return okAnswer("RateLimit-Limit", "100", "RateLimit-Remaining", remaining, "RateLimit-Reset", "30", "RateLimit-Policy", "100;w=60")
		}
		p := NewPacer(0)
		p.Answered(mustWait(t, p), answer("20"))
		// Each attempt a millisecond after the one before, so that the
		// answers tell which were sent before them.
		atOnce := func(what string, n int) []time.Time {
			var sent []time.Time
			for i := range n {
				time.Sleep(time.Millisecond)
				before := time.Now()
				at := mustWait(t, p)
				if !at.Equal(before) {
					t.Fatalf("attempt %d of %s went after %v; want at once", i+1, what, at.Sub(before))
				}
				sent = append(sent, at)
			}
			return sent
		}
		remaining := 20
		for _, at := range atOnce("the quarter in hand", 5) {
			remaining--
			p.Answered(at, answer(strconv.Itoa(remaining)))
		}
		p.Answered(atOnce("the next quarter", 3)[2], answer("0"))
		start := time.Now()
		if waited := mustWait(t, p).Sub(start); waited != 30*time.Second {
			t.Errorf("the attempt after the budget in hand went after %v; want the reset, 30 s", waited)
		}
	})
}

// A quarter of the budget in hand goes before the next answer: the fifth
// attempt of a budget of 16 waits.
func TestPacerSpendsAQuarterOfTheBudgetInHandBeforeTheNextAnswer(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p, start := toldPacer(t, "RateLimit-Limit", "100", "RateLimit-Remaining", "16", "RateLimit-Reset", "30", "RateLimit-Policy", "100;w=60")
		for range 4 {
			mustWait(t, p)
		}
		if at := mustWait(t, p); at.Equal(start) {
			t.Error("the fifth attempt of a budget of 16 went at once, before any answer; want it to wait")
		}
	})
}

// However much budget an answer says is left, no more than the share of the
// limit goes within one window: a fixed or sliding window would refuse more.
func TestPacerKeepsToTheLimitWithinAWindow(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p, start := toldPacer(t, "RateLimit-Limit", "10", "RateLimit-Remaining", "1000", "RateLimit-Reset", "1", "RateLimit-Policy", "10;w=1")
		limit := 10.0
		share := int(announcedShare * limit)
		var last time.Time
		for range share + 1 {
			last = mustWait(t, p)
		}
		if waited := last.Sub(start); waited != time.Second {
			t.Errorf("attempt %d after the first answer went after %v; want a second, when the window's first send leaves it", share+1, waited)
		}
	})
}

// Until the first answer arrives, the other attempts wait for it (at most
// firstAnswerWait): a burst could spend a small budget before the first
// answer announced it.
func TestPacerHoldsOthersUntilTheFirstAnswer(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := NewPacer(0)
		start := time.Now()
		first := mustWait(t, p)
		var second time.Time
		done := make(chan struct{})
		go func() {
			second, _ = p.Wait(context.Background())
			close(done)
		}()
		time.Sleep(300 * time.Millisecond)
		p.Answered(first, okAnswer())
		<-done
		if got := second.Sub(start); got != 300*time.Millisecond {
			t.Errorf("second attempt went after %v; want when the first answer came, 300ms", got)
		}
		// Without an answer, the wait is bounded.
		q := NewPacer(0)
		start = time.Now()
		mustWait(t, q)
		if got := mustWait(t, q).Sub(start); got != firstAnswerWait {
			t.Errorf("with the first attempt unanswered, the second went after %v; want %v", got, firstAnswerWait)
		}
	})
}

// Attempts queued at a low rate go faster as soon as the rate grows: none
// keeps a slot booked at the old rate.
func TestPacerQueuedAttemptsFollowTheRate(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := NewPacer(0)
		p.learner = learner{rate: 1, ceiling: 100, lastDrop: time.Now()}
		p.Answered(mustWait(t, p), okAnswer())
		start := time.Now()
		var wg sync.WaitGroup
		for range 10 {
			wg.Go(func() { _, _ = p.Wait(context.Background()) })
		}
		time.Sleep(10 * time.Millisecond)
		p.mu.Lock()
		p.learner.rate = 1000
		p.mu.Unlock()
		p.Answered(time.Now(), okAnswer()) // wakes the queue
		wg.Wait()
		if took := time.Since(start); took > time.Second {
			t.Errorf("ten queued attempts took %v after the rate went from 1 to 1000 a second; want well under a second", took)
		}
	})
}

// retryablehttp asks CheckRetry twice about an answer whose body it read;
// the pacer hears of it once.
func TestCallReportsEachAnswerOnce(t *testing.T) {
	t.Parallel()
	p := NewPacer(0)
	p.learner = learner{rate: 10, ceiling: 100, lastDrop: t0}
	p.queued = 1 // an attempt waits, so accepted answers may raise the rate
	call := NewCall("GET", Policy{MaxRetries: 1}, p)
	if err := call.BeforeAttempt(httptest.NewRequest("GET", "/", nil)); err != nil {
		t.Fatal(err)
	}
	ok := &http.Response{StatusCode: http.StatusOK}
	_, _ = call.CheckRetry(context.Background(), ok, nil)
	_, _ = call.CheckRetry(context.Background(), ok, nil)
	if got, want := p.learner.rate, 10+fastGrowth; got != want {
		t.Errorf("rate %v after one answer checked twice; want one step up, to %v", got, want)
	}
}

// A cap spaces requests: never more than the cap start in any second, and
// no burst at the start either.
func TestPacerCapSpacesRequests(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		const limit, n = 20, 30
		p := NewPacer(limit)
		var mu sync.Mutex
		var starts []time.Time
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				at, err := p.Wait(context.Background())
				if err != nil {
					t.Error(err)
				}
				if i == 0 {
					p.Answered(at, okAnswer())
				}
				mu.Lock()
				starts = append(starts, at)
				mu.Unlock()
			})
		}
		wg.Wait()
		if most := transporttest.MostInOneSecond(starts); most > limit {
			t.Errorf("%d requests started within one second; the cap is %d", most, limit)
		}
	})
}

// An attempt that fails without an answer releases the others held for the
// first answer: they need not wait out firstAnswerWait.
func TestPacerFirstAttemptWithoutAnswerReleasesTheOthers(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := NewPacer(0)
		first := mustWait(t, p)
		start := time.Now()
		done := make(chan time.Time)
		go func() {
			at, _ := p.Wait(context.Background())
			done <- at
		}()
		time.Sleep(100 * time.Millisecond)
		p.Unanswered(first)
		if waited := (<-done).Sub(start); waited != 100*time.Millisecond {
			t.Errorf("the second attempt went after %v; want when the first failed, 100ms", waited)
		}
	})
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

// One pacer per base URL and key, whatever the caps; the strictest cap of
// the clients that share it applies to all, in whichever order they came.
func TestSharedPacer(t *testing.T) {
	t.Parallel()
	// The pacers live as long as the process: a URL of this run's own keeps
	// -count=2 from meeting the first run's.
	url := fmt.Sprintf("https://shared-pacer-%d.example.test", time.Now().UnixNano())
	a := SharedPacer(url, "key-1", 10)
	if SharedPacer(url, "key-1", 0) != a || SharedPacer(url, "key-1", 25) != a {
		t.Error("two clients of the same key and URL with other caps got different pacers")
	}
	if got := float64(a.cap.Limit()) * capMargin; !near(got, 10) {
		t.Errorf("cap %v after clients capped at 10, none and 25; want the strictest, 10", got)
	}
	if SharedPacer(url, "key-1", 4) != a {
		t.Fatal("a stricter client got another pacer")
	}
	if got := float64(a.cap.Limit()) * capMargin; !near(got, 4) {
		t.Errorf("cap %v after a client capped at 4 joined; want 4", got)
	}
	if SharedPacer(url, "key-2", 10) == a || SharedPacer("https://other.example.test", "key-1", 10) == a {
		t.Error("clients of another key or URL share a pacer")
	}
	if uncapped := SharedPacer(url, "key-3", 0); uncapped.cap != nil {
		t.Error("a pacer no client capped has a cap")
	}
}

// An attempt let through before another and still on its way may reach the
// API after it: the other's remaining budget does not count it, so the
// pacer does. Once it is known to have got no answer, it counts no more.
func TestPacerCountsEarlierAttemptsStillOnTheirWay(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		budget := func(remaining string) *http.Response {
			return okAnswer("RateLimit-Limit", "100", "RateLimit-Remaining", remaining, "RateLimit-Reset", "30", "RateLimit-Policy", "100;w=60")
		}
		p := NewPacer(0)
		p.Answered(mustWait(t, p), budget("50"))
		time.Sleep(time.Millisecond)
		mustWait(t, p) // the earlier attempt, still on its way
		time.Sleep(time.Millisecond)
		later := mustWait(t, p)
		answeredAt := time.Now()
		p.Answered(later, budget("1")) // counted itself, not the earlier one
		if waited := mustWait(t, p).Sub(answeredAt); waited != 30*time.Second {
			t.Errorf("with the earlier attempt on its way, the next went after %v; want the reset, 30 s", waited)
		}

		q := NewPacer(0)
		q.Answered(mustWait(t, q), budget("3"))
		time.Sleep(time.Millisecond)
		lost := mustWait(t, q)
		time.Sleep(time.Millisecond)
		answered := mustWait(t, q)
		q.Unanswered(lost)
		q.Answered(answered, budget("1"))
		before := time.Now()
		if waited := mustWait(t, q).Sub(before); waited != 0 {
			t.Errorf("with the earlier attempt unanswered, the budget in hand waited %v; want it spent at once", waited)
		}
	})
}

// An attempt that got no answer is no longer on its way for the pacer.
func TestCallReportsAnAttemptWithoutAnswer(t *testing.T) {
	t.Parallel()
	p := NewPacer(0)
	call := NewCall("GET", Policy{MaxRetries: 1}, p)
	if err := call.BeforeAttempt(httptest.NewRequest("GET", "/", nil)); err != nil {
		t.Fatal(err)
	}
	if len(p.inFlight) != 1 {
		t.Fatalf("%d attempts on their way after one let through; want 1", len(p.inFlight))
	}
	_, _ = call.CheckRetry(context.Background(), nil, errors.New("connection reset by peer"))
	if len(p.inFlight) != 0 {
		t.Errorf("%d attempts on their way after a connection error; want none", len(p.inFlight))
	}
}

// A 429 while attempts queue for the pace, or soon after some did (refused
// attempts wait out their Retry-After outside the pacer, so the queue is
// often empty at the refusal), measures the API's rate; one while nothing
// waited lately measures only what Terraform sent, and is not trusted as the
// ceiling.
func TestPacerTrustsOnlyASaturatedMeasure(t *testing.T) {
	t.Parallel()
	refusedAfterASecond := func(t *testing.T, queue pacedAtRefusal) learner {
		p := NewPacer(0)
		p.learner = learner{rate: 20, ceiling: 50, lastDrop: time.Now().Add(-time.Minute)}
		var last time.Time
		for range 25 {
			last = mustWait(t, p)
			p.Answered(last, okAnswer())
			time.Sleep(50 * time.Millisecond)
		}
		last = mustWait(t, p)
		if queue != nothingPaced {
			go func() { _, _ = p.Wait(context.Background()) }()
			synctest.Wait() // blocked on the pace
		}
		if queue == pacedLately {
			time.Sleep(200 * time.Millisecond) // let through
		}
		p.Answered(last, &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{}})
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.learner
	}
	synctest.Test(t, func(t *testing.T) {
		if l := refusedAfterASecond(t, pacedNow); l.ceiling == 0 {
			t.Errorf("a 429 with attempts queued left no ceiling (rate %v); want the rate accepted", l.rate)
		}
		if l := refusedAfterASecond(t, pacedLately); l.ceiling == 0 {
			t.Errorf("a 429 a moment after an attempt waited for the pace left no ceiling (rate %v); want the rate accepted", l.rate)
		}
		if l := refusedAfterASecond(t, nothingPaced); l.ceiling != 0 {
			t.Errorf("a 429 with nothing queued set the ceiling to %v; want it untrusted", l.ceiling)
		}
	})
}

// pacedAtRefusal is whether attempts waited for the pace when a 429 came.
type pacedAtRefusal int

const (
	nothingPaced pacedAtRefusal = iota
	pacedNow                    // one waits at the refusal
	pacedLately                 // one waited a moment before it
)
