package interactly_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// oddID holds what an opaque ID may hold and a path must escape: "%", "/",
// a space, non-ASCII letters, "?" and "#".
const oddID = "50% off/ü x?#ß"

// An ID is escaped once in the request path, whatever it holds, and so
// reaches the API as the same ID, also under a base URL with a path of its
// own.
func TestIDsReachTheAPIExactly(t *testing.T) {
	t.Parallel()
	for _, prefix := range []string{"", "/proxy/v2"} {
		t.Run("base path "+prefix, func(t *testing.T) {
			t.Parallel()
			team := seed()
			team.Numbers[0].ID = oddID
			emu := emulator.New(emulator.Options{APIKey: testKey, Seed: team})
			var mu sync.Mutex
			var sent []string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				sent = append(sent, r.URL.EscapedPath())
				mu.Unlock()
				http.StripPrefix(prefix, emu).ServeHTTP(w, r)
			}))
			t.Cleanup(srv.Close)
			client, err := interactly.New(interactly.Config{BaseURL: srv.URL + prefix, APIKey: testKey})
			if err != nil {
				t.Fatal(err)
			}

			none := ""
			got, err := client.UpdateNumber(context.Background(), oddID, interactly.UpdateNumberRequest{AssistantID: &none})
			if err != nil {
				t.Fatalf("UpdateNumber(%q): %v", oddID, err)
			}
			if got.ID != oddID {
				t.Errorf("the answer is about ID %q, want %q", got.ID, oddID)
			}
			if n, _ := emu.GetNumber(oddID); n.AssistantID != "" {
				t.Errorf("the emulator's number %q still has assistant %q", oddID, n.AssistantID)
			}
			want := prefix + "/assistants/v1/numbers/" + url.PathEscape(oddID)
			mu.Lock()
			defer mu.Unlock()
			if len(sent) != 1 || sent[0] != want {
				t.Errorf("request paths %q, want [%q]", sent, want)
			}
		})
	}
}
