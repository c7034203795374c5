package transport

import (
	"net/http"
	"testing"
	"testing/synctest"
	"time"
)

// The rate advice may name is one the API accepted: none after a storm of
// 429s in which it accepted nothing (the pace is then the floor the pacer
// fell to), the pace once it accepts again.
func TestObservedRateOnlyWhenTheAPIAcceptedLately(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := NewPacer(0)
		refused := &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{}}
		for range 5 {
			p.Answered(mustWait(t, p), refused)
		}
		if p.Rate() <= 0 {
			t.Fatal("no pace after five 429s")
		}
		if got := p.ObservedRate(); got != 0 {
			t.Errorf("observed rate %v after 429s alone; want none", got)
		}
		p.Answered(mustWait(t, p), okAnswer())
		if got := p.ObservedRate(); got <= 0 {
			t.Errorf("observed rate %v with an accepted answer just now; want the pace", got)
		}
		time.Sleep(2 * trustFor)
		p.Answered(mustWait(t, p), refused)
		if got := p.ObservedRate(); got != 0 {
			t.Errorf("observed rate %v when the API last accepted %v ago; want none", got, 2*trustFor)
		}
	})
}

// A change of the pace is news once: the drop after a refusal, not every
// small step of the growth after it.
func TestPaceChangesAreReportedWhenTheyMatter(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := NewPacer(0)
		if change := p.Answered(mustWait(t, p), okAnswer()); change != nil {
			t.Errorf("an accepted answer without pacing reported %+v", *change)
		}
		refused := &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{}}
		change := p.Answered(mustWait(t, p), refused)
		if change == nil || change.From != 0 || change.To <= 0 {
			t.Fatalf("the first refusal reported %+v; want a change from no pace to one", change)
		}
		if again := p.Answered(mustWait(t, p), refused); again != nil {
			t.Errorf("a refusal that left the pace as it was reported %+v", *again)
		}
	})
}
