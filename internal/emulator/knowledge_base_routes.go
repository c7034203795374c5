package emulator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
)

// The knowledge base and file routes.
var (
	uploadFileRoute  = apiRoute{"POST", "/kb/v1/files"}
	deleteFileRoute  = apiRoute{"DELETE", "/kb/v1/files/{id}"}
	createKBRoute    = apiRoute{"POST", "/kb/v1/knowledge-bases"}
	getKBRoute       = apiRoute{"GET", "/kb/v1/knowledge-bases/{id}"}
	putKBRoute       = apiRoute{"PUT", "/kb/v1/knowledge-bases/{id}"}
	getKBStatusRoute = apiRoute{"GET", "/kb/v1/knowledge-bases/{id}/status"}
)

// kbRequest is the body of a create or an update. Pointers tell a field
// left out from a zero value.
type kbRequest struct {
	Title                   *string        `json:"title"`
	Description             *string        `json:"description"`
	Docs                    *[]kbDocument  `json:"docs"`
	Files                   *[]kbFileEntry `json:"files"`
	RetrainFrequencyMinutes *int64         `json:"retrain_frequency_minutes"`
}

type kbDocument struct {
	Type    string `json:"type"`
	Payload struct {
		Include []KBURL `json:"urls_to_include"`
		Exclude []KBURL `json:"urls_to_exclude"`
	} `json:"payload"`
}

type kbFileEntry struct {
	ID string `json:"id"`
}

const kbAccepted = "title, description, docs, files and retrain_frequency_minutes"

// apply checks req against the team's files and writes it into kb: each
// field sent replaces the stored one whole; a field left out keeps its value.
func (req kbRequest) apply(st *kbStore, team string, kb *KnowledgeBase) *problem {
	if req.Title != nil {
		if strings.TrimSpace(*req.Title) == "" {
			return problemf(http.StatusBadRequest, "title must not be empty")
		}
		kb.Title = *req.Title
	}
	if req.Description != nil {
		kb.Description = *req.Description
	}
	if m := req.RetrainFrequencyMinutes; m != nil {
		if *m < 0 || *m%60 != 0 {
			return problemf(http.StatusBadRequest, "retrain_frequency_minutes must be 0 (never) or a multiple of 60, not %d", *m)
		}
		kb.RetrainFrequencyMinutes = *m
	}
	if req.Docs != nil {
		kb.IncludeURLs, kb.ExcludeURLs = nil, nil
		for _, doc := range *req.Docs {
			if doc.Type != "url" {
				return problemf(http.StatusBadRequest, `docs[].type must be "url", not %q`, doc.Type)
			}
			for _, u := range slices.Concat(doc.Payload.Include, doc.Payload.Exclude) {
				if !strings.HasPrefix(u.URL, "http://") && !strings.HasPrefix(u.URL, "https://") {
					return problemf(http.StatusBadRequest, "invalid URL %q: want http:// or https://", u.URL)
				}
			}
			kb.IncludeURLs = append(kb.IncludeURLs, doc.Payload.Include...)
			kb.ExcludeURLs = append(kb.ExcludeURLs, doc.Payload.Exclude...)
		}
	}
	if req.Files != nil {
		kb.FileIDs = nil
		for _, f := range *req.Files {
			if !st.hasFile(team, f.ID) {
				return problemf(http.StatusBadRequest, "no file with id %q in the team", f.ID)
			}
			if !slices.Contains(kb.FileIDs, f.ID) {
				kb.FileIDs = append(kb.FileIDs, f.ID)
			}
		}
	}
	return nil
}

// createKnowledgeBase answers POST /kb/v1/knowledge-bases: 201, with the
// document, only its ID or only a message (see CreateAnswer).
func (s *Server) createKnowledgeBase(w http.ResponseWriter, r *http.Request) {
	var req kbRequest
	if !decodeBody(w, r, &req, kbAccepted) {
		return
	}
	if req.Title == nil {
		writeError(w, http.StatusBadRequest, "title is required")
		return
	}
	team := teamOf(r)
	s.mu.Lock()
	s.kbs.init()
	kb := KnowledgeBase{ID: newObjectID(), TeamID: team, TrainingSince: time.Now()}
	prob := req.apply(&s.kbs, team, &kb)
	if prob == nil {
		s.kbs.bases[kb.ID] = kb
		s.kbs.record("create %s files=%s", kb.ID, strings.Join(kb.FileIDs, ","))
	}
	answer := s.kbCreateAnswer
	files := s.kbs.files
	doc := s.kbDocument(w, kb, files, kbFullAnswer)
	s.mu.Unlock()
	if prob != nil {
		prob.write(w)
		return
	}
	if answer == "" {
		answer = profileOf(w).createAnswer()
	}
	switch answer {
	case CreateAnswerID:
		writeJSON(w, http.StatusCreated, map[string]string{"id": kb.ID})
	case CreateAnswerMessage:
		writeJSON(w, http.StatusCreated, map[string]string{"message": "Knowledge Base created successfully"})
	default:
		writeJSON(w, http.StatusCreated, doc)
	}
}

// getKnowledgeBase answers GET /kb/v1/knowledge-bases/{id}.
func (s *Server) getKnowledgeBase(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.mu.Lock()
	kb, ok := s.kbs.base(teamOf(r), id)
	doc := s.kbDocument(w, kb, s.kbs.files, kbFullAnswer)
	s.mu.Unlock()
	if !ok {
		writeKBNotFound(w, id)
		return
	}
	writeJSON(w, http.StatusOK, doc)
}

// putKnowledgeBase answers PUT /kb/v1/knowledge-bases/{id}: every field
// sent replaces the stored one (lists whole), and training starts again.
func (s *Server) putKnowledgeBase(w http.ResponseWriter, r *http.Request) {
	var req kbRequest
	if !decodeBody(w, r, &req, kbAccepted) {
		return
	}
	id, team := r.PathValue("id"), teamOf(r)
	s.mu.Lock()
	kb, ok := s.kbs.base(team, id)
	var prob *problem
	if ok {
		if prob = req.apply(&s.kbs, team, &kb); prob == nil {
			kb.TrainingSince, kb.ForcedStatus = time.Now(), ""
			s.kbs.bases[id] = kb
			s.kbs.record("put %s files=%s", id, strings.Join(kb.FileIDs, ","))
		}
	}
	doc := s.kbDocument(w, kb, s.kbs.files, kbUpdateAnswer)
	s.mu.Unlock()
	switch {
	case !ok:
		writeKBNotFound(w, id)
	case prob != nil:
		prob.write(w)
	default:
		writeJSON(w, http.StatusOK, doc)
	}
}

// getKnowledgeBaseStatus answers GET /kb/v1/knowledge-bases/{id}/status.
func (s *Server) getKnowledgeBaseStatus(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.mu.Lock()
	kb, ok := s.kbs.base(teamOf(r), id)
	status := kb.status(time.Now(), s.kbTrainingTime)
	s.mu.Unlock()
	if !ok {
		writeKBNotFound(w, id)
		return
	}
	writeJSON(w, http.StatusOK, profileOf(w).statusDocument(kb, status))
}

// maxUploadBytes bounds an upload; the docs name no limit.
const maxUploadBytes = 1 << 30

// uploadFile answers POST /kb/v1/files: a multipart form whose "file" part
// is read as it streams in, hashed and counted, and not kept.
func (s *Server) uploadFile(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadBytes)
	form, err := r.MultipartReader()
	if err != nil {
		writeError(w, http.StatusBadRequest, `want a multipart/form-data body with a "file" field: %v`, err)
		return
	}
	for {
		part, err := form.NextPart()
		if errors.Is(err, io.EOF) {
			writeError(w, http.StatusBadRequest, `the form has no "file" field`)
			return
		}
		if err != nil {
			writeError(w, http.StatusBadRequest, "invalid multipart body: %v", err)
			return
		}
		if part.FormName() != "file" {
			continue
		}
		h := sha256.New()
		size, err := io.Copy(h, part)
		if err != nil {
			writeError(w, http.StatusBadRequest, "the file did not arrive whole: %v", err)
			return
		}
		name := part.FileName()
		if name == "" {
			writeError(w, http.StatusBadRequest, `the "file" field has no file name`)
			return
		}
		f := File{ID: newObjectID(), TeamID: teamOf(r), Name: name, Size: size, SHA256: hex.EncodeToString(h.Sum(nil)),
			CreatedAt: time.Now().UTC().Format(time.RFC3339)}
		s.mu.Lock()
		s.kbs.init()
		s.kbs.files[f.ID] = f
		s.kbs.record("upload %s %s", f.ID, f.Name)
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, profileOf(w).fileDocument(f))
		return
	}
}

// deleteFile answers DELETE /kb/v1/files/{id}. A file a knowledge base
// still holds is refused with 409 (the docs do not say; refusing makes a
// client that deletes before it updates fail loudly).
func (s *Server) deleteFile(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.mu.Lock()
	ok := s.kbs.hasFile(teamOf(r), id)
	users := s.kbs.usersOf(id)
	if ok && len(users) == 0 {
		delete(s.kbs.files, id)
		s.kbs.record("delete-file %s", id)
	}
	s.mu.Unlock()
	switch {
	case !ok:
		quoted, _ := json.Marshal(id)
		writeError(w, http.StatusNotFound, "no file with id %s in the team", quoted)
	case len(users) > 0:
		writeError(w, http.StatusConflict, "file %q is used by knowledge base %s; remove it from them first", id, strings.Join(users, ", "))
	default:
		writeJSON(w, http.StatusOK, map[string]string{"message": "accepted"})
	}
}

// writeKBNotFound is the 404 of a knowledge base the team does not have.
func writeKBNotFound(w http.ResponseWriter, id string) {
	quoted, _ := json.Marshal(id)
	writeError(w, http.StatusNotFound, "no knowledge base with id %s in the team", quoted)
}
