package emulator

import (
	"io"
	"math/rand"
	"net/http"
	"time"
)

// Fault makes matching API requests misbehave, to test how clients cope with
// a flaky API. Latency is waited first; then the request is applied if Apply
// says so; then at most one of Hang, Drop, Malformed, Status, CutBody and
// StallBody takes effect, in that order of precedence. A fault with only Latency delays the request, which then
// proceeds normally.
type Fault struct {
	Method     string        // "GET", "PUT", "POST"; "" matches any method
	Route      string        // a route pattern as registered, e.g. "/assistants/v1/numbers/{id}", "/assistants/v1/numbers"; "" matches any API route
	Status     int           // answer this status with a JSON error body (0 = don't)
	Times      int           // apply this fault to the first Times matching requests, then stop; 0 = every matching request
	RetryAfter string        // Retry-After header value to send with Status (either form: "2" or an HTTP date), optional
	Latency    time.Duration // extra delay before answering (then the request proceeds normally unless another field says otherwise)
	Hang       bool          // never answer: block until the client gives up (request context done)
	Drop       bool          // hijack and close the connection without any response
	Malformed  bool          // answer 200 with a truncated/malformed JSON body
	CutBody    bool          // answer as usual, but close the connection after half the body (Content-Length promises all of it)
	StallBody  bool          // answer as usual, but send only half the body, then nothing until the client gives up
	// Apply first applies the request as the route would (when its key is
	// valid) and throws the answer away; then Status, Hang, Drop or
	// Malformed answers. A write the API applied but answered with an
	// error, or never answered. CutBody and StallBody apply the request
	// anyway: their route answers, and only its body breaks off.
	Apply    bool
	FailRate float64 // apply the fault to only this fraction of matching requests, drawn from a math/rand source seeded with Seed (deterministic sequence); 0 = all
	Seed     int64
}

// activeFault is an added Fault and its state. The Server's mutex guards it.
type activeFault struct {
	Fault
	applied int        // requests the fault was applied to, against Times
	rng     *rand.Rand // draws for FailRate; nil without one
}

// AddFault adds a fault after those already added. Faults are checked in
// the order added; the first matching active one applies.
func (s *Server) AddFault(f Fault) {
	af := &activeFault{Fault: f}
	if f.FailRate > 0 {
		af.rng = rand.New(rand.NewSource(f.Seed))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, af)
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// takeFault finds the first active fault that matches the route and applies
// to this request, and records that it applied. A fault whose FailRate draw
// spares the request does not apply, and the next faults are checked.
func (s *Server) takeFault(method, route string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.faults {
		if !f.matches(method, route) {
			continue
		}
		if f.rng != nil && f.rng.Float64() >= f.FailRate {
			continue
		}
		f.applied++
		return f.Fault, true
	}
	return Fault{}, false
}

func (f *activeFault) matches(method, route string) bool {
	return (f.Method == "" || f.Method == method) &&
		(f.Route == "" || f.Route == route) &&
		(f.Times == 0 || f.applied < f.Times)
}

// malformedBody is valid JSON cut short, as a proxy timing out mid-stream
// would send it.
const malformedBody = `{"_id": "00000000-0000-4000-8000-0000`

// applyFault makes the request misbehave as f says. It reports whether it
// answered (or abandoned) the request; if not, the request proceeds.
func applyFault(w http.ResponseWriter, r *http.Request, f Fault) bool {
	if !sleep(r.Context(), f.Latency) {
		return true
	}
	switch {
	case f.Hang:
		// net/http notices the client hanging up, and cancels the
		// context, only once the handler has read the whole body.
		_, _ = io.Copy(io.Discard, http.MaxBytesReader(w, r.Body, maxBodyBytes))
		<-r.Context().Done()
	case f.Drop:
		drop(w)
	case f.Malformed:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(malformedBody))
	case f.Status != 0:
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		writeError(w, f.Status, "fault injected by the emulator")
	case f.CutBody, f.StallBody:
		return false // the request proceeds; api() breaks its body
	default:
		return false
	}
	return true
}

// drop closes the connection without answering.
func drop(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// HTTP/2 connections cannot be hijacked; aborting the handler
		// resets the stream, which is the closest equivalent.
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}
