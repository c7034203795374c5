package interactly

import "net/http"

// pacedRate is, after a 429, the send rate in requests per second that the
// pacer settled on from what the API accepted (see package transport), for
// advice such as "set max_requests_per_second to N"; 0 for other answers,
// while the API has refused nothing, and when it accepted nothing lately
// (the pace is then a floor the pacer fell to, not a rate the API
// accepted). It reads the pacer only through its exported ObservedRate, so
// the pacer can change inside without touching this.
func (c *Client) pacedRate(status int) float64 {
	if status != http.StatusTooManyRequests {
		return 0
	}
	return c.pacer.ObservedRate()
}
