package emulator

import (
	"fmt"
	"net/http"
	"time"
)

// CreateAnswer is what the create of a knowledge base answers: the docs
// show only "201 Knowledge Base created successfully".
type CreateAnswer string

const (
	// CreateAnswerDocument answers the new document (the default and
	// verbose profiles' choice).
	CreateAnswerDocument CreateAnswer = "document"
	// CreateAnswerID answers {"id": "..."} alone (the sparse profile's).
	CreateAnswerID CreateAnswer = "id"
	// CreateAnswerMessage answers {"message": "..."} without an ID: the
	// client cannot know what it created.
	CreateAnswerMessage CreateAnswer = "message"
)

// ParseCreateAnswer reads a CreateAnswer; "" is the profile's choice.
func ParseCreateAnswer(name string) (CreateAnswer, error) {
	switch a := CreateAnswer(name); a {
	case "", CreateAnswerDocument, CreateAnswerID, CreateAnswerMessage:
		return a, nil
	}
	return "", fmt.Errorf("unknown create answer %q: want document, id or message", name)
}

// createAnswer is the profile's answer to a create.
func (p Profile) createAnswer() CreateAnswer {
	if p == ProfileSparse {
		return CreateAnswerID
	}
	return CreateAnswerDocument
}

// AnswerKnowledgeBaseCreatesWith sets what every later create of a
// knowledge base answers, whatever the profile; "" gives the choice back
// to the profile.
func (s *Server) AnswerKnowledgeBaseCreatesWith(a CreateAnswer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.kbCreateAnswer = a
}

// SetKnowledgeBaseTrainingTime sets how long later creates and updates
// take to train.
func (s *Server) SetKnowledgeBaseTrainingTime(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.kbTrainingTime = d
}

// kbAnswerKind is which answer a document is rendered for.
type kbAnswerKind int

const (
	kbFullAnswer   kbAnswerKind = iota // a GET or a create
	kbUpdateAnswer                     // a PUT: its documented example has no retrain_frequency_minutes
)

// kbDocument is kb as the request's profile answers it. The caller holds
// the lock (files are the team's files, for their names).
func (s *Server) kbDocument(w http.ResponseWriter, kb KnowledgeBase, files map[string]File, kind kbAnswerKind) map[string]any {
	p := profileOf(w)
	status := kb.status(time.Now(), s.kbTrainingTime)
	doc := map[string]any{"id": kb.ID, "status": status, "title": kb.Title, "description": kb.Description,
		"retrain_frequency_minutes": kb.RetrainFrequencyMinutes}
	fileDocs := make([]map[string]any, 0, len(kb.FileIDs))
	for _, id := range kb.FileIDs {
		f := files[id]
		entry := map[string]any{"id": id, "name": f.Name, "type": "file", "createdAt": f.CreatedAt, "updatedAt": f.CreatedAt}
		if p == ProfileVerbose {
			entry["size"], entry["teamId"], entry["status"] = f.Size, f.TeamID, "processed"
		}
		fileDocs = append(fileDocs, entry)
	}
	doc["files"] = fileDocs
	hasURLs := len(kb.IncludeURLs) > 0 || len(kb.ExcludeURLs) > 0
	switch p {
	case ProfileVerbose:
		// One entry per list, typed, where the other profiles send one
		// untyped entry: a client must gather every entry's lists.
		docs := []map[string]any{}
		if len(kb.IncludeURLs) > 0 {
			docs = append(docs, map[string]any{"type": "url", "payload": map[string]any{"urls_to_include": kb.IncludeURLs, "urls_to_exclude": []KBURL{}}})
		}
		if len(kb.ExcludeURLs) > 0 {
			docs = append(docs, map[string]any{"type": "url", "payload": map[string]any{"urls_to_include": []KBURL{}, "urls_to_exclude": kb.ExcludeURLs}})
		}
		doc["docs"] = docs
		doc["teamId"], doc["createdAt"], doc["updatedAt"], doc["__v"] = kb.TeamID, "2026-01-15T09:30:00.000Z", "2026-11-01T12:00:00.000Z", 0
		doc["vectorStore"] = map[string]any{"provider": "pinecone", "namespace": "kb-" + kb.ID}
		return doc
	case ProfileSparse:
		if kb.Description == "" {
			delete(doc, "description")
		}
		if kb.RetrainFrequencyMinutes == 0 {
			delete(doc, "retrain_frequency_minutes")
		}
		if len(kb.FileIDs) == 0 {
			delete(doc, "files")
		}
	}
	if kind == kbUpdateAnswer {
		delete(doc, "retrain_frequency_minutes")
	}
	if hasURLs || p != ProfileSparse {
		docs := []map[string]any{}
		if hasURLs {
			docs = append(docs, map[string]any{"payload": map[string]any{
				"urls_to_include": nonNilURLs(kb.IncludeURLs), "urls_to_exclude": nonNilURLs(kb.ExcludeURLs)}})
		}
		doc["docs"] = docs
	}
	return doc
}

func nonNilURLs(urls []KBURL) []KBURL {
	if urls == nil {
		return []KBURL{}
	}
	return urls
}

// statusDocument is the status call's answer.
func (p Profile) statusDocument(kb KnowledgeBase, status string) map[string]any {
	switch p {
	case ProfileSparse:
		return map[string]any{"id": kb.ID, "status": status}
	case ProfileVerbose:
		return map[string]any{"id": kb.ID, "status": status, "title": kb.Title, "description": kb.Description,
			"progress": map[string]any{"queued": status == kbQueued}, "updatedAt": "2026-11-01T12:00:00.000Z"}
	default:
		return map[string]any{"id": kb.ID, "status": status, "title": kb.Title, "description": kb.Description}
	}
}

// fileDocument is an upload's answer.
func (p Profile) fileDocument(f File) map[string]any {
	doc := map[string]any{"id": f.ID, "name": f.Name, "type": "file", "teamId": f.TeamID, "createdAt": f.CreatedAt}
	switch p {
	case ProfileSparse:
		return map[string]any{"id": f.ID}
	case ProfileVerbose:
		doc["size"], doc["mimeType"], doc["__v"] = f.Size, "application/octet-stream", 0
	}
	return doc
}
