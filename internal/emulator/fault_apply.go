package emulator

import "net/http"

// applyUnanswered runs the route for a fault with Apply, as the API would
// (after the fixed latency, and only with a valid key), and throws its
// answer away: the fault answers instead. A client then meets a write that
// happened although the answer says it failed, or never says anything.
func (s *Server) applyUnanswered(h http.HandlerFunc, w http.ResponseWriter, r *http.Request) {
	if !sleep(r.Context(), s.latency) {
		return
	}
	discard := &discardWriter{ResponseWriter: w, header: make(http.Header)}
	team, ok := s.authorize(discard, r)
	if !ok {
		return
	}
	h(discard, withTeam(r, team))
}

// discardWriter takes an answer and sends nothing. It unwraps to the real
// writer only so that the route finds the request's profile.
type discardWriter struct {
	http.ResponseWriter
	header http.Header
}

func (d *discardWriter) Header() http.Header         { return d.header }
func (d *discardWriter) WriteHeader(int)             {}
func (d *discardWriter) Write(p []byte) (int, error) { return len(p), nil }

// Unwrap lets the writers of answers find the profile under it.
func (d *discardWriter) Unwrap() http.ResponseWriter { return d.ResponseWriter }
