package emulator

import (
	"net/http"
	"slices"
	"strings"
)

// assistant returns a copy of the assistant with this ID if team has it.
func (st *store) assistant(team, id string) (Assistant, bool) {
	a, ok := st.assistantDocs[id]
	if !ok || a.TeamID() != team {
		return nil, false
	}
	return a.clone(), true
}

// putAssistant inserts or replaces an assistant.
func (st *store) putAssistant(a Assistant) {
	if st.assistantDocs == nil {
		st.assistantDocs = map[string]Assistant{}
	}
	st.assistantDocs[a.ID()] = a.clone()
	st.assistants[a.ID()] = true
}

// removeAssistant deletes an assistant; unknown IDs are ignored.
func (st *store) removeAssistant(id string) {
	delete(st.assistantDocs, id)
	delete(st.assistants, id)
}

// getAssistants answers GET /_emulator/assistants with every assistant,
// every field present whatever the profile (the webhook's secret left out).
func (s *Server) getAssistants(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.Assistants())
}

// Assistant returns what the emulator holds for the assistant with this ID,
// the webhook's secret included.
func (s *Server) Assistant(id string) (Assistant, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.store.assistantDocs[id]
	if !ok {
		return nil, false
	}
	return a.clone(), true
}

// Assistants returns every assistant as answers show it (without the
// webhook's secret), sorted by ID.
func (s *Server) Assistants() []Assistant {
	s.mu.Lock()
	out := make([]Assistant, 0, len(s.store.assistantDocs))
	for _, a := range s.store.assistantDocs {
		out = append(out, a.public())
	}
	s.mu.Unlock()
	slices.SortFunc(out, func(a, b Assistant) int { return strings.Compare(a.ID(), b.ID()) })
	return out
}

// EditAssistant changes fields of an assistant as the dashboard would,
// between Terraform's runs: each field replaces the stored one whole, nil
// removes it. It reports whether the assistant exists. PATCH
// /_emulator/assistants/{id} does the same over HTTP.
func (s *Server) EditAssistant(id string, fields map[string]any) bool {
	_, prob := s.editAssistant(id, fields)
	return prob == nil
}

// DeleteAssistant removes an assistant, as deleting it in the dashboard
// would. Numbers attached to it keep their assistantId.
func (s *Server) DeleteAssistant(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.removeAssistant(id)
}

// AnswerAssistantUpdatesWithoutDocument makes every later PATCH of an
// assistant answer 200 {"success": true} instead of the document, under any
// profile: the docs do not show the answer, and a client must then read the
// assistant to learn what it holds.
func (s *Server) AnswerAssistantUpdatesWithoutDocument(bare bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bareAssistantUpdates = bare
}

// PutAssistant inserts an assistant, or replaces the one with its ID, as
// creating it in the dashboard would. An empty teamId gets the seed's team.
func (s *Server) PutAssistant(a Assistant) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.putAssistant(a.withDefaults(s.store.teamID))
}
