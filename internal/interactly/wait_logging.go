package interactly

import (
	"context"
	"errors"
	"math"

	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
)

// callObserver logs at DEBUG what holds one API call back: each wait with
// its reason and length, and each change of the pace the process holds to.
// A slow run's log then says where its time went.
type callObserver struct {
	logger       Logger
	method, path string
}

var _ transport.Observer = callObserver{}

func (o callObserver) fields(more map[string]any) map[string]any {
	fields := map[string]any{"http_method": o.method, "http_path": o.path}
	for k, v := range more {
		fields[k] = v
	}
	return fields
}

// Waiting logs a wait before a retry as it starts, so that a long
// Retry-After shows in the log at once rather than after it.
func (o callObserver) Waiting(ctx context.Context, w transport.Wait) {
	o.logger.Debug(ctx, "API call waiting before a retry", o.fields(map[string]any{
		"wait_reason": string(w.Reason),
		"wait_ms":     w.Length.Milliseconds(),
		"attempt":     transport.CallFrom(ctx).Attempts(),
	}))
}

// Waited logs a wait for an attempt's turn once it is over.
func (o callObserver) Waited(ctx context.Context, w transport.Wait) {
	o.logger.Debug(ctx, "API call waited for its turn", o.fields(map[string]any{
		"wait_reason": string(w.Reason),
		"wait_ms":     w.Length.Milliseconds(),
	}))
}

// RateChanged logs a change of the pace.
func (o callObserver) RateChanged(ctx context.Context, change transport.RateChange) {
	o.logger.Debug(ctx, "API request pace changed", o.fields(map[string]any{
		"pace_from_per_second": roundRate(change.From),
		"pace_to_per_second":   roundRate(change.To),
		"key_shared":           change.Shared,
	}))
}

func roundRate(r float64) float64 { return math.Round(r*100) / 100 }

// logGiveUp logs a call that ended without success after retrying, or that
// gave up a retry its deadline would not allow: the error says so too, but
// a caller that only needs a clear answer (a plan-time check) may drop it.
func (c *Client) logGiveUp(ctx context.Context, method, path string, attempts int, err error) {
	var beyond *transport.WaitBeyondDeadlineError
	if attempts <= 1 && !errors.As(err, &beyond) {
		return
	}
	c.logger.Debug(ctx, "API call gave up", map[string]any{
		"http_method": method,
		"http_path":   path,
		"attempts":    attempts,
		"error":       err.Error(),
	})
}
