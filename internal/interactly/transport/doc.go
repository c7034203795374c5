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
// Several processes on one key. Every Terraform command runs provider
// processes of its own, and several runs in CI often share an API key; none
// knows of the others. With rate-limit headers a process finds them in the
// announced remaining count, which falls further than its own sends explain,
// or in 429s that come again soon after one another (pacing_share.go), and
// from then on spends only its part of the budget: additive increase and
// multiplicative decrease on the key's remaining count, which all of them
// see alike, so that their parts even out while together they stay under
// the limit. Without headers each learns from its
// own 429s (pacing_learner.go): accepted well under what it was accepted
// before, it takes it that others share the key, and for a while cuts
// deeper at each 429 and grows by the same step as every other process, so
// that their rates even out. A call with a deadline retries 429s until
// the deadline rather than a fixed number of times (retry.go); every wait
// and every change of the pace is told to an Observer (waits.go) for the
// client's logs, and added to the WaitTally of the operation, if any.
//
// Its hooks plug into go-retryablehttp. The client's logging only observes
// what happens here; it decides nothing.
package transport
