package emulator

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// KnowledgeBase is the emulator's record of a knowledge base, with every
// field present.
type KnowledgeBase struct {
	ID                      string   `json:"id"`
	TeamID                  string   `json:"teamId"`
	Title                   string   `json:"title"`
	Description             string   `json:"description"`
	RetrainFrequencyMinutes int64    `json:"retrain_frequency_minutes"`
	IncludeURLs             []KBURL  `json:"urls_to_include"`
	ExcludeURLs             []KBURL  `json:"urls_to_exclude"`
	FileIDs                 []string `json:"file_ids"`
	// TrainingSince is when the latest create or update started training;
	// the status follows from it and the server's training time (see
	// status). ForcedStatus, when set, is the status whatever the time.
	TrainingSince time.Time `json:"trainingSince"`
	ForcedStatus  string    `json:"forcedStatus,omitempty"`
}

// KBURL is one entry of urls_to_include or urls_to_exclude.
type KBURL struct {
	URL          string `json:"url"`
	SubpathsOnly bool   `json:"subpaths_only"`
	Recursive    bool   `json:"recursive"`
}

// File is an uploaded file. The emulator keeps its size and sha256, never
// its contents, so a large upload costs no memory.
type File struct {
	ID        string `json:"id"`
	TeamID    string `json:"teamId"`
	Name      string `json:"name"`
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
	CreatedAt string `json:"createdAt"`
}

func (kb KnowledgeBase) clone() KnowledgeBase {
	kb.IncludeURLs = slices.Clone(kb.IncludeURLs)
	kb.ExcludeURLs = slices.Clone(kb.ExcludeURLs)
	kb.FileIDs = slices.Clone(kb.FileIDs)
	return kb
}

// The statuses of a knowledge base.
const (
	kbQueued   = "queued"
	kbTraining = "training"
	kbTrained  = "trained"
)

var kbStatuses = []string{"draft", "created", kbQueued, kbTraining, kbTrained}

// status is where training stands at now: queued for the first third of
// the training time, training until it has passed, trained after. With no
// training time a knowledge base is trained at once.
func (kb KnowledgeBase) status(now time.Time, trainingTime time.Duration) string {
	if kb.ForcedStatus != "" {
		return kb.ForcedStatus
	}
	elapsed := now.Sub(kb.TrainingSince)
	switch {
	case elapsed >= trainingTime:
		return kbTrained
	case elapsed < trainingTime/3:
		return kbQueued
	default:
		return kbTraining
	}
}

// kbStore holds the knowledge bases and files of every team, and the
// order in which their writes happened. The Server's mutex guards it.
type kbStore struct {
	bases  map[string]KnowledgeBase
	files  map[string]File
	events []string
}

func (st *kbStore) init() {
	if st.bases == nil {
		st.bases, st.files = map[string]KnowledgeBase{}, map[string]File{}
	}
}

// base returns the team's knowledge base with this ID.
func (st *kbStore) base(team, id string) (KnowledgeBase, bool) {
	kb, ok := st.bases[id]
	if !ok || kb.TeamID != team {
		return KnowledgeBase{}, false
	}
	return kb.clone(), true
}

// hasFile reports whether the team has the file with this ID.
func (st *kbStore) hasFile(team, id string) bool {
	f, ok := st.files[id]
	return ok && f.TeamID == team
}

// usersOf lists the knowledge bases that hold a file, sorted.
func (st *kbStore) usersOf(fileID string) []string {
	var users []string
	for id, kb := range st.bases {
		if slices.Contains(kb.FileIDs, fileID) {
			users = append(users, id)
		}
	}
	slices.Sort(users)
	return users
}

// record appends an event of the knowledge-base log.
func (st *kbStore) record(format string, args ...any) {
	st.events = append(st.events, fmt.Sprintf(format, args...))
}

// KnowledgeBaseEvents is the log of the writes of knowledge bases and
// files, in the order they were applied: "upload FILEID NAME",
// "create KBID files=ID,ID", "put KBID files=ID,ID", "delete-file FILEID",
// and "edit KBID" for a change made as the dashboard would. Refused
// requests leave no event. Tests check the order of a provider's writes
// with it.
func (s *Server) KnowledgeBaseEvents() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.kbs.events)
}

// KnowledgeBase returns the emulator's record of a knowledge base.
func (s *Server) KnowledgeBase(id string) (KnowledgeBase, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	kb, ok := s.kbs.bases[id]
	return kb.clone(), ok
}

// KnowledgeBases returns every knowledge base, sorted by ID.
func (s *Server) KnowledgeBases() []KnowledgeBase {
	s.mu.Lock()
	out := make([]KnowledgeBase, 0, len(s.kbs.bases))
	for _, kb := range s.kbs.bases {
		out = append(out, kb.clone())
	}
	s.mu.Unlock()
	slices.SortFunc(out, func(a, b KnowledgeBase) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Files returns every file, sorted by ID.
func (s *Server) Files() []File {
	s.mu.Lock()
	out := make([]File, 0, len(s.kbs.files))
	for _, f := range s.kbs.files {
		out = append(out, f)
	}
	s.mu.Unlock()
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// EditKnowledgeBase changes a knowledge base as the dashboard would,
// between Terraform's runs, and reports whether it exists.
func (s *Server) EditKnowledgeBase(id string, edit func(*KnowledgeBase)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	kb, ok := s.kbs.bases[id]
	if !ok {
		return false
	}
	kb = kb.clone()
	edit(&kb)
	kb.ID = id
	s.kbs.bases[id] = kb
	s.kbs.record("edit %s", id)
	return true
}

// PutKnowledgeBase adds a knowledge base as the dashboard would (the API
// cannot delete one, so tests start from one that exists), in the seed's
// team when TeamID is empty, trained unless it says otherwise.
func (s *Server) PutKnowledgeBase(kb KnowledgeBase) KnowledgeBase {
	s.mu.Lock()
	defer s.mu.Unlock()
	if kb.TeamID == "" {
		kb.TeamID = s.store.teamID
	}
	if kb.ID == "" {
		kb.ID = newObjectID()
	}
	s.kbs.init()
	s.kbs.bases[kb.ID] = kb.clone()
	return kb.clone()
}

// DeleteKnowledgeBase removes a knowledge base, as deleting it in the
// dashboard would.
func (s *Server) DeleteKnowledgeBase(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.kbs.bases, id)
}

// newObjectID returns a 24-hex-digit ID, the shape of the knowledge base
// API's IDs in its examples' neighbours (teamId).
func newObjectID() string { return strings.ReplaceAll(newID(), "-", "")[:24] }

// PutFile adds a file as uploading it in the dashboard would, in the
// seed's team when TeamID is empty, and returns it.
func (s *Server) PutFile(f File) File {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.TeamID == "" {
		f.TeamID = s.store.teamID
	}
	if f.ID == "" {
		f.ID = newObjectID()
	}
	s.kbs.init()
	s.kbs.files[f.ID] = f
	return f
}
