package emulator

import "maps"

// Counts returns how many API requests each route received, keyed
// "METHOD /route/pattern", e.g. "PUT /assistants/v1/numbers/{id}". Every
// request that reached a route counts, including those answered by a fault,
// a 401 or a 429; requests to no route and admin requests do not.
func (s *Server) Counts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.counts)
}

// ResetCounts sets every count back to zero, the counts by status too.
func (s *Server) ResetCounts() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.counts)
	clear(s.statuses)
}

func (s *Server) count(pattern string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[pattern]++
}
