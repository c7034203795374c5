package transport

import (
	"errors"
	"net"
	"net/http"
)

// What the attempts of a call did at the API, for the caller that must know
// whether a failed write may have been applied. An attempt refused with a
// 4xx answer (a 429 above all) or one that never connected was not acted
// on; any other (a success, a 5xx, a connection that broke after the request
// went out, a cancellation mid-request) may have been.

// noteOutcome records how an attempt ended. CheckRetry calls it once per
// attempt.
func (c *Call) noteOutcome(resp *http.Response, err error) {
	switch {
	case resp != nil:
		c.connected = true
		if resp.StatusCode == http.StatusTooManyRequests {
			c.rateRefusals++
		}
		if resp.StatusCode < 400 || resp.StatusCode >= 500 {
			c.mayHaveActed = true
		}
	case err != nil && IsDialFailure(err):
		// The request never left this machine.
	case err != nil:
		c.connected = true
		c.mayHaveActed = true
	}
}

// MayHaveActed reports whether any attempt so far may have been acted on by
// the API: false when every attempt was refused with a 4xx answer or never
// connected, or none was sent.
func (c *Call) MayHaveActed() bool { return c != nil && c.mayHaveActed }

// Connected reports whether any attempt so far reached a server.
func (c *Call) Connected() bool { return c != nil && c.connected }

// RateRefusals is how many attempts the API refused for rate (HTTP 429).
func (c *Call) RateRefusals() int {
	if c == nil {
		return 0
	}
	return c.rateRefusals
}

// IsDialFailure reports whether err is a connection that could not be
// opened (refused, no route, a name that does not resolve, a dialer that
// refused the address): the request was never sent.
func IsDialFailure(err error) bool {
	var unsent interface{ NeverSent() bool }
	if errors.As(err, &unsent) && unsent.NeverSent() {
		return true
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr)
}
