package transport

import (
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

// Backoff is the wait between attempts the client uses: NewBackoff with the
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

// exponential is min*2^attempt, capped at max. Each doubling is capped, so
// no number of attempts overflows.
func exponential(minWait, maxWait time.Duration, attempt int) time.Duration {
	wait := min(minWait, maxWait)
	for range attempt {
		wait = min(2*wait, maxWait)
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
		// Capped before the conversion, which would overflow.
		wait = time.Duration(min(seconds, int64(MaxRetryAfter/time.Second))) * time.Second
	} else if date, err := http.ParseTime(value); err == nil {
		wait = date.Sub(now)
	} else {
		return 0, false
	}
	return min(max(wait, 0), MaxRetryAfter), true
}
