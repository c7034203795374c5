package provider

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// readingServer is a protocol server whose ReadResource lists the numbers.
type readingServer struct {
	listServer // nil: only ReadResource is called
	client     *interactly.Client
}

func (s readingServer) ReadResource(ctx context.Context, _ *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	_, err := s.client.ListNumbers(ctx, "")
	return &tfprotov6.ReadResourceResponse{}, err
}

// An operation whose API calls waited ends with one line that sums the
// waits up, by reason; one that did not wait logs none.
func TestOperationThatWaitedSumsItsWaitsUp(t *testing.T) {
	t.Parallel()
	emu := emulator.New(emulator.Options{APIKey: testAPIKey})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testAPIKey, MaxRetries: 3})
	if err != nil {
		t.Fatal(err)
	}
	server := WithWaitSummaries(readingServer{client: client})
	read := func() []map[string]any {
		var out bytes.Buffer
		ctx := tflogtest.RootLogger(context.Background(), &out)
		if _, err := server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{}); err != nil {
			t.Fatal(err)
		}
		lines, err := tflogtest.MultilineJSONDecode(&out)
		if err != nil {
			t.Fatal(err)
		}
		var summaries []map[string]any
		for _, line := range lines {
			if line["@message"] == "Interactly operation waited for the API" {
				summaries = append(summaries, line)
			}
		}
		return summaries
	}
	if got := read(); len(got) != 0 {
		t.Errorf("an operation that did not wait logged %v", got)
	}
	emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "1", Times: 1})
	got := read()
	if len(got) != 1 {
		t.Fatalf("%d summary lines, want 1: %v", len(got), got)
	}
	waits, _ := got[0]["waits"].(string)
	if got[0]["operation"] != "read" || !strings.HasPrefix(waits, "Retry-After 1s") {
		t.Errorf("the summary is %v; want the read's Retry-After of 1s first", got[0])
	}
	if ms, _ := got[0]["waited_ms"].(float64); ms < 1000 {
		t.Errorf("the summary says %v ms waited; want at least 1000", got[0]["waited_ms"])
	}
}
