package transport

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"testing"
	"time"
)

func newTestCall(method string, maxRetries int) *Call {
	return NewCall(method, Policy{MaxRetries: maxRetries, WaitMin: time.Millisecond, WaitMax: time.Millisecond}, NewPacer(0))
}

func TestCheckRetry(t *testing.T) {
	t.Parallel()
	connErr := &url.Error{Op: "Get", URL: "http://127.0.0.1:1", Err: errors.New("connection refused")}
	schemeErr := &url.Error{Op: "Get", URL: "ftp://x", Err: errors.New("unsupported protocol scheme \"ftp\"")}
	dialErr := &url.Error{Op: "Post", URL: "http://127.0.0.1:1", Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}}
	resetErr := &url.Error{Op: "Post", URL: "http://127.0.0.1:1", Err: &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}}
	bodyErr := &BodyError{Status: 200, Read: 10, Expected: 20, Err: io.ErrUnexpectedEOF}
	invalid := errors.New("HTTP 200 with a body that is not a valid answer")
	cases := []struct {
		method string
		status int // 0: no response
		err    error
		want   bool
	}{
		{"GET", 200, nil, false},
		{"GET", 404, nil, false},
		{"GET", 500, nil, false},
		{"GET", 429, nil, true},
		{"GET", 502, nil, true},
		{"PUT", 503, nil, true},
		{"PUT", 504, nil, true},
		{"PUT", 400, nil, false},
		{"GET", 0, connErr, true},
		{"GET", 0, schemeErr, false},
		{"GET", 200, bodyErr, true},
		{"PUT", 200, bodyErr, true},
		{"PATCH", 503, nil, true},
		{"PATCH", 429, nil, true},
		{"PATCH", 0, connErr, true},
		{"PATCH", 200, bodyErr, true},
		{"PATCH", 400, nil, false},
		{"GET", 200, invalid, false},
		{"DELETE", 502, nil, true},
		{"DELETE", 0, connErr, true},
		// A POST is repeated only when the API cannot have acted on it:
		// a 429, or a connection never made.
		{"POST", 429, nil, true},
		{"POST", 0, dialErr, true},
		{"POST", 503, nil, false},
		{"POST", 500, nil, false},
		{"POST", 0, connErr, false},
		{"POST", 0, resetErr, false},
		{"POST", 200, bodyErr, false},
	}
	for _, tc := range cases {
		var resp *http.Response
		if tc.status != 0 {
			resp = &http.Response{StatusCode: tc.status}
		}
		got, _ := newTestCall(tc.method, 3).CheckRetry(context.Background(), resp, tc.err)
		if got != tc.want {
			t.Errorf("%s status %d err %v: retry = %v, want %v", tc.method, tc.status, tc.err, got, tc.want)
		}
	}
}

func TestCheckRetryStopsOnCancelledContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	retry, err := newTestCall("GET", 3).CheckRetry(ctx, &http.Response{StatusCode: 503}, nil)
	if retry || !errors.Is(err, context.Canceled) {
		t.Errorf("retry = %v, err = %v; want no retry and context.Canceled", retry, err)
	}
}

// MaxRetries bounds the failures; 429s have a budget of their own, so a
// call under a rate limit is not lost to a few refusals.
func TestRetryBudgets(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	refused := &http.Response{StatusCode: http.StatusTooManyRequests}
	unavailable := &http.Response{StatusCode: http.StatusServiceUnavailable}

	call := newTestCall("GET", 2)
	for i := range maxRefusals {
		if retry, _ := call.CheckRetry(ctx, refused, nil); !retry {
			t.Fatalf("429 number %d not retried with MaxRetries 2", i+1)
		}
	}
	if retry, _ := call.CheckRetry(ctx, refused, nil); retry {
		t.Errorf("429 number %d retried; the refusals' budget is %d", maxRefusals+1, maxRefusals)
	}
	for i := range 2 {
		if retry, _ := call.CheckRetry(ctx, unavailable, nil); !retry {
			t.Fatalf("503 number %d not retried after the 429s; they must not spend MaxRetries", i+1)
		}
	}
	if retry, _ := call.CheckRetry(ctx, unavailable, nil); retry {
		t.Error("a third 503 retried with MaxRetries 2")
	}

	none := newTestCall("GET", 0)
	if retry, _ := none.CheckRetry(ctx, refused, nil); retry {
		t.Error("a 429 retried with MaxRetries 0, which disables retries")
	}
}

// The backoff grows with this call's failures, not with its 429s.
func TestBackoffCountsFailuresAndRefusalsApart(t *testing.T) {
	t.Parallel()
	var attempts []int
	call := NewCall("GET", Policy{MaxRetries: 5, Backoff: func(_, _ time.Duration, attempt int, _ *http.Response) time.Duration {
		attempts = append(attempts, attempt)
		return 0
	}}, NewPacer(0))
	ctx := context.Background()
	refused := &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{}}
	unavailable := &http.Response{StatusCode: http.StatusServiceUnavailable, Header: http.Header{}}
	for _, resp := range []*http.Response{refused, refused, refused, unavailable, unavailable} {
		_, _ = call.CheckRetry(ctx, resp, nil)
		call.Backoff(0, 0, 99, resp)
	}
	want := []int{0, 1, 2, 0, 1}
	for i := range want {
		if attempts[i] != want[i] {
			t.Fatalf("backoff exponents %v, want %v", attempts, want)
		}
	}
}
