// Package transport is the Interactly client's policy for getting an answer
// across a network and an API that misbehave: which failures are retried and
// how often (retry.go), how long to wait between attempts and how Retry-After
// is honoured (backoff.go), a retry whose wait would outlast the caller's
// deadline given up at once (deadline.go), how fast requests are sent (pacing.go: a cap the
// user chooses and an adaptive rate after the API refuses one for rate), what
// a response body that breaks off or stalls means (body.go), and the state of
// one call across its attempts (call.go).
//
// A request that creates something (a POST) is sent again only when the API
// cannot have acted on it; CheckRetry (retry.go) is where that rule lives.
//
// Its hooks plug into go-retryablehttp. The client's logging only observes
// what happens here; it decides nothing.
package transport
