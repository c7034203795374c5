package emulator

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

// The assistant routes: GET of one assistant (the docs do not show its
// method and path; the emulator assumes the PATCH's path) and PATCH.
var (
	getAssistantRoute   = apiRoute{"GET", "/assistants/v1/assistants/{id}"}
	patchAssistantRoute = apiRoute{"PATCH", "/assistants/v1/assistants/{id}"}
)

// getAssistant answers GET /assistants/v1/assistants/{id}.
func (s *Server) getAssistant(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.mu.Lock()
	a, ok := s.store.assistant(s.requestTeam(r), id)
	s.mu.Unlock()
	if !ok {
		writeAssistantNotFound(w, id)
		return
	}
	writeJSON(w, http.StatusOK, profileOf(w).assistantDocument(a))
}

// patchAssistant answers PATCH /assistants/v1/assistants/{id}. Each field
// sent replaces the stored one whole: a nested object sent in part replaces
// the whole object (the docs do not say; replacing is the harder case for a
// client). A field sent as null is refused like a wrong type.
func (s *Server) patchAssistant(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid request body: %v", err)
		return
	}
	if err := parseAssistantSettings(body); err != nil {
		if errors.Is(err, errUnknownField) {
			writeError(w, http.StatusBadRequest, "invalid request body: %v; this call accepts %s", err, acceptedAssistantFields)
		} else {
			writeError(w, http.StatusBadRequest, "invalid request body: %v", err)
		}
		return
	}
	var fields map[string]any
	if err := decodeJSONNumbers(body, &fields); err != nil {
		writeError(w, http.StatusBadRequest, "invalid request body: %v", err)
		return
	}
	for name, v := range fields {
		if v == nil {
			writeError(w, http.StatusBadRequest, "invalid request body: field %q is null; omit it to leave it unchanged", name)
			return
		}
	}
	id := r.PathValue("id")
	s.mu.Lock()
	a, ok := s.store.assistant(s.requestTeam(r), id)
	if ok {
		for name, v := range fields {
			a[name] = v
		}
		s.store.putAssistant(a)
	}
	bare := s.bareAssistantUpdates
	s.mu.Unlock()
	if !ok {
		writeAssistantNotFound(w, id)
		return
	}
	profile := profileOf(w)
	switch {
	case bare:
		writeJSON(w, http.StatusOK, map[string]any{"success": true})
	case profile == ProfileSparse:
		w.WriteHeader(http.StatusNoContent)
	default:
		writeJSON(w, http.StatusOK, profile.assistantDocument(a))
	}
}

// writeAssistantNotFound is the 404 of an assistant the team does not have.
// Its message names the assistant, which is how a client can tell it from
// the 404 of a path the API does not have.
func writeAssistantNotFound(w http.ResponseWriter, id string) {
	quoted, _ := json.Marshal(id)
	writeError(w, http.StatusNotFound, "no assistant with _id %s in the team", quoted)
}

// requestTeam is the team whose assistants a request may see: the team of
// its API key. Another team's assistant is as absent as an unknown one.
func (s *Server) requestTeam(r *http.Request) string { return teamOf(r) }
