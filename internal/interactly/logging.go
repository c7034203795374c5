package interactly

import (
	"bytes"
	"context"
	"errors"
	"io"
	"maps"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
)

// Logger receives the client's log lines. The provider implements it with
// tflog in a subsystem of its own, with the API key masked. Fields never hold
// the API key or the Authorization header.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
	Trace(ctx context.Context, msg string, fields map[string]any)
}

// CallLogger is a Logger that prepares a context once per API call, before
// the call's first line; every line of the call (one per attempt and body)
// then gets that context. The provider sets up its tflog subsystem and the
// key's mask there once, instead of for every line.
type CallLogger interface {
	Logger
	CallContext(ctx context.Context) context.Context
}

// logContext gives ctx to logger's CallContext, when it has one.
func logContext(ctx context.Context, logger Logger) context.Context {
	if l, ok := logger.(CallLogger); ok {
		return l.CallContext(ctx)
	}
	return ctx
}

type nopLogger struct{}

func (nopLogger) Debug(context.Context, string, map[string]any) {}
func (nopLogger) Trace(context.Context, string, map[string]any) {}

// maxLoggedBody bounds a body written to the TRACE log.
const maxLoggedBody = 16 << 10

// loggingTransport logs every attempt: method, path, status, attempt number,
// duration and how the body ended at DEBUG, and request and response bodies
// at TRACE. It sits under retryablehttp, so each retry is its own line. It
// only observes: the response body is read by whoever reads it (the client,
// inside the attempt), and logged as it passes, when it is closed.
type loggingTransport struct {
	next   http.RoundTripper
	logger Logger
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	fields := map[string]any{
		"http_method": req.Method,
		"http_path":   req.URL.Path,
		"attempt":     transport.CallFrom(ctx).Attempts(),
	}
	if req.URL.RawQuery != "" {
		fields["http_query"] = req.URL.RawQuery
	}
	// Secrets the request carries (a webhook's) are kept out of both
	// bodies' lines, also where the answer quotes them back.
	var secrets []string
	if isUpload(req) {
		// An upload: the file's contents never reach the log.
		t.logger.Trace(ctx, "API request body", withField(fields, "http_request_body", "(not logged: "+req.Header.Get("Content-Type")+")"))
	} else if req.GetBody != nil {
		if body, err := req.GetBody(); err == nil {
			logged, sent := readLogged(body)
			secrets = secretValuesIn(sent)
			t.logger.Trace(ctx, "API request body", withField(fields, "http_request_body", logged))
		}
	}

	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		fields["duration_ms"] = time.Since(start).Milliseconds()
		fields["error"] = err.Error()
		t.logger.Debug(ctx, "API request failed", fields)
		return nil, err
	}
	fields["http_status"] = resp.StatusCode
	resp.Body = &observedBody{ReadCloser: resp.Body, done: func(seen []byte, total int64, readErr error) {
		fields["duration_ms"] = time.Since(start).Milliseconds()
		fields["response_bytes"] = total
		if readErr != nil {
			fields["error"] = readErr.Error()
			t.logger.Debug(ctx, "API response body failed", fields)
		} else {
			t.logger.Debug(ctx, "API request", fields)
		}
		t.logger.Trace(ctx, "API response body", withField(fields, "http_response_body", truncateLogged(scrub(redactBody(seen), secrets))))
	}}
	return resp, nil
}

// observedBody passes a body through, keeping a copy of its first
// maxLoggedBody bytes, and reports how it ended once, when it is closed.
type observedBody struct {
	io.ReadCloser
	done func(seen []byte, total int64, readErr error)

	once    sync.Once
	seen    bytes.Buffer
	total   int64
	readErr error
}

func (b *observedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.total += int64(n)
	// Up to one byte past the limit, which tells a cut body from a whole one.
	room := max(0, maxLoggedBody+1-b.seen.Len())
	b.seen.Write(p[:min(n, room)])
	if err != nil && !errors.Is(err, io.EOF) && b.readErr == nil {
		b.readErr = err
	}
	return n, err
}

func (b *observedBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(func() { b.done(b.seen.Bytes(), b.total, b.readErr) })
	return err
}

func withField(fields map[string]any, key string, value any) map[string]any {
	out := maps.Clone(fields)
	out[key] = value
	return out
}

// readLogged reads a request body for the log: as logged (secret fields
// redacted, truncated), and as read.
func readLogged(body io.ReadCloser) (logged string, read []byte) {
	defer body.Close()
	// Whole (bodies are small), so that every secret in it is found.
	data, _ := io.ReadAll(io.LimitReader(body, 1<<20))
	return truncateLogged(redactBody(data)), data
}

func truncateLogged(data []byte) string {
	if len(data) > maxLoggedBody {
		return string(data[:maxLoggedBody]) + "…(truncated)"
	}
	return string(data)
}

// isUpload reports whether a request carries a file (a multipart form),
// whose body is never read for the log.
func isUpload(req *http.Request) bool {
	return strings.HasPrefix(req.Header.Get("Content-Type"), "multipart/")
}
