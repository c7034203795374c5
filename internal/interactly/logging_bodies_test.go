package interactly

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

// answer is a RoundTripper that answers with body, and then readErr
// instead of io.EOF when set.
type answer struct {
	body    []byte
	readErr error
}

func (a answer) RoundTrip(req *http.Request) (*http.Response, error) {
	var body io.Reader = bytes.NewReader(a.body)
	if a.readErr != nil {
		body = io.MultiReader(body, errReader{a.readErr})
	}
	return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(body), Request: req}, nil
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// roundTrip sends one request with this body through a loggingTransport in
// front of next, reads the answer to its end and closes it.
func roundTrip(t *testing.T, next http.RoundTripper, target string, body []byte) *RecordingLogger {
	t.Helper()
	logged := &RecordingLogger{}
	req, err := http.NewRequest(http.MethodPut, target, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := (&loggingTransport{next: next, logger: logged}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	return logged
}

// Bodies longer than maxLoggedBody are logged as their first maxLoggedBody
// bytes and a mark; a body of exactly maxLoggedBody bytes is logged whole.
func TestLoggedBodiesAreTruncatedBeyondTheLimit(t *testing.T) {
	t.Parallel()
	long := []byte(strings.Repeat("x", maxLoggedBody) + "tail")
	logged := roundTrip(t, answer{body: long}, "https://api.test/p", long)
	want := strings.Repeat("x", maxLoggedBody) + "…(truncated)"
	if got := logged.Find(t, "API request body")["http_request_body"]; got != want {
		t.Errorf("request body logged as %.40q..., want the first %d bytes and the mark", got, maxLoggedBody)
	}
	if got := logged.Find(t, "API response body")["http_response_body"]; got != want {
		t.Errorf("response body logged as %.40q..., want the first %d bytes and the mark", got, maxLoggedBody)
	}
	if got := logged.Find(t, "API request")["response_bytes"]; got != int64(len(long)) {
		t.Errorf("response_bytes = %v, want %d: the whole body is counted", got, len(long))
	}

	exact := []byte(strings.Repeat("y", maxLoggedBody))
	logged = roundTrip(t, answer{body: exact}, "https://api.test/p", exact)
	if got := logged.Find(t, "API response body")["http_response_body"]; got != string(exact) {
		t.Errorf("a body of exactly %d bytes was not logged whole", maxLoggedBody)
	}
}

// A body that breaks off is logged as failed, with the first read error,
// not as an answer.
func TestBrokenBodyIsLoggedAsFailed(t *testing.T) {
	t.Parallel()
	broken := errors.New("connection reset")
	logged := roundTrip(t, answer{body: []byte(`[{"_id":`), readErr: broken}, "https://api.test/p", nil)
	fields := logged.Find(t, "API response body failed")
	if fields["error"] != broken.Error() {
		t.Errorf("error field = %v, want %q", fields["error"], broken)
	}
	whole := roundTrip(t, answer{body: []byte(`[]`)}, "https://api.test/p", nil)
	if fields := whole.Find(t, "API request"); fields["error"] != nil {
		t.Errorf("a whole body was logged with error %v", fields["error"])
	}
}

// The query string is logged when there is one, and only then.
func TestQueryIsLoggedWhenPresent(t *testing.T) {
	t.Parallel()
	logged := roundTrip(t, answer{body: []byte(`[]`)}, "https://api.test/p?label=sales", nil)
	if got := logged.Find(t, "API request")["http_query"]; got != "label=sales" {
		t.Errorf("http_query = %v, want label=sales", got)
	}
	logged = roundTrip(t, answer{body: []byte(`[]`)}, "https://api.test/p", nil)
	if got, ok := logged.Find(t, "API request")["http_query"]; ok {
		t.Errorf("a request without a query was logged with http_query %v", got)
	}
}

// However large the body, the copy kept for the log stays at
// maxLoggedBody+1 bytes (enough to tell that it was cut).
func TestObservedBodyKeepsABoundedCopy(t *testing.T) {
	t.Parallel()
	var gotTotal int64
	body := &observedBody{
		ReadCloser: io.NopCloser(bytes.NewReader(bytes.Repeat([]byte("z"), 4*maxLoggedBody))),
		done:       func(_ []byte, total int64, _ error) { gotTotal = total },
	}
	buf := make([]byte, 1000)
	for {
		if _, err := body.Read(buf); err != nil {
			break
		}
	}
	body.Close()
	if got := body.seen.Len(); got != maxLoggedBody+1 {
		t.Errorf("kept %d bytes of a %d-byte body, want %d", got, 4*maxLoggedBody, maxLoggedBody+1)
	}
	if gotTotal != 4*maxLoggedBody {
		t.Errorf("total reported %d, want %d", gotTotal, 4*maxLoggedBody)
	}
}
