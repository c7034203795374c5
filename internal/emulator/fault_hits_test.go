package emulator

import (
	"slices"
	"testing"
)

// Each fault counts the requests it answered: not those it did not match,
// not those past its Times, not those its FailRate spared; ClearFaults
// starts the list anew.
func TestFaultHits(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	srv.AddFault(Fault{Method: "PUT", Status: 503, Times: 2})
	srv.AddFault(Fault{Method: "POST", Status: 500})
	srv.AddFault(Fault{Method: "GET", Status: 502, FailRate: 0.5, Seed: 1})
	for range 3 {
		c.do("PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`)
	}
	gets := 10
	answered502 := 0
	for range gets {
		if c.do("GET", "/assistants/v1/numbers", "").status == 502 {
			answered502++
		}
	}
	want := []int{2, 0, answered502}
	if got := hits(srv); !slices.Equal(got, want) {
		t.Errorf("hits of the faults = %v, want %v", got, want)
	}
	if answered502 == 0 || answered502 == gets {
		t.Errorf("%d of %d GETs answered 502; the fail rate of 0.5 should spare some and not all", answered502, gets)
	}
	srv.ClearFaults()
	if got := hits(srv); len(got) != 0 {
		t.Errorf("hits after ClearFaults = %v, want none", got)
	}
}

// hits lists Faults()'s hit counts, in the order the faults were added.
func hits(srv *Server) []int {
	var out []int
	for _, f := range srv.Faults() {
		out = append(out, f.Hits)
	}
	return out
}
