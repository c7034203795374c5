package interactly_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

func TestEveryAttemptIsLoggedWithoutTheKey(t *testing.T) {
	t.Parallel()
	logger := &interactly.RecordingLogger{}
	emu, client := startEmulator(t, func(c *interactly.Config) { c.Logger = logger })
	emu.AddFault(emulator.Fault{Method: "PUT", Status: 503, Times: 1})
	assistant := "asst-b"
	if _, err := client.UpdateNumber(context.Background(), "num-2", interactly.UpdateNumberRequest{AssistantID: &assistant}); err != nil {
		t.Fatal(err)
	}

	var debug []interactly.LogLine
	var sawRequestBody, sawResponseBody bool
	for _, line := range logger.Lines() {
		all := fmt.Sprint(line.Msg, line.Fields)
		if strings.Contains(all, testKey) || strings.Contains(strings.ToLower(all), "authorization") || strings.Contains(all, "Bearer") {
			t.Errorf("log line shows the key or the Authorization header: %s", all)
		}
		switch line.Level {
		case "DEBUG":
			if line.Msg != "API request" {
				continue // the waits between attempts have lines of their own
			}
			debug = append(debug, line)
			if _, ok := line.Fields["http_response_body"]; ok {
				t.Errorf("a DEBUG line holds a body: %v", line.Fields)
			}
			if _, ok := line.Fields["http_request_body"]; ok {
				t.Errorf("a DEBUG line holds a body: %v", line.Fields)
			}
		case "TRACE":
			if body, ok := line.Fields["http_request_body"].(string); ok && strings.Contains(body, `"assistantId":"asst-b"`) {
				sawRequestBody = true
			}
			if body, ok := line.Fields["http_response_body"].(string); ok && strings.Contains(body, `"_id":"num-2"`) {
				sawResponseBody = true
			}
		}
	}
	if len(debug) != 2 {
		t.Fatalf("DEBUG lines = %d, want one per attempt (2): %+v", len(debug), debug)
	}
	for i, want := range []int{503, 200} {
		f := debug[i].Fields
		if f["http_method"] != "PUT" || f["http_path"] != "/assistants/v1/numbers/num-2" ||
			f["http_status"] != want || f["attempt"] != i+1 {
			t.Errorf("attempt %d logged %v; want method, path, status %d and attempt %d", i+1, f, want, i+1)
		}
		if _, ok := f["duration_ms"].(int64); !ok {
			t.Errorf("attempt %d has no duration: %v", i+1, f)
		}
	}
	if !sawRequestBody || !sawResponseBody {
		t.Errorf("bodies at TRACE: request %v, response %v; want both", sawRequestBody, sawResponseBody)
	}
}

// callLogger records the contexts its lines come with, and how often it was
// asked to prepare one.
type callLogger struct {
	interactly.RecordingLogger
	mu       sync.Mutex
	prepared int
	lineCtx  []context.Context
}

type preparedKey struct{}

func (l *callLogger) CallContext(ctx context.Context) context.Context {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prepared++
	return context.WithValue(ctx, preparedKey{}, l.prepared)
}

func (l *callLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	l.note(ctx)
	l.RecordingLogger.Debug(ctx, msg, fields)
}

func (l *callLogger) Trace(ctx context.Context, msg string, fields map[string]any) {
	l.note(ctx)
	l.RecordingLogger.Trace(ctx, msg, fields)
}

func (l *callLogger) note(ctx context.Context) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lineCtx = append(l.lineCtx, ctx)
}

// A CallLogger prepares one context per call, and every line of the call,
// retries included, comes with it.
func TestCallLoggerPreparesOneContextPerCall(t *testing.T) {
	t.Parallel()
	logger := &callLogger{}
	emu, client := startEmulator(t, func(c *interactly.Config) { c.Logger = logger })
	emu.AddFault(emulator.Fault{Method: "PUT", Status: 503, Times: 1})
	assistant := "asst-b"
	if _, err := client.UpdateNumber(context.Background(), "num-2", interactly.UpdateNumberRequest{AssistantID: &assistant}); err != nil {
		t.Fatal(err)
	}
	logger.mu.Lock()
	defer logger.mu.Unlock()
	if logger.prepared != 1 {
		t.Errorf("contexts prepared for one call = %d, want 1", logger.prepared)
	}
	if len(logger.lineCtx) < 4 {
		t.Fatalf("%d lines for two attempts; want a request body, a status and a response body line each", len(logger.lineCtx))
	}
	for i, ctx := range logger.lineCtx {
		if ctx.Value(preparedKey{}) != 1 {
			t.Errorf("line %d came without the prepared context", i)
		}
	}
}
