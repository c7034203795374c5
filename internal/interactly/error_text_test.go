package interactly

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// One attempt is not a retry: only calls that retried say how many attempts
// they made.
func TestErrorsCountAttemptsOnlyAfterRetries(t *testing.T) {
	t.Parallel()
	cases := map[error]string{
		&APIError{Method: "PUT", Path: "/p", StatusCode: 503, Attempts: 1}:    "PUT /p: HTTP 503 Service Unavailable",
		&APIError{Method: "PUT", Path: "/p", StatusCode: 503, Attempts: 2}:    "PUT /p: HTTP 503 Service Unavailable (gave up after 2 attempts)",
		&RequestError{Method: "GET", Path: "/p", Attempts: 1, Err: errBroken}: "GET /p failed: broken",
		&RequestError{Method: "GET", Path: "/p", Attempts: 3, Err: errBroken}: "GET /p failed after 3 attempts: broken",
	}
	for err, want := range cases {
		if got := err.Error(); got != want {
			t.Errorf("Error() = %q, want %q", got, want)
		}
	}
}

var errBroken = errors.New("broken")

// A body quoted in an error is cut at maxMessageLen bytes, on a rune
// boundary, and only when longer.
func TestExcerptCutsLongBodiesOnARuneBoundary(t *testing.T) {
	t.Parallel()
	exact := strings.Repeat("a", maxMessageLen)
	if got := excerpt([]byte(exact)); got != exact {
		t.Errorf("a body of exactly %d bytes came back as %d bytes (%q...)", maxMessageLen, len(got), got[len(got)-5:])
	}
	// "é" is two bytes: after one "a", every rune boundary is odd, so
	// maxMessageLen (even) falls inside a rune.
	long := "a" + strings.Repeat("é", maxMessageLen)
	got := excerpt([]byte(long))
	if !utf8.ValidString(got) || !strings.HasSuffix(got, "…") {
		t.Fatalf("excerpt of a long body is %q; want valid UTF-8 ending in …", got)
	}
	if cut := len(strings.TrimSuffix(got, "…")); cut != maxMessageLen-1 {
		t.Errorf("cut after %d bytes, want %d (the last rune boundary within the limit)", cut, maxMessageLen-1)
	}
}
