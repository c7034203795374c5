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

	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
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

// Config configures a Client. Only APIKey is required.
type Config struct {
	BaseURL   string // defaults to DefaultBaseURL; plain http only for loopback hosts
	APIKey    string
	UserAgent string

	// MaxRetries is how many times a request is retried after a failure
	// other than 429 (so at most MaxRetries+1 attempts for those); 429s have
	// a budget of their own, see package transport. Negative means the
	// default; zero disables every retry.
	MaxRetries int
	// RequestTimeout bounds each attempt, body included, not the whole
	// retried call, and not the time an attempt waits for its turn to be sent.
	RequestTimeout time.Duration
	// RetryWaitMin and RetryWaitMax bound the exponential backoff between
	// attempts when the server sends no Retry-After.
	RetryWaitMin, RetryWaitMax time.Duration
	// MaxRequestsPerSecond caps how many requests start in any second, over
	// every client of this process with the same key, base URL and cap;
	// 0 or less means no cap.
	MaxRequestsPerSecond int

	// Logger receives one line per attempt; nil means no logging.
	Logger Logger

	// Now is the clock that times remembered failures (see FailureMemory);
	// nil means time.Now. Tests pin it.
	Now func() time.Time

	// resolver looks up the host of a plain http base URL; nil means the
	// system's. Tests map names to addresses with it.
	resolver hostResolver
}

// Client calls the Interactly API. It is safe for concurrent use.
type Client struct {
	baseURL    *url.URL
	apiKey     string
	userAgent  string
	policy     transport.Policy
	pacer      *transport.Pacer
	httpClient *http.Client
	now        func() time.Time
	logger     Logger

	numbers    *numberCache
	writes     writeBreaker
	reach      reachability
	assistants assistantProbes
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
	logger := cfg.Logger
	if logger == nil {
		logger = nopLogger{}
	}
	c := &Client{
		baseURL:   base,
		apiKey:    cfg.APIKey,
		userAgent: cfg.UserAgent,
		policy: transport.Policy{
			MaxRetries:     cfg.MaxRetries,
			RequestTimeout: cfg.RequestTimeout,
			WaitMin:        cfg.RetryWaitMin,
			WaitMax:        cfg.RetryWaitMax,
		},
		pacer: transport.SharedPacer(base.String(), cfg.APIKey, float64(max(cfg.MaxRequestsPerSecond, 0))),
		httpClient: &http.Client{
			// http.Client's Timeout runs until the body is read, so it
			// bounds the whole attempt, body included.
			Timeout:   cfg.RequestTimeout,
			Transport: &loggingTransport{next: loopbackOnly(newPooledTransport(), base, cfg.resolver), logger: logger},
		},
		now:    cfg.Now,
		logger: logger,
	}
	if c.now == nil {
		c.now = time.Now
	}
	c.numbers = newNumberCache(c)
	return c, nil
}

// request describes one API call.
type request struct {
	method string
	path   string     // below the base URL, escaped, e.g. /assistants/v1/numbers/a%2Fb
	query  url.Values // optional
	body   any        // JSON-encoded when non-nil
	// upload, when set instead of body, is a streamed body that each
	// attempt opens anew (see files.go), of this content type.
	upload      retryablehttp.ReaderFunc
	contentType string
}

// do sends req with retries and hands a successful answer's body to decode.
// Each attempt reads the whole body and decodes it before it counts as
// answered, so a body that breaks off or stalls is a failed attempt, retried
// like a connection error, and never decoded in part. Failures come back as
// *APIError (the server answered with an error status) or *RequestError (no
// usable answer: connection errors, cancellation, a body that did not arrive
// whole or is not a valid answer).
func (c *Client) do(ctx context.Context, req request, decode func(body []byte) error) error {
	var payload []byte
	if req.body != nil {
		var err error
		if payload, err = json.Marshal(req.body); err != nil {
			return fmt.Errorf("encoding the %s %s request: %w", req.method, req.path, err)
		}
	}
	if down := c.unreachableNow(); down != nil {
		return down
	}
	call := transport.NewCall(req.method, c.policy, c.pacer)
	call.Observe(callObserver{logger: c.logger, method: req.method, path: req.path})
	ctx = logContext(transport.WithCall(ctx, call), c.logger)
	// fail reports a call that got no usable answer.
	fail := func(err error) error {
		failed := &RequestError{Method: req.method, Path: req.path, Attempts: call.Attempts(),
			RateRefusals: call.RateRefusals(), NotApplied: !call.MayHaveActed(), Err: err}
		c.logGiveUp(ctx, req.method, req.path, call.Attempts(), failed)
		return failed
	}
	var rawBody any = payload
	if req.upload != nil {
		rawBody = req.upload
	}
	httpReq, err := retryablehttp.NewRequestWithContext(ctx, req.method, c.url(req.path, req.query), rawBody)
	if err != nil {
		return fail(err)
	}
	httpReq.Header.Set("Authorization", "Bearer "+c.apiKey)
	httpReq.Header.Set("Accept", "application/json")
	if c.userAgent != "" {
		httpReq.Header.Set("User-Agent", c.userAgent)
	}
	switch {
	case req.upload != nil:
		httpReq.Header.Set("Content-Type", req.contentType)
	case payload != nil:
		httpReq.Header.Set("Content-Type", "application/json")
	}

	// The answer the attempt that ended the call read, body and all.
	var status int
	var body []byte
	httpReq.SetResponseHandler(func(resp *http.Response) error {
		read, err := transport.ReadBody(resp, c.policy.RequestTimeout)
		if err != nil {
			return c.redactErr(err)
		}
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			if err := decode(read); err != nil {
				return fmt.Errorf("HTTP %d with a body that is not a valid answer (%w): %s", resp.StatusCode, c.redactErr(err), c.redact(excerpt(read)))
			}
		}
		status, body = resp.StatusCode, read
		return nil
	})

	if err := call.BeforeAttempt(httpReq.Request); err != nil {
		return fail(err)
	}
	resp, err := c.retrying(ctx, call).Do(httpReq)
	if err != nil {
		return c.noteReach(ctx, call, fail(c.redactErr(err)))
	}
	_ = c.noteReach(ctx, call, nil)
	resp.Body.Close() // read and closed by the handler already; this is a no-op
	if status < 200 || status > 299 {
		failed := &APIError{
			Method:       req.method,
			Path:         req.path,
			StatusCode:   status,
			Message:      c.redact(errorMessage(body)),
			Attempts:     call.Attempts(),
			RateRefusals: call.RateRefusals(),
			NotApplied:   !call.MayHaveActed(),
			PacedRate:    c.pacedRate(status),
		}
		c.logGiveUp(ctx, req.method, req.path, call.Attempts(), failed)
		return failed
	}
	return nil
}

// retrying returns a retryablehttp client for one call, with call's hooks.
// A new value per call is cheap: the connection pool lives in httpClient.
func (c *Client) retrying(ctx context.Context, call *transport.Call) *retryablehttp.Client {
	return &retryablehttp.Client{
		HTTPClient:   c.httpClient,
		Logger:       nil, // every attempt is logged by loggingTransport instead
		RetryWaitMin: c.policy.WaitMin,
		RetryWaitMax: c.policy.WaitMax,
		RetryMax:     call.RetryMax(ctx),
		CheckRetry:   call.CheckRetry,
		Backoff:      call.Backoff,
		PrepareRetry: call.BeforeAttempt,
		ErrorHandler: handOverLastResponse,
	}
}

// url joins the base URL and an escaped path. Both forms of the path are
// set, so that String sends the escaped one as it is: escaping Path alone
// would escape the path's escapes again, and an ID holding "%", "/" or a
// space would reach the API as another ID.
func (c *Client) url(escapedPath string, query url.Values) string {
	u := *c.baseURL
	u.RawPath = strings.TrimSuffix(u.EscapedPath(), "/") + escapedPath
	u.Path = unescapedPath(u.RawPath)
	u.RawQuery = query.Encode()
	return u.String()
}

// unescapedPath is url.PathUnescape for paths built with url.PathEscape and
// a parsed base URL, which always unescape.
func unescapedPath(escaped string) string {
	path, err := url.PathUnescape(escaped)
	if err != nil {
		return escaped
	}
	return path
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

// handOverLastResponse is the retryablehttp.ErrorHandler. A call that failed
// (cancellation, connection errors, a body that did not arrive whole or is
// not valid) reports its error, and any response is closed. A call whose last
// attempt ended in a status it may not retry any more hands that response on,
// its body already read, so the caller can report its status and message.
func handOverLastResponse(resp *http.Response, err error, _ int) (*http.Response, error) {
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return nil, err
	}
	return resp, nil
}
