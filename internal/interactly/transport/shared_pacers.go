package transport

import (
	"crypto/sha256"
	"fmt"
	"sync"
)

// sharedPacers holds one Pacer per base URL and API key for the whole
// process. Terraform configures the provider anew for each operation, and a
// configuration may use several provider blocks (aliases) with the same key:
// they all draw on the same quota, so they pace together and share what
// they learn of it.
var sharedPacers = struct {
	sync.Mutex
	byKey map[string]*Pacer
}{byKey: make(map[string]*Pacer)}

// SharedPacer returns the process's Pacer for this base URL and API key,
// creating it on first use. Its cap is the strictest maxPerSecond (requests
// per second; 0 for none) of all the clients that asked for it: a cap
// stands for what the user wants of the key as a whole, so a client with a
// looser cap or none cannot send past a stricter one. The key is kept only
// as a hash.
func SharedPacer(baseURL, apiKey string, maxPerSecond float64) *Pacer {
	id := fmt.Sprintf("%s %x", baseURL, sha256.Sum256([]byte(apiKey)))
	sharedPacers.Lock()
	defer sharedPacers.Unlock()
	p, ok := sharedPacers.byKey[id]
	if !ok {
		p = NewPacer(maxPerSecond)
		sharedPacers.byKey[id] = p
	}
	p.tightenCap(maxPerSecond)
	return p
}
