// Package livetest is the live acceptance suite: it drives the real
// Terraform CLI and the provider built from this checkout against whatever
// API INTERACTLY_BASE_URL names (production by default), on one number and
// one assistant that the person running it designates, and puts the number
// back exactly as it found it.
//
// The suite itself (live_test.go) is behind the build tag "live", so that
// `go test ./...` never reaches a real API; `make test-live` runs it, and
// `make test` runs it against the emulator. The helpers in the other files
// build without the tag, so that the unit tests prove them against the
// in-process emulator.
package livetest
