package emulator

// FaultHits returns, for each fault added since the last ClearFaults and in
// the order added, how many requests it was applied to. A test that injects
// a fault checks it here, so that a fault that stopped matching (a changed
// route, a method the client no longer uses) fails the test instead of
// leaving the path it should exercise untried.
func (s *Server) FaultHits() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	hits := make([]int, len(s.faults))
	for i, f := range s.faults {
		hits[i] = f.applied
	}
	return hits
}
