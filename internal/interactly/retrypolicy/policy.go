// Package retrypolicy decides which Interactly API requests are retried and how
// long to wait between attempts. Its functions plug into go-retryablehttp's
// CheckRetry and Backoff hooks.
package retrypolicy

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// MaxRetryAfter bounds how long a server's Retry-After can make us wait, so a
// misbehaving server cannot stall a pipeline for hours. The wait is still cut
// short at once when the Terraform operation is cancelled.
const MaxRetryAfter = 5 * time.Minute

// retryableStatuses are the answers that say "try again later": rate limiting
// and the gateway/availability errors of a server that did not act on the request.
var retryableStatuses = map[int]bool{
	http.StatusTooManyRequests:    true,
	http.StatusBadGateway:         true,
	http.StatusServiceUnavailable: true,
	http.StatusGatewayTimeout:     true,
}

// CheckRetryFor returns the retryablehttp.CheckRetry for requests of one
// method. Connection errors carry no response, so the method is fixed up front.
//
// Every policy stops at once when the context is done, returning the context's
// error so the caller reports cancellation rather than a failed request.
// Idempotent methods (GET, PUT) are retried on connection errors and on
// 429/502/503/504. Other methods (POST) are retried only on 429, which promises
// the request was not processed: a POST that failed in transit may have been.
func CheckRetryFor(method string) retryablehttp.CheckRetry {
	idempotent := isIdempotent(method)
	return func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		if err != nil {
			if !idempotent {
				return false, err
			}
			// retryablehttp already knows which transport errors are permanent
			// (bad scheme, TLS verification, too many redirects).
			return retryablehttp.ErrorPropagatedRetryPolicy(ctx, nil, err)
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			return true, nil
		}
		return idempotent && retryableStatuses[resp.StatusCode], nil
	}
}

func isIdempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// Backoff is the retryablehttp.Backoff the client uses: NewBackoff with the
// wall clock and a random jitter.
var Backoff = NewBackoff(time.Now, rand.Int64N)

// NewBackoff returns a retryablehttp.Backoff that honours a Retry-After header in
// both its forms (delay in seconds, or an HTTP date), bounded by MaxRetryAfter,
// and otherwise waits an exponentially growing time with "equal jitter": half
// of min*2^attempt (capped at max) plus a random part of up to the other half,
// so that many clients retrying together spread out. now and jitter are
// parameters so tests can pin them.
func NewBackoff(now func() time.Time, jitter func(n int64) int64) retryablehttp.Backoff {
	return func(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
		if resp != nil {
			if wait, ok := RetryAfter(resp.Header.Get("Retry-After"), now()); ok {
				return wait
			}
		}
		ceiling := exponential(minWait, maxWait, attempt)
		half := ceiling / 2
		if half <= 0 {
			return ceiling
		}
		return half + time.Duration(jitter(int64(half)+1))
	}
}

// exponential is min*2^attempt, capped at max without overflowing.
func exponential(minWait, maxWait time.Duration, attempt int) time.Duration {
	wait := minWait
	for i := 0; i < attempt && wait < maxWait; i++ {
		wait *= 2
	}
	if wait > maxWait || wait <= 0 {
		return maxWait
	}
	return wait
}

// RetryAfter parses a Retry-After header value, either delay-seconds or an
// HTTP date (RFC 9110 section 10.2.3), relative to now. A date in the past
// means "retry now". Values beyond MaxRetryAfter are capped; unparseable or
// negative values report false so the caller falls back to its own backoff.
func RetryAfter(value string, now time.Time) (time.Duration, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	var wait time.Duration
	if seconds, err := strconv.ParseInt(value, 10, 64); err == nil {
		if seconds < 0 {
			return 0, false
		}
		if seconds > int64(MaxRetryAfter/time.Second) {
			return MaxRetryAfter, true
		}
		wait = time.Duration(seconds) * time.Second
	} else if date, err := http.ParseTime(value); err == nil {
		wait = date.Sub(now)
	} else {
		return 0, false
	}
	return min(max(wait, 0), MaxRetryAfter), true
}
