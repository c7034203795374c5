package transport

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// recordingObserver keeps what a Call tells it.
type recordingObserver struct {
	mu      sync.Mutex
	waiting []Wait
	waited  []Wait
	changes []RateChange
}

func (o *recordingObserver) Waiting(_ context.Context, w Wait) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.waiting = append(o.waiting, w)
}

func (o *recordingObserver) Waited(_ context.Context, w Wait) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.waited = append(o.waited, w)
}

func (o *recordingObserver) RateChanged(_ context.Context, c RateChange) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.changes = append(o.changes, c)
}

// The pace a 429 sets is told to the Call's observer, and the wait it asks
// for; a
// Call nobody observes says nothing and does not fail for it.
func TestCallTellsItsObserverOfThePaceAnAnswerSets(t *testing.T) {
	t.Parallel()
	refused := &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {"0"}}}
	obs := &recordingObserver{}
	c := NewCall(http.MethodGet, Policy{MaxRetries: 1}, NewPacer(0))
	c.Observe(obs)
	if retry, err := c.CheckRetry(context.Background(), refused, nil); !retry || err != nil {
		t.Fatalf("retry %v, err %v; want a retry", retry, err)
	}
	if len(obs.changes) != 1 || obs.changes[0].From != 0 || obs.changes[0].To <= 0 {
		t.Errorf("the observer heard %v; want one change from no pace to a rate", obs.changes)
	}
	if len(obs.waiting) != 1 || obs.waiting[0].Reason != WaitRetryAfter {
		t.Errorf("the observer heard of the waits %v; want the Retry-After once", obs.waiting)
	}

	unobserved := NewCall(http.MethodGet, Policy{MaxRetries: 1}, NewPacer(0))
	if retry, err := unobserved.CheckRetry(context.Background(), refused, nil); !retry || err != nil {
		t.Errorf("an unobserved call: retry %v, err %v; want a retry", retry, err)
	}
}

// A turn under the pace that comes after the deadline is a
// *WaitBeyondDeadlineError that says so; a cancellation, or a call without
// a deadline, keeps its own error.
func TestTurnBeyondDeadline(t *testing.T) {
	t.Parallel()
	limiterErr := errors.New("rate: Wait(n=1) would exceed context deadline")
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	var beyond *WaitBeyondDeadlineError
	if err := turnBeyondDeadline(ctx, limiterErr); !errors.As(err, &beyond) || !beyond.ForTurn || beyond.Left <= 0 {
		t.Errorf("with an hour left: %v; want a turn beyond the deadline with time left", err)
	}
	cancelled, cancelNow := context.WithTimeout(context.Background(), time.Hour)
	cancelNow()
	if err := turnBeyondDeadline(cancelled, context.Canceled); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v; want the cancellation itself", err)
	}
	if err := turnBeyondDeadline(context.Background(), limiterErr); err != limiterErr {
		t.Errorf("without a deadline: %v; want the error as it was", err)
	}
}

// Under a cap, a Call whose turn comes after its deadline fails at once
// with the reason, instead of waiting into the deadline.
func TestCallUnderACapGivesUpATurnPastTheDeadline(t *testing.T) {
	t.Parallel()
	pacer := NewPacer(1)
	pacer.cap = rate.NewLimiter(rate.Every(time.Hour), 1) // one now, the next in an hour
	req, err := http.NewRequest(http.MethodGet, "https://api.test/", nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req = req.WithContext(ctx)
	if err := NewCall(http.MethodGet, Policy{}, pacer).BeforeAttempt(req); err != nil {
		t.Fatalf("first attempt: %v", err)
	}
	pacer.Unanswered(time.Now())
	start := time.Now()
	err = NewCall(http.MethodGet, Policy{}, pacer).BeforeAttempt(req)
	var beyond *WaitBeyondDeadlineError
	if !errors.As(err, &beyond) || !beyond.ForTurn {
		t.Errorf("second attempt: %v; want a turn beyond the deadline", err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("gave up after %v; want at once", took)
	}
}

// A change of the pace is news when it moves by a tenth of the last one
// reported or more, starts or ends, or when other processes come or go;
// smaller moves are not, and what is reported becomes the new reference.
func TestRateNewsReportsMovesOfATenthOrMore(t *testing.T) {
	t.Parallel()
	p := NewPacer(0)
	now := time.Now()
	step := func(learned float64) *RateChange {
		p.learner.rate = learned
		return p.rateNews(now)
	}
	if c := step(0); c != nil {
		t.Errorf("no pace before and after: %v; want no news", c)
	}
	if c := step(20); c == nil || c.From != 0 || c.To != 20 {
		t.Errorf("a pace where there was none: %v; want from 0 to 20", c)
	}
	if c := step(21.9); c != nil {
		t.Errorf("20 to 21.9 (9.5 %%): %v; want no news", c)
	}
	if c := step(18.1); c != nil {
		t.Errorf("20 to 18.1 (9.5 %%): %v; want no news", c)
	}
	if c := step(22); c == nil || c.From != 20 || c.To != 22 {
		t.Errorf("20 to 22 (10 %%): %v; want from 20 to 22", c)
	}
	if c := step(20.5); c != nil {
		t.Errorf("22 to 20.5 (7 %% down): %v; want no news", c)
	}
	if c := step(19.7); c == nil || c.From != 22 || c.To != 19.7 {
		t.Errorf("22 to 19.7 (10 %% down): %v; want from 22 to 19.7", c)
	}
	if c := step(0); c == nil || c.From != 19.7 || c.To != 0 {
		t.Errorf("the pace ends: %v; want from 19.7 to 0", c)
	}
	p.learner.rate = 5
	p.rateNews(now)
	p.budget.share.othersAt = now
	p.budget.share.part = 1
	if c := p.rateNews(now); c == nil || !c.Shared || c.From != 5 || c.To != 5 {
		t.Errorf("others seen at the same pace: %v; want the news that the key is shared", c)
	}
	// Without headers, the learner sees them.
	var q Pacer
	q.learner.rate = 5
	q.rateNews(now)
	q.learner.sharedAt = now
	if c := q.rateNews(now); c == nil || !c.Shared {
		t.Errorf("others seen by the learner: %v; want the news that the key is shared", c)
	}
}
