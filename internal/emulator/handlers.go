package emulator

import (
	"net/http"
)

// listNumbers answers GET /assistants/v1/numbers: every number in insertion
// order, or only those whose label equals the label parameter exactly when
// it is present (so "?label=" lists the unlabelled ones).
func (s *Server) listNumbers(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	s.mu.Lock()
	numbers := s.store.list(teamOf(r), query.Get("label"), query.Has("label"))
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, profileOf(w).documents(numbers))
}

// updateRequest is the body of PUT /assistants/v1/numbers/{id}. Pointers
// tell an omitted field, left unchanged, from a zero value.
type updateRequest struct {
	AssistantID     *string `json:"assistantId"`
	InboundEnabled  *bool   `json:"inboundEnabled"`
	OutboundEnabled *bool   `json:"outboundEnabled"`
}

// updateNumber answers PUT /assistants/v1/numbers/{id}.
func (s *Server) updateNumber(w http.ResponseWriter, r *http.Request) {
	var req updateRequest
	if !decodeBody(w, r, &req, "assistantId, inboundEnabled and outboundEnabled (label cannot be changed)") {
		return
	}
	n, prob := s.update(teamOf(r), r.PathValue("id"), req)
	if prob != nil {
		prob.write(w)
		return
	}
	writeNumber(w, n)
}

// update applies req to the team's number with this ID: an empty
// assistantId detaches, a non-empty one must be a known assistant.
func (s *Server) update(team, id string, req updateRequest) (Number, *problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.updateLocked(team, id, req)
}

// updateLocked is update for a caller that holds the lock.
func (s *Server) updateLocked(team, id string, req updateRequest) (Number, *problem) {
	n, ok := s.store.get(id)
	if !ok || n.TeamID != team {
		return Number{}, problemf(http.StatusNotFound, "no number with _id %q in the team", id)
	}
	if req.AssistantID != nil {
		if a := *req.AssistantID; a != "" && !s.store.assistants[a] {
			return Number{}, problemf(http.StatusBadRequest,
				`unknown assistant %q: attach an existing assistant, or send "" to detach`, a)
		}
		n.AssistantID = *req.AssistantID
	}
	if req.InboundEnabled != nil {
		n.InboundEnabled = *req.InboundEnabled
	}
	if req.OutboundEnabled != nil {
		n.OutboundEnabled = *req.OutboundEnabled
	}
	s.store.put(n)
	return n, nil
}
