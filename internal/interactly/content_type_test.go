package interactly_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// A request with a body says it is JSON; one without a body says nothing
// of a body it does not have. Both ask for JSON back.
func TestContentTypeOnlyWithABody(t *testing.T) {
	t.Parallel()
	emu := emulator.New(emulator.Options{APIKey: testKey, Seed: seed()})
	var mu sync.Mutex
	seen := map[string]http.Header{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.Method] = r.Header.Clone()
		mu.Unlock()
		emu.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := client.ListNumbers(ctx, ""); err != nil {
		t.Fatal(err)
	}
	on := true
	if _, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{InboundEnabled: &on}); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if got := seen[http.MethodGet].Get("Content-Type"); got != "" {
		t.Errorf("GET without a body sent Content-Type %q", got)
	}
	if got := seen[http.MethodPut].Get("Content-Type"); got != "application/json" {
		t.Errorf("PUT with a JSON body sent Content-Type %q, want application/json", got)
	}
	for method, header := range seen {
		if got := header.Get("Accept"); got != "application/json" {
			t.Errorf("%s sent Accept %q, want application/json", method, got)
		}
	}
}
