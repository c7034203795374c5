package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

// The {id} of a path is unescaped once: an ID holding "%", "/", a space or
// non-ASCII letters is found from its escaped form, and only from that.
func TestOddIDsInPaths(t *testing.T) {
	t.Parallel()
	const id = "50% off/ü x?#ß"
	seed := testSeed()
	seed.Numbers[1].ID = id
	srv, c := start(t, Options{Seed: seed})

	res := c.do("PUT", "/assistants/v1/numbers/"+url.PathEscape(id), `{"inboundEnabled": false}`)
	if res.status != http.StatusOK {
		t.Fatalf("PUT with the ID escaped once: status %d: %s", res.status, res.body)
	}
	var doc struct {
		ID string `json:"_id"`
	}
	if err := json.Unmarshal(res.body, &doc); err != nil || doc.ID != id {
		t.Errorf("answer _id = %q (%v), want %q", doc.ID, err, id)
	}
	if n, _ := srv.GetNumber(id); n.InboundEnabled {
		t.Errorf("number %q still has inbound enabled", id)
	}

	twice := url.PathEscape(url.PathEscape(id))
	if res := c.do("PUT", "/assistants/v1/numbers/"+twice, `{"inboundEnabled": true}`); res.status != http.StatusNotFound {
		t.Errorf("PUT with the ID escaped twice: status %d, want 404", res.status)
	}
}
