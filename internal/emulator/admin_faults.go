package emulator

import (
	"io"
	"net/http"
	"strings"
)

// FaultState is an added fault and how many requests it has been applied to
// so far.
type FaultState struct {
	Fault Fault
	Hits  int
}

// Faults returns the added faults, in the order they are checked, with
// their hits.
func (s *Server) Faults() []FaultState {
	s.mu.Lock()
	defer s.mu.Unlock()
	states := make([]FaultState, len(s.faults))
	for i, f := range s.faults {
		states[i] = FaultState{Fault: f.Fault, Hits: f.applied}
	}
	return states
}

// faultView is a fault as the admin routes show it.
type faultView struct {
	Spec string `json:"spec"`
	Hits int    `json:"hits"`
}

func viewFault(st FaultState) faultView { return faultView{Spec: st.Fault.String(), Hits: st.Hits} }

// getFaults answers GET /_emulator/faults with the active faults, in the
// order they are checked.
func (s *Server) getFaults(w http.ResponseWriter, _ *http.Request) {
	states := s.Faults()
	views := make([]faultView, len(states))
	for i, st := range states {
		views[i] = viewFault(st)
	}
	writeJSON(w, http.StatusOK, views)
}

// postFault answers POST /_emulator/faults, whose body is one spec in the
// -fault syntax as plain text (so that curl --data needs no JSON quoting),
// by adding the fault after the others: an outage switched on at run time.
func (s *Server) postFault(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid request body: %v", err)
		return
	}
	f, err := ParseFault(strings.TrimSpace(string(body)))
	if err != nil {
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	}
	s.AddFault(f)
	writeJSON(w, http.StatusCreated, viewFault(FaultState{Fault: f}))
}

// deleteFaults answers DELETE /_emulator/faults: 204, every fault removed,
// the outage over.
func (s *Server) deleteFaults(w http.ResponseWriter, _ *http.Request) {
	s.ClearFaults()
	w.WriteHeader(http.StatusNoContent)
}
