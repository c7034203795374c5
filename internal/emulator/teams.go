package emulator

import (
	"context"
	"crypto/subtle"
	"net/http"
)

// An API key belongs to one team, and a request sees and changes only that
// team's numbers: a number of another team is as absent as an unknown one.
// That is what a pipeline holding another team's key (a copy-pasted secret,
// the staging key in production) meets on the real API, and what a client
// must be tested against.

// teamKeys maps each API key to its team: Options.APIKey to the seed's team,
// and every Options.TeamKeys entry to the team it names.
func teamKeys(opts Options, seedTeam string) map[string]string {
	keys := make(map[string]string, len(opts.TeamKeys)+1)
	for key, team := range opts.TeamKeys {
		keys[key] = team
	}
	keys[opts.APIKey] = seedTeam
	return keys
}

// teamOfKey returns the team of an API key. Every key is compared, in
// constant time, so that the time taken tells nothing about which key
// almost matched.
func (s *Server) teamOfKey(token string) (team string, ok bool) {
	for key, t := range s.keys {
		if subtle.ConstantTimeCompare([]byte(token), []byte(key)) == 1 {
			team, ok = t, true
		}
	}
	return team, ok
}

type teamContextKey struct{}

// withTeam records the team of the request's API key, for the route.
func withTeam(r *http.Request, team string) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), teamContextKey{}, team))
}

// teamOf returns the team recorded by withTeam.
func teamOf(r *http.Request) string {
	team, _ := r.Context().Value(teamContextKey{}).(string)
	return team
}
