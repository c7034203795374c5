package transport

import (
	"context"
	"net/http"
	"testing"
	"testing/synctest"
	"time"
)

// turn lets one attempt through p and returns what it waited for.
func turn(t *testing.T, p *Pacer) []Wait {
	t.Helper()
	_, waits, err := p.WaitTurn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return waits
}

// An attempt held by the pace learned from 429s waits for "pacing"; one held
// by the pace the API announced waits for "rate-limit headers"; one not held
// reports no wait; and none stays counted as queued once let through.
func TestWaitTurnNamesWhatHeldTheAttempt(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		learned := NewPacer(0)
		if waits := turn(t, learned); len(waits) != 0 {
			t.Errorf("the first attempt waited for %v; want nothing", waits)
		}
		learned.Answered(time.Now(), &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{}})
		turn(t, learned)
		waits := turn(t, learned)
		if len(waits) != 1 || waits[0].Reason != WaitPacing || waits[0].Length < time.Millisecond {
			t.Errorf("under the learned pace of %v a second the attempt waited for %v; want pacing", learned.Rate(), waits)
		}
		if learned.queued != 0 {
			t.Errorf("%d attempts still counted as queued after all were let through", learned.queued)
		}

		announced, _ := toldPacer(t, "X-RateLimit-Limit", "10", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1")
		turn(t, announced)
		waits = turn(t, announced)
		if len(waits) != 1 || waits[0].Reason != WaitBudget {
			t.Errorf("under the announced pace the attempt waited for %v; want rate-limit headers", waits)
		}
		if announced.queued != 0 {
			t.Errorf("%d attempts still counted as queued after all were let through", announced.queued)
		}
	})
}
