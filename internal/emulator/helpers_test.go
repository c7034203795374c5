package emulator

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const testKey = "test-key-5ecret"

// testSeed has its numbers out of phone-number order, to tell insertion
// order from sorting.
func testSeed() Seed {
	return Seed{
		TeamID:     "team-1",
		Assistants: []string{"asst-a", "asst-b"},
		Numbers: []Number{
			{ID: "id-3", Number: "+14155550103", Label: "sales", AssistantID: "asst-a", InboundEnabled: true, OutboundEnabled: true},
			{ID: "id-1", Number: "+14155550101", Label: "support", InboundEnabled: true},
			{ID: "id-2", Number: "+14155550102", Label: "sales"},
		},
	}
}

// client sends requests to an emulator started in-process.
type client struct {
	t             *testing.T
	base          string
	authorization string // the Authorization header; none if empty
}

// response is a fully read answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

// start runs an emulator with the test key and opts on a test server.
func start(t *testing.T, opts Options) (*Server, *client) {
	t.Helper()
	opts.APIKey = testKey
	srv := New(opts)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return srv, &client{t: t, base: ts.URL, authorization: "Bearer " + testKey}
}

// do sends a request with the client's Authorization header and an
// optional raw JSON body.
func (c *client) do(method, path, body string) response {
	c.t.Helper()
	res, err := c.send(context.Background(), method, path, body)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	return res
}

// send is do without failing the test: for expected transport errors, and
// for goroutines other than the test's.
func (c *client) send(ctx context.Context, method, path, body string) (response, error) {
	var reader io.Reader
	if body != "" {
		reader = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, reader)
	if err != nil {
		return response{}, err
	}
	if c.authorization != "" {
		req.Header.Set("Authorization", c.authorization)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		return response{}, err
	}
	return response{status: res.StatusCode, header: res.Header, body: data}, nil
}

// decode unmarshals the body into v, failing the test if it is not JSON.
func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("body %q: %v", r.body, err)
	}
}

// wantError checks that r is a JSON error of this status whose message
// contains substr.
func (r response) wantError(t *testing.T, status int, substr string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q, want application/json", ct)
	}
	var e errorBody
	r.decode(t, &e)
	if e.StatusCode != status || e.Error != http.StatusText(status) {
		t.Errorf("error body %+v, want statusCode %d and error %q", e, status, http.StatusText(status))
	}
	if !strings.Contains(e.Message, substr) {
		t.Errorf("message %q does not contain %q", e.Message, substr)
	}
	if strings.Contains(string(r.body), testKey) {
		t.Errorf("error body %s repeats the API key", r.body)
	}
}

// ids lists the IDs of numbers, in order.
func ids(numbers []Number) []string {
	out := make([]string, len(numbers))
	for i, n := range numbers {
		out[i] = n.ID
	}
	return out
}

// httptestRequest is a bodiless request for in-process ServeHTTP calls.
func httptestRequest(method, path string) *http.Request {
	req := httptest.NewRequest(method, path, nil)
	req.Header.Set("Authorization", "Bearer "+testKey)
	return req
}
