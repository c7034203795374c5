package emulator

import (
	"net/http"
)

// The admin routes below do what the dashboard does, so that a person can
// rehearse a change made outside Terraform (drift, a number leaving the
// team) against a running emulator without editing the seed and
// restarting. Like every admin route they need no key: the emulator only
// listens on loopback.

// adminPatch is the body of PATCH /_emulator/numbers/{id}: what the API's
// PUT changes, plus what only the dashboard changes (the label, and the
// team, which moves the number to another team's key).
type adminPatch struct {
	updateRequest
	Label  *string `json:"label"`
	TeamID *string `json:"teamId"`
}

// patchNumber answers PATCH /_emulator/numbers/{id} with the changed number.
func (s *Server) patchNumber(w http.ResponseWriter, r *http.Request) {
	var req adminPatch
	if !decodeBody(w, r, &req, "assistantId, inboundEnabled, outboundEnabled, label and teamId") {
		return
	}
	n, prob := s.patch(r.PathValue("id"), req)
	if prob != nil {
		prob.write(w)
		return
	}
	writeJSON(w, http.StatusOK, n)
}

// patch applies req to the number with this ID, whatever its team: the
// API's fields by the API's rules, then the label and the team.
func (s *Server) patch(id string, req adminPatch) (Number, *problem) {
	if req.TeamID != nil && *req.TeamID == "" {
		return Number{}, problemf(http.StatusBadRequest, "teamId must not be empty")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n, ok := s.store.get(id)
	if !ok {
		return Number{}, problemf(http.StatusNotFound, "no number with _id %q in any team", id)
	}
	n, prob := s.updateLocked(n.TeamID, id, req.updateRequest)
	if prob != nil {
		return Number{}, prob
	}
	if req.Label != nil {
		n.Label = *req.Label
	}
	if req.TeamID != nil {
		n.TeamID = *req.TeamID
	}
	s.store.put(n)
	return n, nil
}

// removeNumber answers DELETE /_emulator/numbers/{id}: 204 once the number
// has left its team, as releasing it in the dashboard does.
func (s *Server) removeNumber(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.mu.Lock()
	_, ok := s.store.get(id)
	s.store.remove(id)
	s.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "no number with _id %q in any team", id)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// adminNumber is the body of POST /_emulator/numbers: a number document in
// which only number is required. Switches default to on, as a purchase's.
type adminNumber struct {
	ID              string `json:"_id"`
	TeamID          string `json:"teamId"`
	Number          string `json:"number"`
	AssistantID     string `json:"assistantId"`
	InboundEnabled  *bool  `json:"inboundEnabled"`
	OutboundEnabled *bool  `json:"outboundEnabled"`
	Label           string `json:"label"`
}

// addNumber answers POST /_emulator/numbers with 201 and the new number.
func (s *Server) addNumber(w http.ResponseWriter, r *http.Request) {
	var req adminNumber
	if !decodeBody(w, r, &req, "_id, teamId, number, assistantId, inboundEnabled, outboundEnabled and label") {
		return
	}
	n, prob := s.addAdmin(req)
	if prob != nil {
		prob.write(w)
		return
	}
	writeJSON(w, http.StatusCreated, n)
}

// addAdmin puts a number in a team (the seed's by default) under a new ID
// unless the request names one; IDs and phone numbers stay unique across
// teams, as in the seed.
func (s *Server) addAdmin(req adminNumber) (Number, *problem) {
	n := Number{
		ID: req.ID, TeamID: req.TeamID, Number: req.Number, AssistantID: req.AssistantID, Label: req.Label,
		InboundEnabled: req.InboundEnabled == nil || *req.InboundEnabled, OutboundEnabled: req.OutboundEnabled == nil || *req.OutboundEnabled,
	}
	if n.ID == "" {
		n.ID = newID()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n = n.withDefaults(s.store.teamID)
	if err := n.check(s.store.assistants); err != nil {
		return Number{}, problemf(http.StatusBadRequest, "%v", err)
	}
	if _, dup := s.store.get(n.ID); dup {
		return Number{}, problemf(http.StatusConflict, "_id %q is already used", n.ID)
	}
	if existing, dup := s.store.findNumber(n.Number); dup {
		return Number{}, problemf(http.StatusConflict, "number %s is already in team %s, with _id %q", n.Number, existing.TeamID, existing.ID)
	}
	s.store.put(n)
	return n, nil
}
