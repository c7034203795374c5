package interactly_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
)

// A body that breaks off or stalls is a failed attempt: GET and PUT are
// retried, and the answer that finally arrives whole is the one used.
func TestBrokenBodiesAreRetried(t *testing.T) {
	t.Parallel()
	for _, fault := range []emulator.Fault{
		{Method: "GET", CutBody: true, Times: 2},
		{Method: "GET", StallBody: true, Times: 1},
		{Method: "PUT", CutBody: true, Times: 2},
		{Method: "PUT", StallBody: true, Times: 1},
	} {
		name := fault.Method + " cut"
		if fault.StallBody {
			name = fault.Method + " stalled"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			emu, client := startEmulator(t, func(c *interactly.Config) { c.RequestTimeout = 500 * time.Millisecond })
			emu.AddFault(fault)
			ctx := context.Background()
			route := "GET /assistants/v1/numbers"
			if fault.Method == "GET" {
				numbers, err := client.ListNumbers(ctx, "")
				if err != nil || len(numbers) != 2 {
					t.Fatalf("ListNumbers() = %d numbers, %v; want both after retries", len(numbers), err)
				}
			} else {
				route = "PUT /assistants/v1/numbers/{id}"
				off := false
				n, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{InboundEnabled: &off})
				if err != nil || n.ID != "num-1" || *n.InboundEnabled {
					t.Fatalf("UpdateNumber() = %+v, %v; want the updated number after retries", n, err)
				}
			}
			if got, want := emu.Counts()[route], fault.Times+1; got != want {
				t.Errorf("requests = %d, want %d", got, want)
			}
		})
	}
}

// When retries run out, the error says what happened to the body.
func TestBrokenBodyErrorSaysWhatHappened(t *testing.T) {
	t.Parallel()
	cases := []struct {
		fault emulator.Fault
		want  []string
	}{
		{emulator.Fault{Method: "GET", CutBody: true}, []string{"failed after 3 attempts", "the body of the HTTP 200 answer broke off after", "announced", "unexpected EOF"}},
		{emulator.Fault{Method: "GET", StallBody: true}, []string{"failed after 3 attempts", "the body of the HTTP 200 answer stalled after", "time limit of 300ms"}},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.want[1:2], ""), func(t *testing.T) {
			t.Parallel()
			emu, client := startEmulator(t, func(c *interactly.Config) {
				c.MaxRetries = 2
				c.RequestTimeout = 300 * time.Millisecond
			})
			emu.AddFault(tc.fault)
			numbers, err := client.ListNumbers(context.Background(), "")
			var bodyErr *transport.BodyError
			if numbers != nil || !errors.As(err, &bodyErr) {
				t.Fatalf("ListNumbers() = %v, %v; want no numbers and a body error", numbers, err)
			}
			for _, want := range tc.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
			if got := emu.Counts()[listRoute]; got != 3 {
				t.Errorf("requests = %d, want 3", got)
			}
		})
	}
}
