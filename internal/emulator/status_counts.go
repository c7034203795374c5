package emulator

import (
	"maps"
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

// statusRecorder notes the status an answer was sent with.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection, for faults that
// hijack it.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
