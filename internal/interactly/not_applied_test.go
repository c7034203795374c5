package interactly_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// A failed update says whether it can have been applied: a refusal (a 4xx,
// a 429 whose wait passes the deadline) cannot, and the error counts the
// refusals for rate as they were; anything that may have reached the API as
// a write, a 5xx before the refusal included, may have.
func TestFailedUpdatesSayWhetherTheyMayHaveBeenApplied(t *testing.T) {
	t.Parallel()
	on := true
	cases := []struct {
		name         string
		faults       []emulator.Fault
		wantNothing  bool
		wantRefusals int
	}{
		{"a 429 whose wait passes the deadline", []emulator.Fault{{Method: "PUT", Status: 429, RetryAfter: "300"}}, true, 1},
		{"two 429s, the second's wait past the deadline", []emulator.Fault{
			{Method: "PUT", Status: 429, RetryAfter: "0", Times: 1}, {Method: "PUT", Status: 429, RetryAfter: "300"}}, true, 2},
		{"a 400", []emulator.Fault{{Method: "PUT", Status: 400}}, true, 0},
		{"a 503, then a 429 past the deadline", []emulator.Fault{
			{Method: "PUT", Status: 503, Times: 1}, {Method: "PUT", Status: 429, RetryAfter: "300"}}, false, 1},
		{"a 500", []emulator.Fault{{Method: "PUT", Status: 500}}, false, 0},
		{"a write applied, its answer dropped", []emulator.Fault{{Method: "PUT", Drop: true, Apply: true}}, false, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			emu, client := startEmulator(t)
			for _, f := range tc.faults {
				emu.AddFault(f)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{InboundEnabled: &on})
			if err == nil {
				t.Fatal("the update succeeded; want it to fail")
			}
			if got := interactly.NothingApplied(err); got != tc.wantNothing {
				t.Errorf("NothingApplied(%v) = %v, want %v", err, got, tc.wantNothing)
			}
			if got := interactly.RateRefusals(err); got != tc.wantRefusals {
				t.Errorf("RateRefusals(%v) = %d, want %d", err, got, tc.wantRefusals)
			}
		})
	}
}

// A base URL where nothing listens fails the first call after its retries;
// the calls after it fail at once with the same failure, without a request,
// so that many resources do not each spend their retries on it and the
// provider can explain it once.
func TestAnAddressThatDoesNotAnswerIsRememberedAndShared(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	base := srv.URL
	srv.Close() // nothing listens there any more
	logger := &interactly.RecordingLogger{}
	client, err := interactly.New(interactly.Config{BaseURL: base, APIKey: testKey, MaxRetries: 2, RetryWaitMin: time.Millisecond,
		RetryWaitMax: time.Millisecond, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	_, first := client.ListNumbers(context.Background(), "")
	lines := len(logger.Lines())
	_, second := client.GetAssistant(context.Background(), "asst-a")
	var u1, u2 *interactly.Unreachable
	if !errors.As(first, &u1) || !errors.As(second, &u2) {
		t.Fatalf("errors = %v / %v; want both *Unreachable", first, second)
	}
	if got := len(logger.Lines()); got != lines {
		t.Errorf("the second call logged %d lines; want none: it must not be sent", got-lines)
	}
	if u1 != u2 {
		t.Error("the second call got another failure; want the one the first met, so that it is explained once")
	}
	var reqErr *interactly.RequestError
	if !errors.As(second, &reqErr) || reqErr.Attempts != 3 {
		t.Errorf("the shared failure = %v; want the first call's 3 attempts, the second sending none", second)
	}
	if !interactly.NothingApplied(second) {
		t.Error("a call that never connected may have been applied, says NothingApplied; want nothing applied")
	}
	if !u1.FirstReport() || u2.FirstReport() {
		t.Error("FirstReport must be true for exactly one caller")
	}
}

// Once the address answers again, the memory is dropped: a call that
// connects clears it (here after the memory's time has passed).
func TestAnAddressThatAnswersAgainIsUsedAgain(t *testing.T) {
	t.Parallel()
	now := time.Now()
	clock := func() time.Time { return now }
	emu := emulator.New(emulator.Options{APIKey: testKey, Seed: seed()})
	srv := httptest.NewUnstartedServer(emu)
	base := "http://" + srv.Listener.Addr().String()
	client, err := interactly.New(interactly.Config{BaseURL: base, APIKey: testKey, MaxRetries: 1, RetryWaitMin: time.Millisecond,
		RetryWaitMax: time.Millisecond, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	srv.Listener.Close() // refuse connections at this address for now
	if _, err := client.ListNumbers(context.Background(), ""); !errors.As(err, new(*interactly.Unreachable)) {
		t.Fatalf("err = %v; want *Unreachable while nothing listens", err)
	}
	restarted := httptest.NewUnstartedServer(emu)
	restarted.Listener.Close()
	l, err := listenOn(srv.Listener.Addr().String())
	if err != nil {
		t.Fatalf("cannot listen on the same address again: %v", err)
	}
	restarted.Listener = l
	restarted.Start()
	t.Cleanup(restarted.Close)
	if _, err := client.ListNumbers(context.Background(), ""); !errors.As(err, new(*interactly.Unreachable)) {
		t.Fatalf("err = %v; want the remembered *Unreachable within FailureMemory", err)
	}
	now = now.Add(interactly.FailureMemory)
	if _, err := client.ListNumbers(context.Background(), ""); err != nil {
		t.Fatalf("err = %v; want the listing once the memory has passed and the address answers", err)
	}
}

func listenOn(addr string) (net.Listener, error) { return net.Listen("tcp", addr) }

// An API error made without counting its refusals (outside a call) still
// counts its own 429 once; any other status counts none.
func TestRateRefusalsOfAnErrorOutsideACall(t *testing.T) {
	t.Parallel()
	cases := map[error]int{
		&interactly.APIError{StatusCode: http.StatusTooManyRequests}:                  1,
		&interactly.APIError{StatusCode: http.StatusTooManyRequests, RateRefusals: 3}: 3,
		&interactly.APIError{StatusCode: http.StatusBadRequest}:                       0,
		&interactly.APIError{StatusCode: http.StatusServiceUnavailable}:               0,
		errors.New("not the API's"):                                                   0,
	}
	for err, want := range cases {
		if got := interactly.RateRefusals(err); got != want {
			t.Errorf("RateRefusals(%#v) = %d, want %d", err, got, want)
		}
	}
}
