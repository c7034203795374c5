package emulator

import (
	"context"
	"maps"
	"net/http"
	"testing"
	"time"
)

func TestCounts(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	srv.AddFault(Fault{Route: purchaseRoute.path, Status: 503, Times: 1})
	anon := client{t: t, base: c.base}

	c.do("GET", "/assistants/v1/numbers", "")
	c.do("GET", "/assistants/v1/numbers?label=sales", "")
	c.do("HEAD", "/assistants/v1/numbers", "")                             // answered by the GET route
	anon.do("GET", "/assistants/v1/numbers", "")                           // 401
	c.do("PUT", "/assistants/v1/numbers/id-1", `{}`)                       // 200
	c.do("PUT", "/assistants/v1/numbers/id-9", `{}`)                       // 404
	c.do("POST", "/assistants/v1/numbers/purchase", `{"number": "+1415"}`) // fault
	c.do("POST", "/assistants/v1/numbers/purchase", `{"number": "+1415"}`) // 200
	c.do("POST", "/assistants/v1/numbers/twilio", `{"number": "+1416"}`)   // 200
	c.do("DELETE", "/assistants/v1/numbers/id-1", "")                      // no route
	c.do("GET", "/_emulator/health", "")                                   // admin
	c.do("GET", "/_emulator/counts", "")                                   // admin

	want := map[string]int{
		"GET /assistants/v1/numbers":             4,
		"PUT /assistants/v1/numbers/{id}":        2,
		"POST /assistants/v1/numbers/purchase":   2,
		"POST /assistants/v1/numbers/{provider}": 1,
	}
	if got := srv.Counts(); !maps.Equal(got, want) {
		t.Errorf("Counts() = %v, want %v", got, want)
	}
	var served map[string]int
	c.do("GET", "/_emulator/counts", "").decode(t, &served)
	wantServed := maps.Clone(want)
	for status, n := range srv.StatusCounts() {
		wantServed[statusCountKey(status)] = n
	}
	if wantServed["status 401"] != 1 || wantServed["status 404"] != 1 || !maps.Equal(served, wantServed) {
		t.Errorf("GET /_emulator/counts = %v, want %v with one 401 and one 404", served, wantServed)
	}

	// Counts returns a copy.
	srv.Counts()["GET /assistants/v1/numbers"] = 100
	if got := srv.Counts()["GET /assistants/v1/numbers"]; got != 4 {
		t.Errorf("changing Counts()'s map changed the count to %d", got)
	}

	if res := c.do("POST", "/_emulator/counts/reset", ""); res.status != http.StatusNoContent {
		t.Errorf("reset: status %d, want 204", res.status)
	}
	if got := srv.Counts(); len(got) != 0 {
		t.Errorf("after reset: %v, want no counts", got)
	}
	c.do("GET", "/assistants/v1/numbers", "")
	srv.ResetCounts()
	if got := srv.Counts(); len(got) != 0 {
		t.Errorf("after ResetCounts: %v, want no counts", got)
	}
}

func TestRateLimitedRequestsCount(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{RateLimit: 0.01})
	for range 3 {
		c.do("GET", "/assistants/v1/numbers", "")
	}
	if got := srv.Counts()["GET /assistants/v1/numbers"]; got != 3 {
		t.Errorf("count %d, want 3 including the two 429s", got)
	}
}

// Admin routes skip the key, faults, the rate limit and the latency: with an
// hour of latency, answers within the generous deadline prove the last.
func TestAdminBypassesAPISteps(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Latency: time.Hour, RateLimit: 0.01})
	srv.AddFault(Fault{Status: 500})
	anon := client{t: t, base: c.base}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	get := func(method, path string) response {
		t.Helper()
		res, err := anon.send(ctx, method, path, "")
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		return res
	}
	for range 3 {
		if res := get("GET", "/_emulator/health"); res.status != http.StatusOK || string(res.body) != "ok" {
			t.Errorf("health: status %d, body %q; want 200 ok", res.status, res.body)
		}
		if res := get("GET", "/_emulator/counts"); res.status != http.StatusOK || string(res.body) != "{}\n" {
			t.Errorf("counts: status %d, body %q; want 200 {}", res.status, res.body)
		}
		if res := get("POST", "/_emulator/counts/reset"); res.status != http.StatusNoContent {
			t.Errorf("reset: status %d, want 204", res.status)
		}
	}
	if got := srv.Counts(); len(got) != 0 {
		t.Errorf("admin requests were counted: %v", got)
	}
}
