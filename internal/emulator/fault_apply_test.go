package emulator

import (
	"context"
	"net/http"
	"testing"
)

// A fault with Apply changes the number as the PUT asks, and then answers
// its error; without Apply the same fault changes nothing.
func TestFaultApplyThenStatus(t *testing.T) {
	t.Parallel()
	for _, apply := range []bool{true, false} {
		srv, c := start(t, Options{Seed: testSeed()})
		srv.AddFault(Fault{Method: "PUT", Route: updateRoute.path, Status: 502, Apply: apply})
		c.do("PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false, "assistantId": "asst-b"}`).
			wantError(t, http.StatusBadGateway, "fault injected by the emulator")
		n, _ := srv.GetNumber("id-1")
		if applied := !n.InboundEnabled && n.AssistantID == "asst-b"; applied != apply {
			t.Errorf("apply=%t: the number is %+v after the faulted PUT, want the write applied=%t", apply, n, apply)
		}
		if got := srv.StatusCounts(); got[http.StatusBadGateway] != 1 || got[http.StatusOK] != 0 {
			t.Errorf("apply=%t: status counts %v, want the one 502 only", apply, got)
		}
		if got := srv.Counts()[updateRoute.pattern()]; got != 1 {
			t.Errorf("apply=%t: PUT counted %d times, want 1", apply, got)
		}
	}
}

// The applied write still goes through the key check and the route's own
// rules: a wrong key or another team's number changes nothing, and the
// fault answers all the same.
func TestFaultApplyNeedsAValidRequest(t *testing.T) {
	t.Parallel()
	srv, c := start(t, twoTeams())
	srv.AddFault(Fault{Method: "PUT", Status: 503, Apply: true})
	anon := client{t: t, base: c.base, authorization: "Bearer wrong"}
	other := client{t: t, base: c.base, authorization: "Bearer " + otherKey}
	anon.do("PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`).wantError(t, 503, "fault")
	other.do("PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`).wantError(t, 503, "fault")
	c.do("PUT", "/assistants/v1/numbers/id-1", `{"assistantId": "no-such-assistant", "inboundEnabled": false}`).wantError(t, 503, "fault")
	if n, _ := srv.GetNumber("id-1"); !n.InboundEnabled || n.AssistantID != "" {
		t.Errorf("a refused request was applied: %+v", n)
	}
}

// With drop, the write is applied and the answer never comes; a purchase
// applied this way leaves the number in the team.
func TestFaultApplyThenDrop(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	srv.AddFault(Fault{Method: "PUT", Drop: true, Apply: true})
	srv.AddFault(Fault{Method: "POST", Drop: true, Apply: true})
	if _, err := c.send(context.Background(), "PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`); err == nil {
		t.Error("the dropped PUT got an answer")
	}
	if n, _ := srv.GetNumber("id-1"); n.InboundEnabled {
		t.Error("the dropped PUT was not applied")
	}
	if _, err := c.send(context.Background(), "POST", "/assistants/v1/numbers/purchase", `{"number": "+14155550177"}`); err == nil {
		t.Error("the dropped purchase got an answer")
	}
	found := false
	for _, n := range srv.Numbers() {
		found = found || n.Number == "+14155550177"
	}
	if !found {
		t.Error("the dropped purchase was not applied")
	}
	if got := srv.StatusCounts(); got[0] != 2 {
		t.Errorf("status counts %v, want 2 unanswered", got)
	}
}

// cut-body applies the write with or without apply: the route answers, and
// only its body breaks off.
func TestFaultApplyThenCutBody(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	srv.AddFault(Fault{Method: "PUT", CutBody: true, Apply: true})
	if _, err := c.send(context.Background(), "PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`); err == nil {
		t.Error("the cut answer read whole")
	}
	if n, _ := srv.GetNumber("id-1"); n.InboundEnabled {
		t.Error("the PUT whose answer broke off was not applied")
	}
}
