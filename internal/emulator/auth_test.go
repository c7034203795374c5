package emulator

import (
	"net/http"
	"testing"
)

func TestAuth(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	routes := []struct{ method, path, body string }{
		{"GET", "/assistants/v1/numbers", ""},
		{"PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`},
		{"POST", "/assistants/v1/numbers/purchase", `{"number": "+14155550199"}`},
		{"POST", "/assistants/v1/numbers/twilio", `{"number": "+14155550198"}`},
	}
	headers := []struct{ name, authorization, message string }{
		{"missing", "", "missing API key"},
		{"wrong key", "Bearer not-the-key", "invalid API key"},
		{"key without Bearer", testKey, `"Bearer <API key>"`},
		{"other scheme", "Basic " + testKey, `"Bearer <API key>"`},
	}
	for _, rt := range routes {
		for _, h := range headers {
			t.Run(rt.method+" "+rt.path+" "+h.name, func(t *testing.T) {
				anon := client{t: t, base: c.base, authorization: h.authorization}
				anon.do(rt.method, rt.path, rt.body).wantError(t, http.StatusUnauthorized, h.message)
			})
		}
	}
	// The refused requests changed nothing.
	if len(srv.Numbers()) != 3 {
		t.Errorf("unauthorized requests changed the numbers: %+v", srv.Numbers())
	}
	if n, _ := srv.GetNumber("id-1"); !n.InboundEnabled {
		t.Error("an unauthorized PUT disabled inbound calls")
	}
	if res := c.do("GET", "/assistants/v1/numbers", ""); res.status != http.StatusOK {
		t.Errorf("with the key: status %d, want 200", res.status)
	}
}
