package emulator

import (
	"net/http"
	"slices"
	"testing"
)

// An outage switched on and off at run time, and the hits of each fault.
func TestAdminFaults(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	admin := client{t: t, base: c.base}
	res := admin.do("POST", "/_emulator/faults", "GET /assistants/v1/numbers status=503 times=2\n")
	if res.status != http.StatusCreated {
		t.Fatalf("POST: status %d, want 201; body %s", res.status, res.body)
	}
	admin.do("POST", "/_emulator/faults", `* * status=502 apply`)
	c.do("GET", "/assistants/v1/numbers", "").wantError(t, http.StatusServiceUnavailable, "fault")
	c.do("PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`).wantError(t, http.StatusBadGateway, "fault")

	var views []faultView
	admin.do("GET", "/_emulator/faults", "").decode(t, &views)
	want := []faultView{
		{Spec: "GET /assistants/v1/numbers status=503 times=2", Hits: 1},
		{Spec: "* * status=502 apply", Hits: 1},
	}
	if !slices.Equal(views, want) {
		t.Errorf("GET /_emulator/faults = %+v, want %+v", views, want)
	}
	if n, _ := srv.GetNumber("id-1"); n.InboundEnabled {
		t.Error("the apply fault added at run time did not apply the PUT")
	}

	if res := admin.do("DELETE", "/_emulator/faults", ""); res.status != http.StatusNoContent {
		t.Errorf("DELETE: status %d, want 204", res.status)
	}
	if res := c.do("GET", "/assistants/v1/numbers", ""); res.status != http.StatusOK {
		t.Errorf("after DELETE /_emulator/faults: status %d, want 200", res.status)
	}
	admin.do("GET", "/_emulator/faults", "").decode(t, &views)
	if len(views) != 0 {
		t.Errorf("faults after DELETE: %+v", views)
	}
	admin.do("POST", "/_emulator/faults", "PUT /nowhere status=500").wantError(t, http.StatusBadRequest, "no API route matches PUT /nowhere")
	if got := srv.Faults(); len(got) != 0 {
		t.Errorf("a refused spec was added: %+v", got)
	}
}

// Every fault ParseFault reads prints as a spec that reads back the same.
func TestFaultStringRoundTrip(t *testing.T) {
	t.Parallel()
	for _, spec := range []string{
		"PUT /assistants/v1/numbers/{id} status=503 times=3 retry-after=1",
		"* * fail-rate=0.1 status=503 seed=7",
		"* * fail-rate=0.25 drop",
		"GET * malformed latency=1s",
		"post /assistants/v1/numbers/purchase hang",
		"GET /assistants/v1/numbers cut-body apply times=2",
		"PUT * stall-body",
		`* * status=503 retry-after="Wed, 21 Oct 2026 07:28:00 GMT"`,
		"PUT /assistants/v1/numbers/{id} status=502 apply",
	} {
		f, err := ParseFault(spec)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseFault(f.String())
		if err != nil || back != f {
			t.Errorf("%q printed as %q, which reads back as %+v (%v), want %+v", spec, f.String(), back, err, f)
		}
	}
}
