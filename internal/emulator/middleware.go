package emulator

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// api wraps an API route's handler in the steps every API request goes
// through, in this order: count it, rate-limit it (429), apply the first
// matching active fault, wait the fixed latency, check the API key (401),
// and only then run h. Counting comes first so that the counts show every
// request a client sent, whatever answered it; faults come before the key
// check so that fault tests do not depend on the key.
func (s *Server) api(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w = &profiledWriter{ResponseWriter: w, profile: s.profile}
		// r.Pattern is the registered "METHOD /path" pattern, also for
		// HEAD requests answered by a GET route.
		method, route, _ := strings.Cut(r.Pattern, " ")
		s.count(r.Pattern)
		recorder := &statusRecorder{ResponseWriter: w, count: s.countStatus}
		defer recorder.finish()
		w = recorder
		if s.echoAuth {
			echo := newEchoWriter(w, r)
			defer echo.flush()
			w = echo
		}
		if s.limit != nil {
			now := time.Now()
			v := s.limit.admit(now)
			s.limit.writeHeaders(w.Header(), v, now)
			if !v.accepted {
				writeError(w, http.StatusTooManyRequests,
					"rate limit of %g requests per second exceeded; retry after %d s", s.rateLimit, max(1, ceilSeconds(v.retryAfter)))
				return
			}
		}
		if f, ok := s.takeFault(method, route); ok {
			if f.Apply && !f.CutBody && !f.StallBody {
				if !sleep(r.Context(), f.Latency) {
					return
				}
				f.Latency = 0
				s.applyUnanswered(h, w, r)
			}
			if applyFault(w, r, f) {
				return
			}
			if f.CutBody || f.StallBody {
				breaker := newBodyBreaker(w, f)
				defer breaker.finish()
				w = breaker
			}
		}
		if !sleep(r.Context(), s.latency) {
			return // the client gave up; nobody reads an answer
		}
		team, ok := s.authorize(w, r)
		if !ok {
			return
		}
		h(w, withTeam(r, team))
	}
}

// authorize answers 401 unless the request carries one of the API keys as
// a bearer token, and returns the key's team. The messages never repeat what
// the client sent: it may be a real key sent to the wrong place.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) (team string, ok bool) {
	header := r.Header.Get("Authorization")
	token, bearer := strings.CutPrefix(header, "Bearer ")
	switch {
	case header == "":
		writeError(w, http.StatusUnauthorized, `missing API key: send the header "Authorization: Bearer <API key>"`)
	case !bearer:
		writeError(w, http.StatusUnauthorized, `the Authorization header must have the form "Bearer <API key>"`)
	default:
		if team, ok = s.teamOfKey(token); !ok {
			writeError(w, http.StatusUnauthorized, "invalid API key")
		}
	}
	return team, ok
}

// sleep waits d, or less if ctx ends first; it reports whether ctx is still
// live.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
