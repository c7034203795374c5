package transport

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// failingBody gives data, then err.
func failingBody(data string, err error) io.ReadCloser {
	return io.NopCloser(io.MultiReader(strings.NewReader(data), errorReader{err}))
}

type errorReader struct{ err error }

func (r errorReader) Read([]byte) (int, error) { return 0, r.err }

// A body that breaks off or runs into the attempt's time limit is a
// BodyError that says how much arrived of how much announced; only a
// deadline names the time limit.
func TestReadBodyReportsBrokenBodies(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		resp *http.Response
		want string
	}{
		"broke off, length announced": {
			&http.Response{StatusCode: 200, ContentLength: 10, Body: failingBody("abcd", io.ErrUnexpectedEOF)},
			"the body of the HTTP 200 answer broke off after 4 bytes (10 announced): unexpected EOF",
		},
		"broke off, an empty body announced": {
			&http.Response{StatusCode: 200, ContentLength: 0, Body: failingBody("", io.ErrUnexpectedEOF)},
			"the body of the HTTP 200 answer broke off after 0 bytes (0 announced): unexpected EOF",
		},
		"broke off, no length": {
			&http.Response{StatusCode: 503, ContentLength: -1, Body: failingBody("ab", errors.New("reset"))},
			"the body of the HTTP 503 answer broke off after 2 bytes (no length announced): reset",
		},
		"stalled until the deadline": {
			&http.Response{StatusCode: 200, ContentLength: 8, Body: failingBody("abc", context.DeadlineExceeded)},
			"the body of the HTTP 200 answer stalled after 3 bytes (8 announced) until the attempt's time limit of 2s ran out",
		},
	}
	for name, tc := range cases {
		body, err := ReadBody(tc.resp, 2*time.Second)
		var bodyErr *BodyError
		if body != nil || !errors.As(err, &bodyErr) || err.Error() != tc.want {
			t.Errorf("%s: ReadBody = %q, %v; want a BodyError %q", name, body, err, tc.want)
		}
	}
}

// A whole body comes back as it is, up to MaxBodySize; one byte more is an
// error that is not a BodyError, since asking again would bring the same.
func TestReadBodyLimitsTheSize(t *testing.T) {
	t.Parallel()
	atLimit := bytes.Repeat([]byte("a"), MaxBodySize)
	body, err := ReadBody(&http.Response{StatusCode: 200, Body: io.NopCloser(bytes.NewReader(atLimit))}, time.Second)
	if err != nil || len(body) != MaxBodySize {
		t.Fatalf("a body of MaxBodySize bytes: %d bytes, %v", len(body), err)
	}
	over := append(atLimit, 'b')
	_, err = ReadBody(&http.Response{StatusCode: 200, Body: io.NopCloser(bytes.NewReader(over))}, time.Second)
	var bodyErr *BodyError
	if err == nil || errors.As(err, &bodyErr) || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a body over MaxBodySize: %v; want a plain size error", err)
	}
}
