package interactly

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Logger receives the client's log lines. The provider implements it with
// tflog in a subsystem of its own, with the API key masked. Fields never hold
// the API key or the Authorization header.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
	Trace(ctx context.Context, msg string, fields map[string]any)
}

type nopLogger struct{}

func (nopLogger) Debug(context.Context, string, map[string]any) {}
func (nopLogger) Trace(context.Context, string, map[string]any) {}

// maxLoggedBody bounds a body written to the TRACE log.
const maxLoggedBody = 16 << 10

// loggingTransport logs every attempt: method, path, status, attempt number
// and duration at DEBUG, and request and response bodies at TRACE. It sits
// under retryablehttp, so each retry is its own line.
type loggingTransport struct {
	next   http.RoundTripper
	logger Logger
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	fields := map[string]any{
		"http_method": req.Method,
		"http_path":   req.URL.Path,
		"attempt":     attemptsFrom(ctx).count(),
	}
	if req.URL.RawQuery != "" {
		fields["http_query"] = req.URL.RawQuery
	}
	if req.GetBody != nil {
		if body, err := req.GetBody(); err == nil {
			t.logger.Trace(ctx, "API request body", withField(fields, "http_request_body", readLogged(body)))
		}
	}

	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	fields["duration_ms"] = time.Since(start).Milliseconds()
	if err != nil {
		fields["error"] = err.Error()
		t.logger.Debug(ctx, "API request failed", fields)
		return nil, err
	}
	fields["http_status"] = resp.StatusCode
	t.logger.Debug(ctx, "API request", fields)

	// Buffer the body so it can be logged and still be read by the caller.
	body, readErr := io.ReadAll(io.LimitReader(resp.Body, maxBodySize+1))
	resp.Body.Close()
	resp.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), errReader{readErr}))
	t.logger.Trace(ctx, "API response body", withField(fields, "http_response_body", truncateLogged(body)))
	return resp, nil
}

// errReader replays a read error after the buffered part of a body, so a
// connection dropped mid-body still fails the caller's read.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	return 0, io.EOF
}

func withField(fields map[string]any, key string, value any) map[string]any {
	out := make(map[string]any, len(fields)+1)
	for k, v := range fields {
		out[k] = v
	}
	out[key] = value
	return out
}

func readLogged(body io.ReadCloser) string {
	defer body.Close()
	data, _ := io.ReadAll(io.LimitReader(body, maxLoggedBody+1))
	return truncateLogged(data)
}

func truncateLogged(data []byte) string {
	if len(data) > maxLoggedBody {
		return string(data[:maxLoggedBody]) + "…(truncated)"
	}
	return string(data)
}

// attemptCounter counts the attempts of one call; retryablehttp reports each
// attempt through RequestLogHook before sending it.
type attemptCounter struct{ n atomic.Int64 }

func (a *attemptCounter) count() int {
	if a == nil {
		return 0
	}
	return int(a.n.Load())
}

type attemptKey struct{}

func withAttemptCounter(ctx context.Context) (context.Context, *attemptCounter) {
	counter := &attemptCounter{}
	return context.WithValue(ctx, attemptKey{}, counter), counter
}

func attemptsFrom(ctx context.Context) *attemptCounter {
	counter, _ := ctx.Value(attemptKey{}).(*attemptCounter)
	return counter
}

// countAttempt is the retryablehttp.RequestLogHook that feeds attemptCounter.
func countAttempt(_ retryablehttp.Logger, req *http.Request, _ int) {
	if counter := attemptsFrom(req.Context()); counter != nil {
		counter.n.Add(1)
	}
}
