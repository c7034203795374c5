package provider

import (
	"errors"
	"net/http"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// Every resource meets the same question after a failed write: did it reach
// the API? A refusal says no; anything else may have gone through, and then
// state keeps what is known rather than what was hoped for.

// mayHaveApplied reports whether a failed write may have reached the API:
// anything but a refusal (a 4xx that the first attempt got) may have, such
// as a 5xx, a timeout, an answer that broke off or a cancelled apply.
func mayHaveApplied(err error) bool {
	var suspended *interactly.WritesSuspended
	var refusedDial *interactly.NonLoopbackError
	if errors.As(err, &suspended) || errors.As(err, &refusedDial) {
		return false // never sent
	}
	var apiErr *interactly.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode >= 500 {
		return true
	}
	switch apiErr.StatusCode {
	case http.StatusRequestTimeout, http.StatusTooManyRequests:
		// Retried: an earlier attempt may have gone through.
		return apiErr.Attempts > 1
	}
	return false
}
