package livetest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

const knowledgeBasesPath = "/kb/v1/knowledge-bases"

// checkKnowledgeBaseContract asks what the provider assumes about the test
// knowledge base: that GET .../{id} answers its document with "id" (not
// "_id") and a title, that the status call answers a status, that a PUT of
// the whole document as found answers the document and leaves it as it was,
// and that a small file can be uploaded (multipart, field "file") and
// deleted. Its writes: that one PUT, which sends what it found, and the
// upload and deletion of a file that nothing holds.
func checkKnowledgeBaseContract(ctx context.Context, r *Report, c *rawClient, s Settings) {
	id := s.KnowledgeBaseID
	path := knowledgeBasesPath + "/" + url.PathEscape(id)
	a, err := c.call(ctx, http.MethodGet, path, nil, nil, "")
	if err != nil {
		r.add(Broken, "%v", err)
		return
	}
	var doc map[string]json.RawMessage
	if a.status != http.StatusOK || json.Unmarshal(a.body, &doc) != nil {
		r.seen(a, c.excerpt(a.body))
		r.add(Broken, "GET %s answered %d without a JSON object; %s must be a knowledge base of the team", path, a.status, EnvKnowledgeBaseID)
		return
	}
	r.add(OK, "the test knowledge base's document has the fields %s", strings.Join(sortedFields(doc), ", "))
	var gotID, title string
	if json.Unmarshal(doc["id"], &gotID) != nil || gotID != id {
		r.add(Broken, `the knowledge base document's "id" is %s, want %q: the provider reads the ID from "id"`, orAbsent(doc["id"]), id)
		return
	}
	if json.Unmarshal(doc["title"], &title) != nil {
		r.add(Broken, `the knowledge base document's "title" is %s, not a string`, orAbsent(doc["title"]))
		return
	}
	checkKnowledgeBaseStatus(ctx, r, c, path)
	client, err := interactly.New(interactly.Config{BaseURL: s.BaseURL, APIKey: s.APIKey, MaxRetries: 0})
	if err != nil {
		r.add(Broken, "%v", err)
		return
	}
	checkKnowledgeBasePut(ctx, r, c, client, id, path)
	checkFileUploadAndDelete(ctx, r, client)
}

func checkKnowledgeBaseStatus(ctx context.Context, r *Report, c *rawClient, path string) {
	a, err := c.call(ctx, http.MethodGet, path+"/status", nil, nil, "")
	if err != nil {
		r.add(Broken, "%v", err)
		return
	}
	r.seen(a, c.excerpt(a.body))
	var st struct{ Status string }
	if a.status != http.StatusOK || json.Unmarshal(a.body, &st) != nil || st.Status == "" {
		r.add(Broken, "the status call answered %d without a status: wait_for_training relies on it", a.status)
		return
	}
	if !slices.Contains([]string{"draft", "created", "queued", "training", "trained"}, st.Status) {
		r.add(Note, "the status %q is not one the docs list: the provider waits until it reads \"trained\"", st.Status)
	}
}

// checkKnowledgeBasePut sends the whole document as found and checks that
// the answer is the document and that the knowledge base is unchanged.
func checkKnowledgeBasePut(ctx context.Context, r *Report, c *rawClient, client *interactly.Client, id, path string) {
	before, err := client.GetKnowledgeBase(ctx, id)
	if err != nil {
		r.add(Broken, "reading the test knowledge base through the client: %v", err)
		return
	}
	if before.RetrainFrequencyMinutes == nil {
		r.add(Note, "the GET does not report retrain_frequency_minutes, so the PUT cannot put it back as found: not sent")
		return
	}
	files := make([]map[string]string, len(before.Files))
	for i, f := range before.Files {
		files[i] = map[string]string{"id": f.ID}
	}
	docs := []map[string]any{}
	if len(before.IncludeURLs) > 0 || len(before.ExcludeURLs) > 0 {
		docs = append(docs, map[string]any{"type": "url", "payload": map[string]any{
			"urls_to_include": orEmpty(before.IncludeURLs), "urls_to_exclude": orEmpty(before.ExcludeURLs)}})
	}
	body, _ := json.Marshal(map[string]any{"title": before.Title, "description": before.Description,
		"retrain_frequency_minutes": *before.RetrainFrequencyMinutes, "docs": docs, "files": files})
	a, err := c.call(ctx, http.MethodPut, path, nil, body, "")
	if err != nil {
		r.add(Broken, "%v", err)
		return
	}
	r.seen(a, "")
	var answer map[string]json.RawMessage
	switch {
	case a.status < 200 || a.status > 299:
		r.add(Broken, "a PUT of the knowledge base as found answered %d: %s", a.status, c.excerpt(a.body))
		return
	case json.Unmarshal(a.body, &answer) != nil || answer["id"] == nil:
		r.add(Broken, "a PUT answered %s, not the document: the provider expects the document", c.excerpt(a.body))
	default:
		if _, ok := answer["retrain_frequency_minutes"]; !ok {
			r.add(Note, "the PUT's answer leaves out retrain_frequency_minutes (as the docs' example does); the provider keeps what it sent")
		}
	}
	after, err := client.GetKnowledgeBase(ctx, id)
	if err != nil {
		r.add(Broken, "reading the test knowledge base after the PUT: %v", err)
		return
	}
	if !sameKnowledgeBase(before, after) {
		r.add(Broken, "a PUT of the knowledge base as found changed it: before %+v, after %+v", before, after)
		return
	}
	r.add(OK, "a PUT of the whole document as found left the knowledge base as it was")
}

func sameKnowledgeBase(a, b interactly.KnowledgeBase) bool {
	ids := func(files []interactly.KnowledgeBaseFile) []string {
		out := make([]string, len(files))
		for i, f := range files {
			out[i] = f.ID
		}
		slices.Sort(out)
		return out
	}
	return a.Title == b.Title && a.Description == b.Description && reflect.DeepEqual(a.RetrainFrequencyMinutes, b.RetrainFrequencyMinutes) &&
		reflect.DeepEqual(orEmpty(a.IncludeURLs), orEmpty(b.IncludeURLs)) && reflect.DeepEqual(orEmpty(a.ExcludeURLs), orEmpty(b.ExcludeURLs)) &&
		slices.Equal(ids(a.Files), ids(b.Files))
}

// checkFileUploadAndDelete uploads a small file that nothing holds and
// deletes it again.
func checkFileUploadAndDelete(ctx context.Context, r *Report, client *interactly.Client) {
	dir, err := os.MkdirTemp("", "livetest")
	if err != nil {
		r.add(Broken, "%v", err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "interactly-livetest.txt")
	if err := os.WriteFile(path, []byte("A file the live suite of terraform-provider-interactly uploads and deletes.\n"), 0o600); err != nil {
		r.add(Broken, "%v", err)
		return
	}
	uploaded, err := client.UploadFile(ctx, path)
	switch {
	case err != nil:
		r.add(Broken, "uploading a small file failed: %v", err)
		return
	case uploaded.ID == "":
		r.add(Broken, "the upload was accepted without a file ID (%q): the provider could not refer to the file", uploaded.Message)
		return
	}
	r.add(OK, "uploaded a small file as %s (name %q)", uploaded.ID, uploaded.Name)
	if err := client.DeleteFile(ctx, uploaded.ID); err != nil {
		r.add(Broken, "deleting the uploaded file %s failed: %v (delete it with DELETE /kb/v1/files/%s)", uploaded.ID, err, uploaded.ID)
		return
	}
	r.add(OK, "deleted the uploaded file %s", uploaded.ID)
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func orAbsent(raw json.RawMessage) string {
	if raw == nil {
		return "absent"
	}
	return string(raw)
}

func sortedFields(doc map[string]json.RawMessage) []string {
	fields := make([]string, 0, len(doc))
	for name := range doc {
		fields = append(fields, name)
	}
	slices.Sort(fields)
	return fields
}
