package interactly_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

func TestGetAssistantKeepsEveryField(t *testing.T) {
	t.Parallel()
	_, client := startEmulator(t)
	a, err := client.GetAssistant(context.Background(), "asst-a")
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "asst-a" || a.TeamID != "1f7b1b1b1b1b1b1b1b1b1b1b" || string(a.Fields["assistantMaxTokens"]) != "256" {
		t.Errorf("GetAssistant = %+v", a)
	}
	if _, ok := a.Fields["assistantAnalysis"]; !ok {
		t.Error("a field the client does not know about was dropped")
	}
}

func TestUpdateAssistantWithAndWithoutTheDocument(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t)
	updated, isDocument, err := client.UpdateAssistant(context.Background(), "asst-a", interactly.AssistantUpdate{"name": "Front desk"})
	if err != nil || !isDocument || string(updated.Fields["name"]) != `"Front desk"` {
		t.Fatalf("UpdateAssistant = %+v, %v, %v", updated, isDocument, err)
	}
	emu.AnswerAssistantUpdatesWithoutDocument(true)
	updated, isDocument, err = client.UpdateAssistant(context.Background(), "asst-a", interactly.AssistantUpdate{"name": "Reception"})
	if err != nil || isDocument || updated.ID != "" {
		t.Fatalf("UpdateAssistant without the document = %+v, %v, %v", updated, isDocument, err)
	}
	// An empty body (204) is an acknowledgement as well.
	sparse := emulator.New(emulator.Options{APIKey: testKey, Seed: seed(), Profile: emulator.ProfileSparse})
	_, sparseClient := startEmulatorWith(t, sparse)
	if _, isDocument, err := sparseClient.UpdateAssistant(context.Background(), "asst-a", interactly.AssistantUpdate{"name": "x"}); err != nil || isDocument {
		t.Fatalf("UpdateAssistant answered 204 = %v, %v", isDocument, err)
	}
}

// PATCH bodies hold absolute values, so a PATCH is retried like a PUT.
func TestUpdateAssistantIsRetried(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t)
	emu.AddFault(emulator.Fault{Method: "PATCH", Status: 503, Times: 2})
	if _, _, err := client.UpdateAssistant(context.Background(), "asst-a", interactly.AssistantUpdate{"name": "x"}); err != nil {
		t.Fatal(err)
	}
	if got := emu.Counts()["PATCH /assistants/v1/assistants/{id}"]; got != 3 {
		t.Errorf("%d PATCH requests, want 3 (two refused, one applied)", got)
	}
}

func TestIsAssistantNotFound(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		status int
		body   string
		want   bool
	}{
		{404, `{"statusCode":404,"message":"no assistant with _id \"x\" in the team"}`, true},
		{404, `{"message":"Assistant not found"}`, true},
		{404, `{"errors":[{"code":"NOT_FOUND","detail":"no assistant with _id \"x\""}]}`, true},
		{404, `{"statusCode":404,"message":"Cannot GET /assistants/v1/assistants/x"}`, false},
		{404, `{"message":"no route GET /assistants/v1/assistant/x; the API routes are GET /assistants/v1/assistants/{id}"}`, false},
		{404, `<html><head><title>404 Not Found</title></head></html>`, false},
		{404, ``, false},
		{400, `{"message":"unknown assistant"}`, false},
	} {
		client := rawServer(t, tc.status, "application/json", tc.body)
		_, err := client.GetAssistant(context.Background(), "x")
		if got := interactly.IsAssistantNotFound(err); got != tc.want {
			t.Errorf("%d %s: IsAssistantNotFound = %v, want %v (err %v)", tc.status, tc.body, got, tc.want, err)
		}
	}
}

func TestAssistantMissingAsksOncePerAssistant(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t)
	for range 3 {
		for id, want := range map[string]bool{"asst-a": false, "asst-gone": true} {
			if missing, err := client.AssistantMissing(context.Background(), id); err != nil || missing != want {
				t.Fatalf("AssistantMissing(%s) = %v, %v; want %v", id, missing, err, want)
			}
		}
	}
	if got := emu.Counts()["GET /assistants/v1/assistants/{id}"]; got != 2 {
		t.Errorf("%d GETs, want 2", got)
	}
}

// The webhook's secret and headers never reach the log or an error, even
// when the API quotes the body it refused.
func TestWebhookSecretsStayOutOfLogsAndErrors(t *testing.T) {
	t.Parallel()
	const secret, header = "whsec-0123456789", "Bearer hook-token-9876"
	quoting := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		data, _ := json.Marshal(body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"message":%q}`, "refused: "+string(data))
	})
	logger := &interactly.RecordingLogger{}
	srv := httptest.NewServer(quoting)
	t.Cleanup(srv.Close)
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testKey, MaxRetries: 0, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = client.UpdateAssistant(context.Background(), "asst-a", interactly.AssistantUpdate{
		"assistantServer": map[string]any{"enabled": true, "url": "https://hooks.example.com", "secret": secret,
			"headers": map[string]string{"Authorization": header}},
	})
	if err == nil {
		t.Fatal("want the 400")
	}
	logged := fmt.Sprint(logger.Lines())
	for _, s := range []string{secret, header} {
		if strings.Contains(err.Error(), s) {
			t.Errorf("the error shows %q: %v", s, err)
		}
		if strings.Contains(logged, s) {
			t.Errorf("the log shows %q: %s", s, logged)
		}
	}
	if !strings.Contains(logged, "https://hooks.example.com") {
		t.Errorf("the log lost the rest of the body: %s", logged)
	}
}
