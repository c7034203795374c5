package transport

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"testing"
)

type neverSentError struct{ never bool }

func (e neverSentError) Error() string   { return "refused before sending" }
func (e neverSentError) NeverSent() bool { return e.never }

// Each attempt's outcome says whether the API may have acted on the call:
// a 4xx answer was a refusal, a success or a 5xx may have been acted on, a
// connection never made was not, one broken after sending may have been.
func TestNoteOutcomeSaysWhatTheAPIMayHaveDone(t *testing.T) {
	answer := func(status int) *http.Response { return &http.Response{StatusCode: status} }
	dial := &net.OpError{Op: "dial", Err: errors.New("connection refused")}
	broken := &net.OpError{Op: "read", Err: errors.New("connection reset")}
	for _, tc := range []struct {
		name                 string
		resp                 *http.Response
		err                  error
		acted, connected     bool
		refusalsForRateAfter int
	}{
		{"200", answer(200), nil, true, true, 0},
		{"399", answer(399), nil, true, true, 0},
		{"400", answer(400), nil, false, true, 0},
		{"429", answer(429), nil, false, true, 1},
		{"499", answer(499), nil, false, true, 0},
		{"500", answer(500), nil, true, true, 0},
		{"503", answer(503), nil, true, true, 0},
		{"dial refused", nil, dial, false, false, 0},
		{"dial refused, wrapped", nil, fmt.Errorf("Put: %w", dial), false, false, 0},
		{"no such host", nil, &net.DNSError{Err: "no such host", Name: "api.invalid"}, false, false, 0},
		{"a dialer that refused the address", nil, neverSentError{never: true}, false, false, 0},
		{"an error that was sent", nil, neverSentError{never: false}, true, true, 0},
		{"broken after sending", nil, broken, true, true, 0},
		{"nothing", nil, nil, false, false, 0},
	} {
		c := NewCall(http.MethodPost, Policy{MaxRetries: 3}, NewPacer(0))
		c.noteOutcome(tc.resp, tc.err)
		if c.MayHaveActed() != tc.acted || c.Connected() != tc.connected || c.RateRefusals() != tc.refusalsForRateAfter {
			t.Errorf("%s: acted %v connected %v refusals %d; want %v %v %d", tc.name,
				c.MayHaveActed(), c.Connected(), c.RateRefusals(), tc.acted, tc.connected, tc.refusalsForRateAfter)
		}
	}
}

// Refusals add up over the attempts, and one attempt that may have been
// acted on marks the whole call.
func TestNoteOutcomeAddsUpAttempts(t *testing.T) {
	c := NewCall(http.MethodPost, Policy{MaxRetries: 3}, NewPacer(0))
	c.noteOutcome(&http.Response{StatusCode: 429}, nil)
	c.noteOutcome(&http.Response{StatusCode: 429}, nil)
	if c.MayHaveActed() || c.RateRefusals() != 2 {
		t.Errorf("after two 429s: acted %v, refusals %d", c.MayHaveActed(), c.RateRefusals())
	}
	c.noteOutcome(&http.Response{StatusCode: 502}, nil)
	c.noteOutcome(&http.Response{StatusCode: 429}, nil)
	if !c.MayHaveActed() || c.RateRefusals() != 3 {
		t.Errorf("after a 502 among them: acted %v, refusals %d", c.MayHaveActed(), c.RateRefusals())
	}
	var none *Call
	if none.MayHaveActed() || none.Connected() || none.RateRefusals() != 0 {
		t.Error("a call that never was says something happened")
	}
}
