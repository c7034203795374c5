package interactly

import (
	"errors"
	"net/http"
)

// NothingApplied reports whether a failed call is known not to have changed
// anything at the API: it was never sent (the write breaker was open, the
// dial was refused or never connected), or the API refused every attempt
// with a 4xx answer, a 429 whose wait would pass the deadline included. A
// failure it does not know about (a 5xx, no answer, a cancellation after
// the request went out) may have been applied.
func NothingApplied(err error) bool {
	var (
		suspended   *WritesSuspended
		unreachable *Unreachable
		nonLoopback *NonLoopbackError
		requestErr  *RequestError
		apiErr      *APIError
	)
	switch {
	case err == nil:
		return false
	case errors.As(err, &suspended), errors.As(err, &unreachable), errors.As(err, &nonLoopback):
		return true
	case errors.As(err, &apiErr):
		// Without the call's record (an error built elsewhere), its status
		// tells: a final 4xx is a refusal, but a 408 or 429 after retries
		// may follow an attempt that went through.
		switch status := apiErr.StatusCode; {
		case apiErr.NotApplied:
			return true
		case status == http.StatusRequestTimeout || status == http.StatusTooManyRequests:
			return apiErr.Attempts <= 1
		default:
			return status >= 400 && status < 500
		}
	case errors.As(err, &requestErr):
		return requestErr.NotApplied
	}
	return false
}

// RateRefusals is how many times the API refused err's call for rate
// (HTTP 429), 0 when err is not such a call's.
func RateRefusals(err error) int {
	var requestErr *RequestError
	if errors.As(err, &requestErr) {
		return requestErr.RateRefusals
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		if apiErr.RateRefusals == 0 && apiErr.StatusCode == http.StatusTooManyRequests {
			return 1
		}
		return apiErr.RateRefusals
	}
	return 0
}
