package emulator

import (
	"net/http"
	"slices"
	"time"
)

// The admin routes of knowledge bases: what out-of-process tests and demos
// read, and the dashboard's changes they make between Terraform's runs.
func (s *Server) kbAdminRoutes() {
	s.mux.HandleFunc("GET /_emulator/knowledge-bases", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, s.KnowledgeBases())
	})
	s.mux.HandleFunc("GET /_emulator/files", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, s.Files())
	})
	s.mux.HandleFunc("GET /_emulator/knowledge-base-events", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, s.KnowledgeBaseEvents())
	})
	s.mux.HandleFunc("PATCH /_emulator/knowledge-bases/{id}", s.editKnowledgeBase)
	s.mux.HandleFunc("POST /_emulator/knowledge-bases", s.addKnowledgeBase)
	s.mux.HandleFunc("PUT /_emulator/knowledge-base-settings", s.putKnowledgeBaseSettings)
}

// kbEdit is the body of PATCH /_emulator/knowledge-bases/{id}: the fields
// a dashboard user changes. status forces a status ("" lets training time
// decide again).
type kbEdit struct {
	Title                   *string   `json:"title"`
	Description             *string   `json:"description"`
	RetrainFrequencyMinutes *int64    `json:"retrain_frequency_minutes"`
	IncludeURLs             *[]KBURL  `json:"urls_to_include"`
	ExcludeURLs             *[]KBURL  `json:"urls_to_exclude"`
	FileIDs                 *[]string `json:"file_ids"`
	Status                  *string   `json:"status"`
}

func (s *Server) editKnowledgeBase(w http.ResponseWriter, r *http.Request) {
	var edit kbEdit
	if !decodeBody(w, r, &edit, "title, description, retrain_frequency_minutes, urls_to_include, urls_to_exclude, file_ids and status") {
		return
	}
	if edit.Status != nil && *edit.Status != "" && !slices.Contains(kbStatuses, *edit.Status) {
		writeError(w, http.StatusBadRequest, "unknown status %q: want one of %v", *edit.Status, kbStatuses)
		return
	}
	ok := s.EditKnowledgeBase(r.PathValue("id"), func(kb *KnowledgeBase) {
		set(&kb.Title, edit.Title)
		set(&kb.Description, edit.Description)
		set(&kb.RetrainFrequencyMinutes, edit.RetrainFrequencyMinutes)
		set(&kb.IncludeURLs, edit.IncludeURLs)
		set(&kb.ExcludeURLs, edit.ExcludeURLs)
		set(&kb.FileIDs, edit.FileIDs)
		set(&kb.ForcedStatus, edit.Status)
	})
	if !ok {
		writeKBNotFound(w, r.PathValue("id"))
		return
	}
	kb, _ := s.KnowledgeBase(r.PathValue("id"))
	writeJSON(w, http.StatusOK, kb)
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// kbSettings is the body of PUT /_emulator/knowledge-base-settings.
type kbSettings struct {
	CreateAnswer *string `json:"create_answer"`
	TrainingTime *string `json:"training_time"`
}

func (s *Server) putKnowledgeBaseSettings(w http.ResponseWriter, r *http.Request) {
	var settings kbSettings
	if !decodeBody(w, r, &settings, "create_answer (document, id, message or \"\") and training_time (a duration)") {
		return
	}
	if settings.CreateAnswer != nil {
		answer, err := ParseCreateAnswer(*settings.CreateAnswer)
		if err != nil {
			writeError(w, http.StatusBadRequest, "%v", err)
			return
		}
		s.AnswerKnowledgeBaseCreatesWith(answer)
	}
	if settings.TrainingTime != nil {
		d, err := time.ParseDuration(*settings.TrainingTime)
		if err != nil || d < 0 {
			writeError(w, http.StatusBadRequest, "training_time %q: want a duration, 0 or more, e.g. 30s", *settings.TrainingTime)
			return
		}
		s.SetKnowledgeBaseTrainingTime(d)
	}
	w.WriteHeader(http.StatusNoContent)
}

// addKnowledgeBase answers POST /_emulator/knowledge-bases: a knowledge base
// made in the dashboard (the record's fields; id and teamId default to a
// new ID and the seed's team), trained. Its file_ids must be files of the
// emulator.
func (s *Server) addKnowledgeBase(w http.ResponseWriter, r *http.Request) {
	var kb KnowledgeBase
	if !decodeBody(w, r, &kb, "the fields of GET /_emulator/knowledge-bases") {
		return
	}
	if kb.Title == "" {
		writeError(w, http.StatusBadRequest, "title is required")
		return
	}
	if _, taken := s.KnowledgeBase(kb.ID); kb.ID != "" && taken {
		writeError(w, http.StatusConflict, "a knowledge base with id %q exists", kb.ID)
		return
	}
	kb.ForcedStatus = ""
	writeJSON(w, http.StatusCreated, s.PutKnowledgeBase(kb))
}
