// Package interactly is a small client for the Interactly API: the team's
// phone numbers (list, update) and its assistants (get, patch).
//
// It knows nothing of Terraform: it speaks HTTP, turns failed responses into
// typed errors, and keeps one shared listing of the team's numbers per client,
// because the API has no call that reads a single number. How requests get
// through (retries, backoff, Retry-After, pacing under a rate limit or a cap,
// bodies that break off, waits that would outlast the caller's deadline) is
// the policy of package transport, plugged into go-retryablehttp.
//
// A failing API is not pressed: a failed listing is shared and remembered
// for FailureMemory (numbers_cache.go), and a breaker stops number updates
// after repeated server failures (write_breaker.go); both hand every call they
// stop the same SharedFailure. Plain http goes only to loopback addresses,
// checked where the connection is dialled (loopback_dialer.go).
//
// Logging goes through the Logger interface so that the provider can route it to
// tflog with the API key masked; the client itself never logs the key or the
// Authorization header.
package interactly
