package livetest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// numbersPath is the API's number collection.
const numbersPath = "/assistants/v1/numbers"

// rawClient sends single requests without the provider client's retries and
// decoding, so that the contract check sees exactly what the API answers.
type rawClient struct {
	base   *url.URL
	apiKey string
	http   *http.Client
}

func newRawClient(s Settings) (*rawClient, error) {
	base, err := interactly.ParseBaseURL(s.BaseURL)
	if err != nil {
		return nil, err
	}
	return &rawClient{base: base, apiKey: s.APIKey, http: &http.Client{Timeout: 30 * time.Second}}, nil
}

// answer is one response, as received.
type answer struct {
	method, path string
	status       int
	contentType  string
	body         []byte
}

// call sends one request. key replaces the API key when not empty (the
// wrong-key probe); body is sent as it is when not nil.
func (c *rawClient) call(ctx context.Context, method, path string, query url.Values, body []byte, key string) (answer, error) {
	// path is escaped already (IDs go through url.PathEscape): set both
	// forms, or String would escape its escapes again.
	u := *c.base
	u.RawPath = strings.TrimSuffix(u.EscapedPath(), "/") + path
	unescaped, err := url.PathUnescape(u.RawPath)
	if err != nil {
		return answer{}, err
	}
	u.Path = unescaped
	u.RawQuery = query.Encode()
	var reader io.Reader
	if body != nil {
		reader = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), reader)
	if err != nil {
		return answer{}, err
	}
	if key == "" {
		key = c.apiKey
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "terraform-provider-interactly-livetest")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	shown := path
	if len(query) > 0 {
		shown += "?" + query.Encode()
	}
	resp, err := c.http.Do(req)
	if err != nil {
		// The URL in a transport error holds no key, but redact anyway.
		return answer{}, fmt.Errorf("%s %s: %s", method, shown, c.redact(err.Error()))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return answer{}, fmt.Errorf("%s %s: reading the answer: %s", method, shown, c.redact(err.Error()))
	}
	return answer{method: method, path: shown, status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), body: data}, nil
}

// redact removes the API key from text that came from the server.
func (c *rawClient) redact(s string) string {
	return strings.ReplaceAll(s, c.apiKey, "[REDACTED]")
}

// excerpt is a short, single-line, key-free quote of a body for the report.
func (c *rawClient) excerpt(body []byte) string {
	text := strings.Join(strings.Fields(strings.ToValidUTF8(string(body), "?")), " ")
	text = c.redact(text)
	if text == "" {
		return "(empty body)"
	}
	const limit = 200
	if r := []rune(text); len(r) > limit {
		return string(r[:limit]) + "…"
	}
	return text
}

// randomID returns n random bytes in hex, to build IDs that no team has.
func randomID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}

// randomUUID is a random version-4 UUID, the shape of the documented IDs.
func randomUUID() string {
	h := randomID(16)
	return h[0:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:32]
}
