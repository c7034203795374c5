package livetest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

func TestGuardPutsTheNumberBack(t *testing.T) {
	ctx := t.Context()
	s := startAPI(t, nil)
	guard, err := Record(ctx, newClient(t, s), s.Number)
	if err != nil {
		t.Fatal(err)
	}
	if repaired, err := guard.Restore(ctx); err != nil || len(repaired) > 0 {
		t.Fatalf("an untouched number needs no repair, got %v %v", repaired, err)
	}
	if _, err := guard.Update(ctx, interactly.UpdateNumberRequest{
		AssistantID: ptr(""), InboundEnabled: ptr(false), OutboundEnabled: ptr(true),
	}); err != nil {
		t.Fatal(err)
	}
	repaired, err := guard.Restore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`assistantId: "asst-original" -> (none)`, "inboundEnabled: true -> false", "outboundEnabled: false -> true"}
	if strings.Join(repaired, "; ") != strings.Join(want, "; ") {
		t.Errorf("repaired %q, want %q", repaired, want)
	}
	if diffs, err := guard.Differences(ctx); err != nil || len(diffs) > 0 {
		t.Errorf("after Restore the number still differs: %v %v", diffs, err)
	}
}

func TestGuardSeesOtherNumbersChange(t *testing.T) {
	ctx := t.Context()
	s := startAPI(t, nil)
	client := newClient(t, s)
	guard, err := Record(ctx, client, s.Number)
	if err != nil {
		t.Fatal(err)
	}
	// Changing the test number is not a change to the others.
	if _, err := guard.Update(ctx, interactly.UpdateNumberRequest{InboundEnabled: ptr(false)}); err != nil {
		t.Fatal(err)
	}
	if changes, err := guard.OthersChanged(ctx); err != nil || len(changes) > 0 {
		t.Fatalf("want no change to the others, got %v %v", changes, err)
	}
	if _, err := client.UpdateNumber(ctx, unitOtherID, interactly.UpdateNumberRequest{AssistantID: ptr(unitAssistantID)}); err != nil {
		t.Fatal(err)
	}
	// A number bought meanwhile, through the emulator's purchase route (the
	// client does not buy numbers).
	buy, err := http.NewRequestWithContext(ctx, http.MethodPost, s.BaseURL+"/assistants/v1/numbers/purchase", strings.NewReader(`{"number":"+14155550190"}`))
	if err != nil {
		t.Fatal(err)
	}
	buy.Header.Set("Authorization", "Bearer "+s.APIKey)
	buy.Header.Set("Content-Type", "application/json")
	bought, err := http.DefaultClient.Do(buy)
	if err != nil {
		t.Fatal(err)
	}
	bought.Body.Close()
	if bought.StatusCode != http.StatusOK {
		t.Fatalf("purchase through the emulator: HTTP %d", bought.StatusCode)
	}
	changes, err := guard.OthersChanged(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 2 || !strings.Contains(changes[0], `+14155550181 (_id id-other) changed: assistantId: (none) -> "asst-test"`) ||
		!strings.Contains(changes[1], "+14155550190") || !strings.HasSuffix(changes[1], "appeared") {
		t.Errorf("changes %q", changes)
	}
}

func TestRecordNeedsTheNumberInTheTeam(t *testing.T) {
	s := startAPI(t, nil)
	_, err := Record(t.Context(), newClient(t, s), "+14155550199")
	if err == nil || !strings.Contains(err.Error(), "INTERACTLY_TEST_NUMBER +14155550199 is not among the 2 numbers") {
		t.Fatalf("got %v", err)
	}
}
