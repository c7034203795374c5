package interactly

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// APIError is an answer with an error status from the API.
type APIError struct {
	Method     string
	Path       string
	StatusCode int
	Message    string // the server's message, or an excerpt of its body
	Attempts   int    // how many attempts were made, retries included
	// RateRefusals is how many of the attempts the API refused for rate
	// (HTTP 429), this answer included when it is one.
	RateRefusals int
	// NotApplied is set when no attempt can have been acted on: each was
	// refused with a 4xx answer or never connected.
	NotApplied bool
	// PacedRate is, for a 429, the send rate in requests per second that
	// the client had slowed down to from what the API accepted, 0 when it
	// knows none: a value for max_requests_per_second that the API took.
	PacedRate float64
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: HTTP %d %s", e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (gave up after %d attempts)", e.Attempts)
	}
	return b.String()
}

// RequestError is a call that got no usable answer: the connection failed,
// the operation was cancelled, or a successful status came with a body that
// is not a valid answer.
type RequestError struct {
	Method   string
	Path     string
	Attempts int
	// RateRefusals is how many attempts the API refused for rate (HTTP 429)
	// before the call gave up (for one, when the wait it asked for would
	// pass the operation's deadline).
	RateRefusals int
	// NotApplied is set when no attempt can have been acted on: each was
	// refused with a 4xx answer or never connected, or none was sent.
	NotApplied bool
	Err        error
}

func (e *RequestError) Error() string {
	if e.Attempts > 1 {
		return fmt.Sprintf("%s %s failed after %d attempts: %v", e.Method, e.Path, e.Attempts, e.Err)
	}
	return fmt.Sprintf("%s %s failed: %v", e.Method, e.Path, e.Err)
}

func (e *RequestError) Unwrap() error { return e.Err }

// StatusCode returns the HTTP status of an *APIError in err's chain, or 0.
func StatusCode(err error) int {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode
	}
	return 0
}

// IsNotFound reports whether err is the API's 404.
func IsNotFound(err error) bool { return StatusCode(err) == http.StatusNotFound }

// maxMessageLen bounds the part of an error body quoted in an error, so a
// huge HTML error page does not flood the terminal.
const maxMessageLen = 512

// errorMessage extracts the server's message from an error body: the
// "message" (or "error") field of a JSON body, otherwise a bounded excerpt of
// the text. The API's error format is undocumented, so both are expected.
func errorMessage(body []byte) string {
	var doc struct {
		Message json.RawMessage `json:"message"`
		Error   json.RawMessage `json:"error"`
	}
	if json.Unmarshal(body, &doc) == nil {
		for _, raw := range []json.RawMessage{doc.Message, doc.Error} {
			if text := jsonText(raw); text != "" {
				return excerpt([]byte(text))
			}
		}
	}
	if title, ok := htmlTitle(body); ok {
		return excerpt([]byte(title))
	}
	return excerpt(body)
}

// htmlTitlePattern finds the title of an HTML page, such as the error page a
// proxy or load balancer sends in front of the API.
var htmlTitlePattern = regexp.MustCompile(`(?is)^\s*(?:<!doctype[^>]*>\s*)?<html.*?<title[^>]*>(.*?)</title>`)

// htmlTitle is the title of an HTML error page ("502 Bad Gateway"), which
// says more in one line than an excerpt of its markup.
func htmlTitle(body []byte) (string, bool) {
	m := htmlTitlePattern.FindSubmatch(body)
	if m == nil {
		return "", false
	}
	title := strings.TrimSpace(html.UnescapeString(string(m[1])))
	return "an HTML page titled " + strconv.Quote(title), title != ""
}

// jsonText renders a JSON string as itself and any other value (NestJS-style
// arrays of messages, say) as compact JSON.
func jsonText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// excerpt returns at most maxMessageLen bytes of body as one line of valid
// UTF-8, marking a cut with "…".
func excerpt(body []byte) string {
	text := strings.Join(strings.Fields(strings.ToValidUTF8(string(body), "\uFFFD")), " ")
	if len(text) <= maxMessageLen {
		return text
	}
	// text is valid UTF-8, so it starts with a whole rune: the loop ends
	// by the start at the latest.
	cut := maxMessageLen
	for !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut] + "…"
}
