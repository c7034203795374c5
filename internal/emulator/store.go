package emulator

import (
	"slices"
	"strings"
)

// store is the numbers of every team. It keeps insertion order, like a database
// without ORDER BY, so the list answers in an order clients cannot mistake
// for a sorted one. It does no locking: the Server's mutex guards it.
type store struct {
	teamID     string // the seed's team
	assistants map[string]bool
	byID       map[string]Number
	order      []string // IDs, in insertion order
}

func newStore(seed Seed) *store {
	st := &store{
		teamID:     seed.TeamID,
		assistants: make(map[string]bool, len(seed.Assistants)),
		byID:       make(map[string]Number, len(seed.Numbers)),
	}
	for _, a := range seed.Assistants {
		st.assistants[a] = true
	}
	for _, n := range seed.Numbers {
		st.put(n)
	}
	return st
}

// list returns the team's numbers in insertion order, only those labelled
// label when filter is set; every team's when team is "".
func (st *store) list(team, label string, filter bool) []Number {
	numbers := make([]Number, 0, len(st.order))
	for _, id := range st.order {
		if n := st.byID[id]; (team == "" || n.TeamID == team) && (!filter || n.Label == label) {
			numbers = append(numbers, n)
		}
	}
	return numbers
}

func (st *store) get(id string) (Number, bool) {
	n, ok := st.byID[id]
	return n, ok
}

// put inserts n at the end, or replaces the number with its ID in place.
func (st *store) put(n Number) {
	if _, ok := st.byID[n.ID]; !ok {
		st.order = append(st.order, n.ID)
	}
	st.byID[n.ID] = n
}

func (st *store) remove(id string) {
	if _, ok := st.byID[id]; !ok {
		return
	}
	delete(st.byID, id)
	st.order = slices.DeleteFunc(st.order, func(o string) bool { return o == id })
}

// findNumber looks a phone number up. A scan is fast enough: it runs only on
// purchase and import, over at most some thousands of numbers.
func (st *store) findNumber(number string) (Number, bool) {
	for _, n := range st.byID {
		if n.Number == number {
			return n, true
		}
	}
	return Number{}, false
}

// Numbers returns every number, sorted by phone number.
func (s *Server) Numbers() []Number {
	s.mu.Lock()
	numbers := s.store.list("", "", false)
	s.mu.Unlock()
	slices.SortFunc(numbers, func(a, b Number) int { return strings.Compare(a.Number, b.Number) })
	return numbers
}

// GetNumber returns the number with this ID, if the team has it.
func (s *Server) GetNumber(id string) (Number, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.store.get(id)
}

// SetNumber inserts n, or replaces the number with its ID, as a change made
// outside Terraform would. An empty teamId or provider gets the defaults; n
// is not otherwise validated, so tests can also plant data the API would
// refuse.
func (s *Server) SetNumber(n Number) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.put(n.withDefaults(s.store.teamID))
}

// DeleteNumber removes a number from the team, as releasing it in the
// dashboard would. Unknown IDs are ignored.
func (s *Server) DeleteNumber(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.remove(id)
}
