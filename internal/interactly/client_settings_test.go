package interactly

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// Zero or negative settings take the defaults; any positive one is kept.
func TestNewFillsOnlyUnsetSettings(t *testing.T) {
	t.Parallel()
	c, err := New(Config{APIKey: "k"})
	if err != nil {
		t.Fatal(err)
	}
	want := struct {
		timeout, waitMin, waitMax time.Duration
		retries                   int
	}{DefaultRequestTimeout, DefaultRetryWaitMin, DefaultRetryWaitMax, 0}
	if p := c.policy; p.RequestTimeout != want.timeout || p.WaitMin != want.waitMin || p.WaitMax != want.waitMax || p.MaxRetries != want.retries {
		t.Errorf("zero settings gave %+v; want the defaults and no retries (0 means none)", p)
	}
	if c.baseURL.String() != DefaultBaseURL {
		t.Errorf("base URL %s, want %s", c.baseURL, DefaultBaseURL)
	}
	c, err = New(Config{APIKey: "k", MaxRetries: -1, RequestTimeout: -time.Second, RetryWaitMin: -1, RetryWaitMax: -1})
	if err != nil {
		t.Fatal(err)
	}
	if p := c.policy; p.MaxRetries != DefaultMaxRetries || p.RequestTimeout != DefaultRequestTimeout || p.WaitMin != DefaultRetryWaitMin || p.WaitMax != DefaultRetryWaitMax {
		t.Errorf("negative settings gave %+v; want the defaults", p)
	}
	c, err = New(Config{APIKey: "k", MaxRetries: 2, RequestTimeout: time.Nanosecond, RetryWaitMin: time.Nanosecond, RetryWaitMax: 2 * time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	if p := c.policy; p.MaxRetries != 2 || p.RequestTimeout != time.Nanosecond || p.WaitMin != time.Nanosecond || p.WaitMax != 2*time.Nanosecond {
		t.Errorf("positive settings gave %+v; want them kept", p)
	}
	if c.httpClient.Timeout != time.Nanosecond {
		t.Errorf("the HTTP client's timeout is %v, want the request timeout", c.httpClient.Timeout)
	}
}

// answering serves every request with this status and body.
func answering(t *testing.T, status int, body string) *Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	c, err := New(Config{BaseURL: srv.URL, APIKey: "sk-secret-key-123"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Every 2xx status is a success, up to 299 itself.
func TestEvery2xxIsASuccess(t *testing.T) {
	t.Parallel()
	numbers, err := answering(t, 299, `[{"_id":"n1","number":"+14155550100"}]`).ListNumbers(context.Background(), "")
	if err != nil || len(numbers) != 1 {
		t.Fatalf("a 299 answer gave %v, %v; want the listed number", numbers, err)
	}
	if _, err := answering(t, 300, `[]`).ListNumbers(context.Background(), ""); StatusCode(err) != 300 {
		t.Errorf("a 300 answer gave %v; want an APIError with status 300", err)
	}
}

// A document the client rejects is named in the error, with the API key
// redacted should the server have put it there; documents without an ID or
// a number are rejected.
func TestInvalidDocumentsAreRejectedWithoutShowingTheKey(t *testing.T) {
	t.Parallel()
	for body, want := range map[string]string{
		`[{"_id":"sk-secret-key-123"}]`:      `number document "[REDACTED]" without "number"`,
		`[{"number":"+14155550100"}]`:        `number document without "_id"`,
		`[{"_id":"n1","number":"+1415555"}]`: "",
	} {
		_, err := answering(t, http.StatusOK, body).ListNumbers(context.Background(), "")
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v; want it accepted", body, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: err = %v; want one containing %q", body, err, want)
		case err != nil && strings.Contains(err.Error(), "sk-secret-key-123"):
			t.Errorf("%s: the error shows the API key: %v", body, err)
		}
	}
}
