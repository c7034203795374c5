// Package interactly is a small client for the Interactly phone-number API.
//
// It knows nothing of Terraform: it speaks HTTP, turns failed responses into
// typed errors, and keeps one shared listing of the team's numbers per client,
// because the API has no call that reads a single number. How requests get
// through (retries, backoff, Retry-After, pacing under a rate limit or a cap,
// bodies that break off) is the policy of package transport, plugged into
// go-retryablehttp.
//
// Logging goes through the Logger interface so that the provider can route it to
// tflog with the API key masked; the client itself never logs the key or the
// Authorization header.
package interactly
