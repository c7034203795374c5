package provider

import (
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// Every resource meets the same question after a failed write: did it reach
// the API? A refusal says no; anything else may have gone through, and then
// state keeps what is known rather than what was hoped for.

// mayHaveApplied reports whether a failed write may have reached the API:
// anything but a refusal may have, such as a 5xx, a timeout, an answer that
// broke off or a cancelled apply. A refusal is a 4xx to every attempt (a
// 429 whose wait would pass the deadline included), or a write never sent
// (the breaker open, the address not answering or not loopback).
func mayHaveApplied(err error) bool { return !interactly.NothingApplied(err) }
