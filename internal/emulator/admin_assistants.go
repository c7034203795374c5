package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
)

// The admin routes below do to assistants what the dashboard does: edit a
// prompt, delete an assistant, make a new one, in any team. Like the number
// admin routes they need no key and take an assistant by its ID whatever its
// team. The dashboard is not bound by what the API's PATCH accepts, so
// neither are they: any field may be set, to any JSON value.

// adminAssistantFields reads the body of an assistant admin route: one JSON
// object, its numbers kept as written. On failure it answers 400 and
// returns false.
func adminAssistantFields(w http.ResponseWriter, r *http.Request) (map[string]any, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid request body: %v", describeJSONError(err))
		return nil, false
	}
	var fields map[string]any
	if err := decodeJSONNumbers(body, &fields); err != nil || fields == nil {
		if err == nil {
			err = describeJSONError(io.EOF)
		} else {
			err = describeJSONError(err)
		}
		writeError(w, http.StatusBadRequest, "invalid request body: %v", err)
		return nil, false
	}
	return fields, true
}

// patchAdminAssistant answers PATCH /_emulator/assistants/{id} with the
// changed assistant (without the webhook's secret, as every answer).
func (s *Server) patchAdminAssistant(w http.ResponseWriter, r *http.Request) {
	fields, ok := adminAssistantFields(w, r)
	if !ok {
		return
	}
	a, prob := s.editAssistant(r.PathValue("id"), fields)
	if prob != nil {
		prob.write(w)
		return
	}
	writeJSON(w, http.StatusOK, a.public())
}

// editAssistant replaces each field of fields whole in the assistant with
// this ID, whatever its team, and removes those given as null. The _id
// cannot change; a teamId moves the assistant to another team.
func (s *Server) editAssistant(id string, fields map[string]any) (Assistant, *problem) {
	if v, ok := fields["_id"]; ok && v != id {
		return nil, problemf(http.StatusBadRequest, "_id cannot change: add an assistant with POST /_emulator/assistants instead")
	}
	if prob := checkAdminTeam(fields); prob != nil {
		return nil, prob
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.store.assistantDocs[id]
	if !ok {
		return nil, problemf(http.StatusNotFound, "no assistant with _id %q in any team", id)
	}
	a = a.clone()
	overlay(a, fields)
	s.store.putAssistant(a)
	return a, nil
}

// checkAdminTeam refuses a teamId that is not a team: an assistant without
// one would be seen by no key.
func checkAdminTeam(fields map[string]any) *problem {
	v, ok := fields["teamId"]
	if !ok {
		return nil
	}
	if team, isString := v.(string); !isString || team == "" {
		return problemf(http.StatusBadRequest, "teamId must be a non-empty string")
	}
	return nil
}

// overlay sets each field of fields in a, whole, and removes those that are null.
func overlay(a Assistant, fields map[string]any) {
	for k, v := range fields {
		if v == nil {
			delete(a, k)
		} else {
			a[k] = v
		}
	}
}

// removeAdminAssistant answers DELETE /_emulator/assistants/{id}: 204 once
// the assistant is gone, as deleting it in the dashboard does. Numbers
// attached to it keep their assistantId.
func (s *Server) removeAdminAssistant(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.mu.Lock()
	_, ok := s.store.assistantDocs[id]
	s.store.removeAssistant(id)
	s.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "no assistant with _id %q in any team", id)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// addAdminAssistant answers POST /_emulator/assistants with 201 and the new
// assistant. The body is an assistant document: like a new assistant made
// in the dashboard, it starts from the generated document (as rich as the
// docs' example) and each field given replaces that field whole; a field
// given as null is left out. _id defaults to a new ID, teamId to the seed's
// team.
func (s *Server) addAdminAssistant(w http.ResponseWriter, r *http.Request) {
	fields, ok := adminAssistantFields(w, r)
	if !ok {
		return
	}
	a, prob := s.addAssistant(fields)
	if prob != nil {
		prob.write(w)
		return
	}
	writeJSON(w, http.StatusCreated, a.public())
}

func (s *Server) addAssistant(fields map[string]any) (Assistant, *problem) {
	id, _ := fields["_id"].(string)
	if v, given := fields["_id"]; given && id == "" {
		return nil, problemf(http.StatusBadRequest, "_id must be a non-empty string, got %v", v)
	}
	if id == "" {
		id = newAssistantID()
	}
	if prob := checkAdminTeam(fields); prob != nil {
		return nil, prob
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := generatedAssistant(id, s.store.teamID)
	overlay(a, fields)
	a["_id"] = id
	if err := a.check(); err != nil {
		return nil, problemf(http.StatusBadRequest, "%v", err)
	}
	if _, dup := s.store.assistantDocs[id]; dup {
		return nil, problemf(http.StatusConflict, "_id %q is already used", id)
	}
	s.store.putAssistant(a)
	return a, nil
}

// newAssistantID is a new assistant ID shaped like those of the docs'
// examples: 24 hexadecimal digits.
func newAssistantID() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}
