package interactly_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// serveAssistants answers every request with status and body.
func serveAssistants(t *testing.T, status int, body string) *interactly.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testKey, MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// An answer about another assistant than the one asked for is not taken.
func TestGetAssistantRefusesAnotherAssistantsDocument(t *testing.T) {
	t.Parallel()
	client := serveAssistants(t, http.StatusOK, `{"_id": "asst-b", "name": "B"}`)
	if _, err := client.GetAssistant(context.Background(), "asst-a"); err == nil || !strings.Contains(err.Error(), `"asst-b"`) {
		t.Errorf("GetAssistant(asst-a) answered with asst-b's document: err = %v", err)
	}
}

// An answer that says neither "missing" nor "present" is an error for the
// caller, not a verdict.
func TestAssistantMissingReportsAnUnclearAnswer(t *testing.T) {
	t.Parallel()
	client := serveAssistants(t, http.StatusInternalServerError, `{"message": "boom"}`)
	missing, err := client.AssistantMissing(context.Background(), "asst-a")
	if missing || err == nil {
		t.Errorf("AssistantMissing on a 500 = %v, %v; want not missing and an error", missing, err)
	}
}
