package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestFaultStatusTimes(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	srv.AddFault(Fault{Method: "PUT", Route: updateRoute.path, Status: 503, Times: 2, RetryAfter: "1"})
	for i := range 2 {
		res := c.do("PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`)
		res.wantError(t, http.StatusServiceUnavailable, "fault injected by the emulator")
		if got := res.header.Get("Retry-After"); got != "1" {
			t.Errorf("request %d: Retry-After %q, want 1", i, got)
		}
		// Other routes are not affected.
		if res := c.do("GET", "/assistants/v1/numbers", ""); res.status != http.StatusOK {
			t.Errorf("GET during a PUT fault: status %d", res.status)
		}
	}
	if n, _ := srv.GetNumber("id-1"); !n.InboundEnabled {
		t.Error("a faulted PUT changed the number")
	}
	res := c.do("PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`)
	if res.status != http.StatusOK || res.header.Get("Retry-After") != "" {
		t.Errorf("third PUT: status %d, Retry-After %q; want 200 without Retry-After", res.status, res.header.Get("Retry-After"))
	}
}

func TestFaultOrderAndClear(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	srv.AddFault(Fault{Route: listRoute.path, Status: 500, Times: 1})
	srv.AddFault(Fault{Method: "GET", Status: 502})
	srv.AddFault(Fault{Status: 504}) // shadowed by the one above for GET
	var got []int
	for range 3 {
		got = append(got, c.do("GET", "/assistants/v1/numbers", "").status)
	}
	if want := []int{500, 502, 502}; !slices.Equal(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
	if res := c.do("POST", "/assistants/v1/numbers/purchase", `{"number": "+14155550199"}`); res.status != 504 {
		t.Errorf("POST: status %d, want the catch-all fault's 504", res.status)
	}
	srv.ClearFaults()
	if res := c.do("GET", "/assistants/v1/numbers", ""); res.status != http.StatusOK {
		t.Errorf("after ClearFaults: status %d, want 200", res.status)
	}
}

func TestFaultBeforeAuth(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	srv.AddFault(Fault{Status: 503})
	anon := client{t: t, base: c.base}
	anon.do("GET", "/assistants/v1/numbers", "").wantError(t, http.StatusServiceUnavailable, "fault")
}

func TestFaultLatency(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	const delay = 50 * time.Millisecond
	srv.AddFault(Fault{Method: "GET", Latency: delay, Times: 1})
	begin := time.Now()
	res := c.do("GET", "/assistants/v1/numbers", "")
	if elapsed := time.Since(begin); elapsed < delay {
		t.Errorf("answered in %v, want at least %v", elapsed, delay)
	}
	var numbers []Number
	res.decode(t, &numbers)
	if res.status != http.StatusOK || len(numbers) != 3 {
		t.Errorf("a latency-only fault changed the answer: status %d, %d numbers", res.status, len(numbers))
	}
}

func TestFaultHang(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	srv.AddFault(Fault{Method: "PUT", Hang: true, Times: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := c.send(ctx, "PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v, want the client's deadline", err)
	}
	if n, _ := srv.GetNumber("id-1"); !n.InboundEnabled {
		t.Error("a hung PUT changed the number")
	}
	// The hung handler was released: the next request is answered.
	if res := c.do("PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`); res.status != http.StatusOK {
		t.Errorf("after the hang: status %d, want 200", res.status)
	}
}

func TestFaultDrop(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	// PUT, unlike GET, is not retried by net/http on a dropped connection.
	srv.AddFault(Fault{Method: "PUT", Drop: true, Times: 1})
	if _, err := c.send(context.Background(), "PUT", "/assistants/v1/numbers/id-1", `{}`); err == nil {
		t.Fatal("a dropped request succeeded")
	}
	if res := c.do("PUT", "/assistants/v1/numbers/id-1", `{}`); res.status != http.StatusOK {
		t.Errorf("after the drop: status %d, want 200", res.status)
	}
}

func TestFaultMalformed(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	srv.AddFault(Fault{Malformed: true})
	res := c.do("GET", "/assistants/v1/numbers", "")
	if res.status != http.StatusOK {
		t.Errorf("status %d, want 200", res.status)
	}
	var numbers []Number
	if err := json.Unmarshal(res.body, &numbers); err == nil {
		t.Errorf("body %q decoded as a list", res.body)
	}
	var n Number
	if err := json.NewDecoder(strings.NewReader(string(res.body))).Decode(&n); err == nil {
		t.Errorf("body %q decoded as a number", res.body)
	}
}

// failures runs requests GETs through a server with a fail-rate fault and
// returns which of them failed.
func failures(seed int64, requests int) []bool {
	srv := New(Options{APIKey: testKey})
	srv.AddFault(Fault{Status: 503, FailRate: 0.25, Seed: seed})
	failed := make([]bool, requests)
	for i := range failed {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptestRequest("GET", "/assistants/v1/numbers"))
		failed[i] = rec.Code == 503
	}
	return failed
}

func TestFaultFailRate(t *testing.T) {
	t.Parallel()
	const requests = 200
	a, b, other := failures(7, requests), failures(7, requests), failures(8, requests)
	if !slices.Equal(a, b) {
		t.Error("the same seed gave different failures")
	}
	if slices.Equal(a, other) {
		t.Error("different seeds gave the same failures")
	}
	n := 0
	for _, failed := range a {
		if failed {
			n++
		}
	}
	// 50 expected; the bounds are more than 3 standard deviations away.
	if n < 30 || n > 70 {
		t.Errorf("%d of %d requests failed, want about a quarter", n, requests)
	}
}
