package interactly

import "testing"

// A write that gives a number another E.164 value moves its entry in the
// index by value: the old value no longer finds it.
func TestSnapshotPutMovesTheE164Index(t *testing.T) {
	t.Parallel()
	s := &numberSnapshot{byID: map[string]Number{}, idByE164: map[string]string{}}
	s.put(Number{ID: "n1", Number: "+14155550100"})
	s.put(Number{ID: "n1", Number: "+14155550199"})
	if id, found := s.idByE164["+14155550100"]; found {
		t.Errorf("the old value still finds %s", id)
	}
	if id := s.idByE164["+14155550199"]; id != "n1" {
		t.Errorf("the new value finds %q, want n1", id)
	}
	s.put(Number{ID: "n1", Number: "+14155550199", AssistantID: "a"})
	if id := s.idByE164["+14155550199"]; id != "n1" {
		t.Errorf("a write that keeps the value lost its entry (finds %q)", id)
	}
	s.remove("n1")
	if len(s.byID) != 0 || len(s.idByE164) != 0 {
		t.Errorf("after remove: %v, %v; want both empty", s.byID, s.idByE164)
	}
}
