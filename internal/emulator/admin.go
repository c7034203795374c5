package emulator

import (
	"io"
	"net/http"
	"strconv"
	"strings"
)

// The admin routes, under /_emulator/, let scripts and out-of-process tests
// read and reset the counts and wait for the emulator to be up. They need no
// key and bypass counting, faults, latency and the rate limit, so that
// observing the emulator does not change what it observes.

// getCounts answers GET /_emulator/counts with the counts as a JSON object:
// the requests per route, and the answers per status under "status 429"
// and the like ("status 0" for requests never answered), so that a client
// outside the process can tell how many were refused.
func (s *Server) getCounts(w http.ResponseWriter, _ *http.Request) {
	counts := s.Counts()
	for status, n := range s.StatusCounts() {
		counts[statusCountKey(status)] = n
	}
	writeJSON(w, http.StatusOK, counts)
}

// statusCountKey is the key of the answers with this status in the counts
// route's object.
func statusCountKey(status int) string { return "status " + strconv.Itoa(status) }

// resetCounts answers POST /_emulator/counts/reset.
func (s *Server) resetCounts(w http.ResponseWriter, _ *http.Request) {
	s.ResetCounts()
	w.WriteHeader(http.StatusNoContent)
}

// getNumbers answers GET /_emulator/numbers with every number as the
// emulator holds it, every field present whatever the profile: what an
// out-of-process test compares to prove it left the team as it found it,
// which the API's own answers cannot show when they leave fields out.
func (s *Server) getNumbers(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.Numbers())
}

// health answers GET /_emulator/health.
func health(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = io.WriteString(w, "ok")
}

// noRoute answers requests that match no route with a JSON error, like every
// other error, telling a wrong method (405, with Allow) from an unknown path
// (404): the API has no DELETE, for instance, and saying so helps.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	if allowed := s.allowedMethods(r); len(allowed) > 0 {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		writeError(w, http.StatusMethodNotAllowed, "%s is not allowed on %s; allowed: %s",
			r.Method, r.URL.Path, strings.Join(allowed, ", "))
		return
	}
	writeError(w, http.StatusNotFound, "no route %s %s; the API routes are %s", r.Method, r.URL.Path, routePatterns())
}

// allowedMethods lists the methods that have a route for r's path. The
// catch-all "/" route hides the mux's own 405 answers, so ask the mux.
func (s *Server) allowedMethods(r *http.Request) []string {
	var allowed []string
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodPost, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = method
		if _, pattern := s.mux.Handler(probe); pattern != "/" {
			allowed = append(allowed, method)
		}
	}
	return allowed
}
