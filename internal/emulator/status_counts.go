package emulator

import (
	"bufio"
	"maps"
	"net"
	"net/http"
)

// StatusCounts returns how many API requests were answered with each status.
// Requests the emulator never answered (hang, drop, and the faults that break
// a body off, which send their status on the raw connection) count under 0.
// ResetCounts resets these too.
func (s *Server) StatusCounts() map[int]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.statuses)
}

func (s *Server) countStatus(status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.statuses[status]++
}

// statusRecorder counts the status an answer is sent with, as soon as it
// is known: a test that counts right after its answer arrived sees it. A
// request whose connection a fault takes over (hang, drop, a body broken
// off) counts under 0 the moment it is taken over, before the client can
// see the connection close.
type statusRecorder struct {
	http.ResponseWriter
	status  int
	counted bool
	count   func(status int)
}

func (r *statusRecorder) record(status int) {
	if !r.counted {
		r.counted = true
		r.count(status)
	}
}

func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
		r.record(status)
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
		r.record(http.StatusOK)
	}
	return r.ResponseWriter.Write(p)
}

// Hijack counts the request as unanswered and hands the connection over.
func (r *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	r.record(0)
	return http.NewResponseController(r.ResponseWriter).Hijack()
}

// finish counts a request that ended without an answer or a hijack (a
// hang cut short by the client) under 0.
func (r *statusRecorder) finish() { r.record(0) }

// Unwrap lets http.ResponseController reach the connection's other
// controls.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
