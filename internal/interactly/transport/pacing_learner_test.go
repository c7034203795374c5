package transport

import (
	"math"
	"testing"
	"time"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The first refusal after a full second of sending lands just under what the
// API accepted (or what was sent, when less), and trusts it as the ceiling.
func TestLearnerHoldsUnderTheAcceptedRate(t *testing.T) {
	t.Parallel()
	var l learner
	l.refused(t0, t0, 60, 40, true)
	if want := 40 * holdFactor; !near(l.rate, want) || l.ceiling != 40 {
		t.Errorf("after a refusal with 60 sent and 40 accepted: rate %v, ceiling %v; want %v, 40", l.rate, l.ceiling, want)
	}
	var fewSent learner
	fewSent.refused(t0, t0, 30, 40, true)
	if want := 30 * holdFactor; !near(fewSent.rate, want) {
		t.Errorf("after a refusal with 30 sent and 40 accepted: rate %v, want %v", fewSent.rate, want)
	}
	// Nothing accepted (another client used the quota up): the minimum,
	// and no ceiling to trust.
	var none learner
	none.refused(t0, t0, 30, 0, true)
	if none.rate != minAdaptiveRate || none.ceiling != 0 {
		t.Errorf("after a refusal with nothing accepted: rate %v, ceiling %v; want %v and none", none.rate, none.ceiling, minAdaptiveRate)
	}
}

// Within the first second of sending, the measure is a burst, not a rate:
// no ceiling is trusted, the drop goes to what was sent (the same in
// processes of one key that started together, while who got the few
// accepted answers is chance), and the answers still coming in raise it.
func TestLearnerDistrustsAPartialSecond(t *testing.T) {
	t.Parallel()
	var l learner
	l.refused(t0, t0, 10, 2, false)
	if l.ceiling != 0 || !near(l.rate, 10*holdFactor) {
		t.Fatalf("after a refusal in the first second with 10 sent and 2 accepted: rate %v, ceiling %v; want %v and none", l.rate, l.ceiling, 10*holdFactor)
	}
	l.accepted(t0.Add(10*time.Millisecond), 12, false)
	if want := 12 * holdFactor; !near(l.rate, want) {
		t.Errorf("rate %v after a 12th answer accepted within the second; want %v", l.rate, want)
	}
	l.accepted(t0.Add(dropSettle), 30, false)
	if want := 12 * holdFactor; !near(l.rate, want) {
		t.Errorf("rate %v after an answer a second after the drop; want it left at %v", l.rate, want)
	}
}

// Twenty requests refused together are one piece of news; a refusal soon
// after the drop could show says the drop was not enough.
func TestLearnerDropsOncePerEpisode(t *testing.T) {
	t.Parallel()
	var l learner
	l.refused(t0, t0, 60, 50, true)
	for i := range 20 {
		l.refused(t0.Add(time.Duration(i)*time.Millisecond), t0.Add(dropSettle-time.Millisecond), 60, 50, true)
	}
	if want := 50 * holdFactor; !near(l.rate, want) {
		t.Fatalf("rate %v after refusals of one episode; want one drop, to %v", l.rate, want)
	}
	// Refused again right after the drop could show: below the rate refused.
	at := t0.Add(dropSettle + 100*time.Millisecond)
	l.refused(at, at, 50, 50, true)
	if want := 50 * holdFactor * repeatFactor * holdFactor; !near(l.rate, want) {
		t.Errorf("rate %v after a refusal right after the drop; want %v", l.rate, want)
	}
	// Later, a refusal is a new episode measured afresh.
	later := at.Add(5 * time.Second)
	l.refused(later, later, 45, 44, true)
	if want := 44 * holdFactor; !near(l.rate, want) {
		t.Errorf("rate %v after a refusal seconds later; want %v", l.rate, want)
	}
}

// Far below the ceiling the rate grows fast; just under it, slowly; past it
// steadily, and fast again once the ceiling is stale. Never without attempts
// waiting.
func TestLearnerGrowth(t *testing.T) {
	t.Parallel()
	now := t0.Add(time.Minute)
	l := learner{rate: 10, ceiling: 50, lastDrop: now}
	l.accepted(now, 10, false)
	if l.rate != 10 {
		t.Fatalf("rate grew to %v with nothing waiting for the pace", l.rate)
	}
	l.accepted(now, 10, true)
	if want := 10 + fastGrowth; l.rate != want {
		t.Errorf("far below the ceiling: rate %v, want %v", l.rate, want)
	}
	l.rate = 48
	l.accepted(now, 48, true)
	if want := 48 + probeGrowth*50/48; !near(l.rate, want) {
		t.Errorf("just under the ceiling: rate %v, want %v", l.rate, want)
	}
	l.rate = 50
	l.accepted(now, 50, true)
	if want := 50 + beyondGrowth; !near(l.rate, want) {
		t.Errorf("at the ceiling: rate %v, want %v", l.rate, want)
	}
	l.accepted(now.Add(staleAfter), 50, true)
	if l.ceiling != 0 {
		t.Errorf("ceiling %v after %v above it without a refusal; want it dropped as stale", l.ceiling, staleAfter)
	}
	// An old ceiling is stale as soon as the rate reaches it.
	old := learner{rate: 2, ceiling: 2, lastDrop: now.Add(-trustFor)}
	old.accepted(now, 2, true)
	if old.ceiling != 0 {
		t.Errorf("a ceiling measured %v ago is still trusted", trustFor)
	}
	// Before any refusal there is no pacing to grow.
	var fresh learner
	fresh.accepted(now, 100, true)
	if fresh.rate != 0 {
		t.Errorf("an accepted answer started pacing at %v", fresh.rate)
	}
}

// Processes of one key: a trusted measure well under the highest one taken
// says others spend it. The rate is then cut deeper and grows by the same
// number of requests a second whatever it is, faster the longer since the
// last refusal.
func TestLearnerSharesAKeyWithOthers(t *testing.T) {
	t.Parallel()
	var l learner
	l.refused(t0, t0, 20, 20, true)
	if l.sharing(t0) || !near(l.rate, 20*holdFactor) {
		t.Fatalf("after the first trusted refusal: sharing %v, rate %v; want alone at %v", l.sharing(t0), l.rate, 20*holdFactor)
	}
	at := t0.Add(5 * time.Second)
	l.refused(at, at, 10, 10, true)
	if !l.sharing(at) || !near(l.rate, 10*sharedFactor) {
		t.Fatalf("10 accepted after 20 earlier: sharing %v, rate %v; want sharing at %v", l.sharing(at), l.rate, 10*sharedFactor)
	}
	small, big := l, l
	big.rate = 3 * small.rate
	small.accepted(at, 7, true)
	big.accepted(at, 21, true)
	// An answer is 1/rate of a second's worth: the growth a second is the
	// same for both.
	if a, b := (small.rate-7)*7, (big.rate-21)*21; !near(a, sharedGrowth) || !near(b, sharedGrowth) {
		t.Errorf("growth a second %v at 7/s and %v at 21/s; want %v for both", a, b, sharedGrowth)
	}
	later := l
	later.accepted(at.Add(sharedDoubling), 7, true)
	if got := (later.rate - 7) * 7; !near(got, 2*sharedGrowth) {
		t.Errorf("growth a second %v %v after the last refusal; want twice %v", got, sharedDoubling, sharedGrowth)
	}
	if l.sharing(at.Add(sharedMemory)) {
		t.Errorf("still sharing %v after the refusal that showed others", sharedMemory)
	}
}

// One refusal closes nothing; a refusal of an attempt sent after it was
// heard holds the others for a doubling number of pace intervals, at most
// half of what Retry-After leaves, until an attempt sent after it is
// accepted.
func TestGateHoldsAfterRepeatedRefusals(t *testing.T) {
	t.Parallel()
	var g gate
	interval := 50 * time.Millisecond
	g.refused(t0, t0, time.Second, interval)
	if _, closed := g.closedUntil(t0); closed {
		t.Fatal("closed after one refusal")
	}
	at := t0.Add(interval)
	g.refused(at, at.Add(-time.Millisecond), time.Second, interval)
	if until, closed := g.closedUntil(at); !closed || until != at.Add(2*interval) {
		t.Fatalf("after a second refusal in a row: closed %v until %v; want until %v", closed, until, at.Add(2*interval))
	}
	at2 := at.Add(2 * interval)
	g.refused(at2, at2, time.Second, interval)
	if until, _ := g.closedUntil(at2); until != at2.Add(4*interval) {
		t.Errorf("after a third: until %v; want %v", until, at2.Add(4*interval))
	}
	at3 := at2.Add(4 * interval)
	g.refused(at3, at3, time.Second, time.Second)
	// The first refusal said the key opens by t0+1s.
	if until, _ := g.closedUntil(at3); until != at3.Add(t0.Add(time.Second).Sub(at3)/2) {
		t.Errorf("with a slow pace: until %v; want half of what the first Retry-After left", until)
	}
	g.accepted(at3.Add(time.Millisecond))
	if _, closed := g.closedUntil(at3.Add(time.Millisecond)); closed {
		t.Error("still closed after an attempt sent after the refusals was accepted")
	}
}

// Only the first drop goes to what was sent: a later untrusted one, with a
// pace already set, goes to what the API accepted, so that a burst the API
// refused does not set the pace above its limit again.
func TestLearnerLaterUntrustedDropGoesToTheAccepted(t *testing.T) {
	t.Parallel()
	var l learner
	l.refused(t0, t0, 28, 20, false)
	if want := 28 * holdFactor; !near(l.rate, want) {
		t.Fatalf("first drop to %v; want %v, what was sent", l.rate, want)
	}
	at := t0.Add(3 * dropSettle)
	l.refused(at, at, 30, 20, false)
	if l.rate > 20 {
		t.Errorf("a later untrusted drop to %v with 30 sent and 20 accepted; want it under the 20 accepted", l.rate)
	}
}
