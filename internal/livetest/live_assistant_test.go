//go:build live

package livetest

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// The walk changes only settings of the test assistant that it can put back
// exactly: name and welcomeMessage, plain strings, and only those the API
// reports. Destroy (on_destroy = "restore") puts them back, and a cleanup
// PATCHes back whatever still differs however the test ends.
var restorableAssistantFields = map[string]string{"name": "name", "welcomeMessage": "welcome_message"}

// assistantLifecycle adopts the test assistant, changes its restorable
// settings, checks that a plan is then empty, and destroys it, checking
// that destroy put them back.
func (s *suite) assistantLifecycle(t *testing.T) {
	client := s.guard.client
	id := s.settings.AssistantID
	before, err := client.GetAssistant(s.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	original := map[string]string{}
	for field := range restorableAssistantFields {
		var v string
		if raw, ok := before.Fields[field]; ok && json.Unmarshal(raw, &v) == nil {
			original[field] = v
		} else {
			t.Logf("note: the API did not report %s of the test assistant as a string, so the suite leaves it alone", field)
		}
	}
	if len(original) == 0 {
		t.Skip("the test assistant reports none of the settings the suite can put back")
	}
	t.Cleanup(func() { putAssistantBack(t, client, id, original) })

	changed := map[string]string{}
	config := fmt.Sprintf("resource \"interactly_assistant\" \"test\" {\n  assistant_id = %q\n  on_destroy   = \"restore\"\n", id)
	for field, value := range original {
		changed[field] = value + " (livetest)"
		config += fmt.Sprintf("  %s = %q\n", restorableAssistantFields[field], changed[field])
	}
	writeFile(t, s.assistant, requiredProviders+config+"}\n")
	s.apply(t, s.assistant)
	expectAssistantFields(t, s, id, changed)
	s.planEmpty(t, s.assistant)
	s.mustRun(t, s.assistant, "destroy", "-auto-approve", "-no-color")
	expectAssistantFields(t, s, id, original)
}

func expectAssistantFields(t *testing.T, s *suite, id string, want map[string]string) {
	t.Helper()
	now, err := s.guard.client.GetAssistant(s.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for field, value := range want {
		var got string
		_ = json.Unmarshal(now.Fields[field], &got)
		if got != value {
			t.Errorf("the test assistant's %s is %q, want %q", field, got, value)
		}
	}
}

// putAssistantBack PATCHes back the restorable settings that differ from
// what the suite found.
func putAssistantBack(t *testing.T, client *interactly.Client, id string, original map[string]string) {
	// Not the test's context, which is cancelled before cleanups run.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	now, err := client.GetAssistant(ctx, id)
	if err != nil {
		t.Errorf("FINAL CHECK: could not read the test assistant: %v; as found: %v", err, original)
		return
	}
	body := interactly.AssistantUpdate{}
	for field, value := range original {
		var got string
		if json.Unmarshal(now.Fields[field], &got) != nil || got != value {
			body[field] = value
		}
	}
	if len(body) == 0 {
		t.Logf("final check: the test assistant's %d restorable setting(s) are as found", len(original))
		return
	}
	if _, _, err := client.UpdateAssistant(ctx, id, body); err != nil {
		t.Errorf("FINAL CHECK: the test assistant is NOT as found and could not be put back: %v; as found: %v", err, original)
		return
	}
	t.Errorf("FINAL CHECK: the test assistant was not as found; %v put back", body)
}
