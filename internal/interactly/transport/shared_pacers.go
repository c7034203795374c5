package transport

import (
	"crypto/sha256"
	"fmt"
	"sync"
)

// sharedPacers holds one Pacer per API key, base URL and cap for the whole
// process. Terraform configures the provider anew for each operation, and a
// configuration may use several provider blocks (aliases) with the same key:
// they all draw on the same quota, so they pace together.
var sharedPacers = struct {
	sync.Mutex
	byKey map[string]*Pacer
}{byKey: make(map[string]*Pacer)}

// SharedPacer returns the process's Pacer for this base URL, API key and cap
// (requests per second, 0 for none), creating it on first use. Clients of the
// same key and URL with different caps get different Pacers, each keeping its
// own cap. The key is kept only as a hash.
func SharedPacer(baseURL, apiKey string, maxPerSecond float64) *Pacer {
	id := fmt.Sprintf("%s %x %g", baseURL, sha256.Sum256([]byte(apiKey)), maxPerSecond)
	sharedPacers.Lock()
	defer sharedPacers.Unlock()
	p, ok := sharedPacers.byKey[id]
	if !ok {
		p = NewPacer(maxPerSecond)
		sharedPacers.byKey[id] = p
	}
	return p
}
