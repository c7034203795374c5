package interactly

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/interactly/terraform-provider-interactly/internal/interactly/retrypolicy"
)

// DefaultBaseURL is the production API.
const DefaultBaseURL = "https://api-prod.interactly.ai"

// Defaults for Config fields left at their zero value.
const (
	DefaultMaxRetries     = 4
	DefaultRequestTimeout = 30 * time.Second
	DefaultRetryWaitMin   = 1 * time.Second
	DefaultRetryWaitMax   = 30 * time.Second
)

// maxBodySize bounds how much of any response is read: a number document is
// a few hundred bytes, so even a team of 100,000 numbers stays far below it.
const maxBodySize = 64 << 20

// Config configures a Client. Only APIKey is required.
type Config struct {
	BaseURL   string // defaults to DefaultBaseURL; plain http only for loopback hosts
	APIKey    string
	UserAgent string

	// MaxRetries is how many times a failed request is retried (so at most
	// MaxRetries+1 attempts). Negative means the default; zero disables retries.
	MaxRetries int
	// RequestTimeout bounds each attempt, not the whole retried call.
	RequestTimeout time.Duration
	// RetryWaitMin and RetryWaitMax bound the exponential backoff between
	// attempts when the server sends no Retry-After.
	RetryWaitMin, RetryWaitMax time.Duration

	// Logger receives one line per attempt; nil means no logging.
	Logger Logger
	// Transport replaces the HTTP transport (tests); nil means a pooled default.
	Transport http.RoundTripper
}

// Client calls the Interactly API. It is safe for concurrent use.
type Client struct {
	baseURL    *url.URL
	apiKey     string
	userAgent  string
	maxRetries int
	waitMin    time.Duration
	waitMax    time.Duration
	httpClient *http.Client
	gate       *rateGate // shared wait after a 429, see throttle.go

	numbers *numberCache
}

// New checks cfg and returns a Client. It makes no request.
func New(cfg Config) (*Client, error) {
	if cfg.APIKey == "" {
		return nil, errors.New("no API key given")
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	base, err := ParseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.MaxRetries < 0 {
		cfg.MaxRetries = DefaultMaxRetries
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.RetryWaitMin <= 0 {
		cfg.RetryWaitMin = DefaultRetryWaitMin
	}
	if cfg.RetryWaitMax <= 0 {
		cfg.RetryWaitMax = DefaultRetryWaitMax
	}
	transport := cfg.Transport
	if transport == nil {
		transport = newPooledTransport()
	}
	logger := cfg.Logger
	if logger == nil {
		logger = nopLogger{}
	}
	gate := newRateGate(cfg.RetryWaitMin)
	c := &Client{
		baseURL:    base,
		apiKey:     cfg.APIKey,
		userAgent:  cfg.UserAgent,
		maxRetries: cfg.MaxRetries,
		waitMin:    cfg.RetryWaitMin,
		waitMax:    cfg.RetryWaitMax,
		gate:       gate,
		httpClient: &http.Client{
			Timeout: cfg.RequestTimeout,
			Transport: &loggingTransport{
				next:   &gateTransport{next: transport, gate: gate, fallback: cfg.RetryWaitMin},
				logger: logger,
			},
		},
	}
	c.numbers = newNumberCache(c)
	return c, nil
}

// request describes one API call.
type request struct {
	method string
	path   string     // below the base URL, e.g. /assistants/v1/numbers
	query  url.Values // optional
	body   any        // JSON-encoded when non-nil
}

// do sends req with retries and hands a successful answer's body to decode.
// Failures come back as *APIError (the server answered with an error status),
// *RequestError (no usable answer: connection errors, cancellation, bad body).
func (c *Client) do(ctx context.Context, req request, decode func(body []byte) error) error {
	var payload []byte
	if req.body != nil {
		var err error
		if payload, err = json.Marshal(req.body); err != nil {
			return fmt.Errorf("encoding the %s %s request: %w", req.method, req.path, err)
		}
	}
	ctx, attempts := withAttemptCounter(ctx)
	// fail reports a call that got no usable answer.
	fail := func(err error) error {
		return &RequestError{Method: req.method, Path: req.path, Attempts: attempts.count(), Err: err}
	}
	httpReq, err := retryablehttp.NewRequestWithContext(ctx, req.method, c.url(req.path, req.query), payload)
	if err != nil {
		return fail(err)
	}
	httpReq.Header.Set("Authorization", "Bearer "+c.apiKey)
	httpReq.Header.Set("Accept", "application/json")
	if c.userAgent != "" {
		httpReq.Header.Set("User-Agent", c.userAgent)
	}
	if payload != nil {
		httpReq.Header.Set("Content-Type", "application/json")
	}

	// Wait out a rate limit the API announced to another request, outside
	// the per-attempt timeout.
	err = c.gate.wait(ctx)
	var resp *http.Response
	if err == nil {
		resp, err = c.retrying(req.method).Do(httpReq)
	}
	if err != nil {
		return fail(c.redactErr(err))
	}
	defer resp.Body.Close()
	body, readErr := io.ReadAll(io.LimitReader(resp.Body, maxBodySize+1))

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return &APIError{
			Method:     req.method,
			Path:       req.path,
			StatusCode: resp.StatusCode,
			Message:    c.redact(errorMessage(body)),
			Attempts:   attempts.count(),
		}
	}
	if readErr != nil {
		return fail(fmt.Errorf("reading the response body: %w", c.redactErr(readErr)))
	}
	if len(body) > maxBodySize {
		return fail(fmt.Errorf("response body larger than %d bytes", maxBodySize))
	}
	if err := decode(body); err != nil {
		return fail(fmt.Errorf("HTTP %d with a body that is not a valid answer (%w): %s", resp.StatusCode, err, c.redact(excerpt(body))))
	}
	return nil
}

// retrying returns a retryablehttp client for one request. A new value per
// request is cheap (the connection pool lives in httpClient) and lets the
// retry policy depend on the method.
func (c *Client) retrying(method string) *retryablehttp.Client {
	return &retryablehttp.Client{
		HTTPClient:     c.httpClient,
		Logger:         nil, // every attempt is logged by loggingTransport instead
		RetryWaitMin:   c.waitMin,
		RetryWaitMax:   c.waitMax,
		RetryMax:       c.maxRetries,
		CheckRetry:     retrypolicy.CheckRetryFor(method),
		Backoff:        c.backoff,
		RequestLogHook: countAttempt,
		ErrorHandler:   handOverLastResponse,
	}
}

// backoff is the policy's wait, stretched to cover a rate limit that another
// request of this client was told about in the meantime.
func (c *Client) backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	return max(retrypolicy.Backoff(minWait, maxWait, attempt, resp), c.gate.remaining())
}

func (c *Client) url(path string, query url.Values) string {
	u := *c.baseURL
	u.Path = strings.TrimSuffix(u.Path, "/") + path
	u.RawQuery = query.Encode()
	return u.String()
}

// redact removes the API key from text that came from elsewhere (a server
// message, a transport error), in case anything echoes it.
func (c *Client) redact(s string) string {
	if c.apiKey == "" {
		return s
	}
	return strings.ReplaceAll(s, c.apiKey, "[REDACTED]")
}

func (c *Client) redactErr(err error) error {
	if err == nil || !strings.Contains(err.Error(), c.apiKey) {
		return err
	}
	return redactedError{msg: c.redact(err.Error()), err: err}
}

// redactedError keeps the chain of err (for errors.Is) but prints msg.
type redactedError struct {
	msg string
	err error
}

func (e redactedError) Error() string { return e.msg }
func (e redactedError) Unwrap() error { return e.err }

// decodeStrict decodes exactly one JSON value and fails on trailing garbage,
// so a truncated or concatenated body is an error rather than partial data.
func decodeStrict(body []byte, out any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(out); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected data after the JSON value")
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); err != io.EOF {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

// handOverLastResponse is the retryablehttp.ErrorHandler: when retries run out
// on an error status it hands back the last response, so the caller can report
// its status and message together with the number of attempts. When the
// request failed for another reason (cancellation, connection errors), the
// error wins and any response is closed.
func handOverLastResponse(resp *http.Response, err error, _ int) (*http.Response, error) {
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return nil, err
	}
	return resp, nil
}
