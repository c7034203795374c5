package interactly

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
)

const knowledgeBasesPath = "/kb/v1/knowledge-bases"

// The statuses of a knowledge base, in the order training moves through
// them. The API documents no others.
const (
	KnowledgeBaseDraft    = "draft"
	KnowledgeBaseCreated  = "created"
	KnowledgeBaseQueued   = "queued"
	KnowledgeBaseTraining = "training"
	KnowledgeBaseTrained  = "trained"
)

// KnowledgeBase is the API's knowledge base document, as a GET or a PUT
// answers it. The URL lists of every entry of the answer's docs[] are
// gathered into IncludeURLs and ExcludeURLs.
type KnowledgeBase struct {
	ID          string
	Status      string // "" when the answer leaves it out
	Title       string
	Description string // "" when empty or left out
	// RetrainFrequencyMinutes is nil when the answer leaves it out (the
	// PUT's documented answer does).
	RetrainFrequencyMinutes *int64
	IncludeURLs             []KnowledgeBaseURL
	ExcludeURLs             []KnowledgeBaseURL
	Files                   []KnowledgeBaseFile
	// Fields holds every top-level field of the answer as raw JSON, for
	// the provider's table of the document's settings. A field the answer
	// leaves out is absent.
	Fields map[string]json.RawMessage
}

// KnowledgeBaseURL is one entry of urls_to_include or urls_to_exclude.
type KnowledgeBaseURL struct {
	URL          string `json:"url"`
	SubpathsOnly bool   `json:"subpaths_only"`
	Recursive    bool   `json:"recursive"`
}

// KnowledgeBaseFile is a file a knowledge base holds.
type KnowledgeBaseFile struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// KnowledgeBaseDocument is the body of a create or an update: the whole
// document (the docs do not say whether a PUT merges). Settings holds the
// document's plain fields by their API names (title, description,
// retrain_frequency_minutes), as the provider's table of settings writes
// them; the URL lists and the files, which the API nests, are typed.
type KnowledgeBaseDocument struct {
	Settings    map[string]any
	IncludeURLs []KnowledgeBaseURL
	ExcludeURLs []KnowledgeBaseURL
	FileIDs     []string
}

// wire types: the API's JSON.
type (
	kbWire struct {
		ID                      *string      `json:"id"`
		Status                  string       `json:"status"`
		Title                   *string      `json:"title"`
		Description             *string      `json:"description"`
		RetrainFrequencyMinutes *int64       `json:"retrain_frequency_minutes"`
		Docs                    []kbDocWire  `json:"docs"`
		Files                   []kbFileWire `json:"files"`
	}
	kbDocWire struct {
		Type    string     `json:"type,omitempty"`
		Payload kbURLsWire `json:"payload"`
	}
	kbURLsWire struct {
		Include []KnowledgeBaseURL `json:"urls_to_include"`
		Exclude []KnowledgeBaseURL `json:"urls_to_exclude"`
	}
	kbFileWire struct {
		ID   string `json:"id"`
		Name string `json:"name,omitempty"`
	}
)

// body is d as the API takes it. No URLs is an empty docs list; lists are
// never null.
func (d KnowledgeBaseDocument) body() map[string]any {
	b := map[string]any{}
	maps.Copy(b, d.Settings)
	docs := []kbDocWire{}
	if len(d.IncludeURLs) > 0 || len(d.ExcludeURLs) > 0 {
		docs = append(docs, kbDocWire{Type: "url", Payload: kbURLsWire{
			Include: nonNil(d.IncludeURLs), Exclude: nonNil(d.ExcludeURLs),
		}})
	}
	files := make([]kbFileWire, 0, len(d.FileIDs))
	for _, id := range d.FileIDs {
		files = append(files, kbFileWire{ID: id})
	}
	b["docs"], b["files"] = docs, files
	return b
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// parseKnowledgeBase decodes one knowledge base document: an object with a
// non-empty string id and a string title.
func parseKnowledgeBase(body []byte) (KnowledgeBase, error) {
	var w kbWire
	if err := decodeStrict(body, &w); err != nil {
		return KnowledgeBase{}, err
	}
	if w.ID == nil || *w.ID == "" {
		return KnowledgeBase{}, errors.New(`knowledge base document without "id"`)
	}
	if w.Title == nil {
		return KnowledgeBase{}, fmt.Errorf(`knowledge base document %q without "title"`, *w.ID)
	}
	kb := KnowledgeBase{ID: *w.ID, Status: w.Status, Title: *w.Title, RetrainFrequencyMinutes: w.RetrainFrequencyMinutes}
	if err := json.Unmarshal(body, &kb.Fields); err != nil {
		return KnowledgeBase{}, err
	}
	if w.Description != nil {
		kb.Description = *w.Description
	}
	for _, doc := range w.Docs {
		kb.IncludeURLs = append(kb.IncludeURLs, doc.Payload.Include...)
		kb.ExcludeURLs = append(kb.ExcludeURLs, doc.Payload.Exclude...)
	}
	for _, f := range w.Files {
		if f.ID == "" {
			return KnowledgeBase{}, fmt.Errorf(`knowledge base %q lists a file without "id"`, kb.ID)
		}
		kb.Files = append(kb.Files, KnowledgeBaseFile(f))
	}
	return kb, nil
}

// parseKnowledgeBaseAbout is parseKnowledgeBase of an answer that must be
// about the knowledge base asked for.
func parseKnowledgeBaseAbout(id string, body []byte) (KnowledgeBase, error) {
	kb, err := parseKnowledgeBase(body)
	if err == nil && kb.ID != id {
		err = fmt.Errorf("asked about knowledge base %q, the answer is knowledge base %q", id, kb.ID)
	}
	return kb, err
}

// CreatedKnowledgeBase is what a create's answer told. The docs show only
// "201 Knowledge Base created successfully", so it says what it can:
// Document when the answer was the document; only ID when it named the ID;
// neither when it was a message (Message) or empty, and then a knowledge
// base exists that the caller cannot name.
type CreatedKnowledgeBase struct {
	ID       string
	Document *KnowledgeBase
	Message  string
}

// CreateKnowledgeBase calls POST /kb/v1/knowledge-bases. Like every POST it
// is sent again only when the API cannot have seen it (see package
// transport): any other failure may have created a knowledge base.
func (c *Client) CreateKnowledgeBase(ctx context.Context, doc KnowledgeBaseDocument) (CreatedKnowledgeBase, error) {
	var created CreatedKnowledgeBase
	err := c.do(ctx, request{method: http.MethodPost, path: knowledgeBasesPath, body: doc.body()}, func(answer []byte) error {
		id, _, message, err := parseCreateAnswer(answer)
		if err != nil {
			return err
		}
		created.ID, created.Message = id, message
		if id != "" && isKnowledgeBaseDocument(answer) {
			kb, err := parseKnowledgeBase(answer)
			if err != nil {
				return err
			}
			created.ID, created.Document = kb.ID, &kb
		}
		return nil
	})
	return created, err
}

// isKnowledgeBaseDocument reports whether an answer holding an ID carries
// the document too (its title), rather than the ID alone.
func isKnowledgeBaseDocument(answer []byte) bool {
	var probe map[string]json.RawMessage
	return json.Unmarshal(answer, &probe) == nil && probe["title"] != nil
}

// GetKnowledgeBase calls GET /kb/v1/knowledge-bases/{id}.
func (c *Client) GetKnowledgeBase(ctx context.Context, id string) (KnowledgeBase, error) {
	var kb KnowledgeBase
	err := c.do(ctx, request{method: http.MethodGet, path: knowledgeBasePath(id)}, func(body []byte) (err error) {
		kb, err = parseKnowledgeBaseAbout(id, body)
		return err
	})
	return kb, err
}

// UpdateKnowledgeBase calls PUT /kb/v1/knowledge-bases/{id} with the whole
// document and returns the answer's document.
func (c *Client) UpdateKnowledgeBase(ctx context.Context, id string, doc KnowledgeBaseDocument) (KnowledgeBase, error) {
	var kb KnowledgeBase
	req := request{method: http.MethodPut, path: knowledgeBasePath(id), body: doc.body()}
	err := c.write(ctx, func() error {
		return c.do(ctx, req, func(body []byte) (err error) {
			kb, err = parseKnowledgeBaseAbout(id, body)
			return err
		})
	})
	return kb, err
}

// KnowledgeBaseStatus is the answer of the status call.
type KnowledgeBaseStatus struct {
	ID          string `json:"id"`
	Status      string `json:"status"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

// GetKnowledgeBaseStatus calls GET /kb/v1/knowledge-bases/{id}/status.
func (c *Client) GetKnowledgeBaseStatus(ctx context.Context, id string) (KnowledgeBaseStatus, error) {
	var st KnowledgeBaseStatus
	err := c.do(ctx, request{method: http.MethodGet, path: knowledgeBasePath(id) + "/status"}, func(body []byte) error {
		if err := decodeStrict(body, &st); err != nil {
			return err
		}
		switch {
		case st.ID != "" && st.ID != id:
			return fmt.Errorf("asked about knowledge base %q, the answer is knowledge base %q", id, st.ID)
		case st.Status == "":
			return errors.New(`the answer has no "status"`)
		}
		return nil
	})
	return st, err
}

func knowledgeBasePath(id string) string { return knowledgeBasesPath + "/" + url.PathEscape(id) }
