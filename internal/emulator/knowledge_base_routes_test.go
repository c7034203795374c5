package emulator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"mime/multipart"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// upload sends a multipart upload of content as name and returns the answer.
func (c *client) upload(name, content string) response {
	c.t.Helper()
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	part, _ := form.CreateFormFile("file", name)
	_, _ = part.Write([]byte(content))
	_ = form.Close()
	req, _ := http.NewRequest(http.MethodPost, c.base+"/kb/v1/files", &body)
	req.Header.Set("Content-Type", form.FormDataContentType())
	req.Header.Set("Authorization", c.authorization)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: buf.Bytes()}
}

func (c *client) uploadedID(name, content string) string {
	c.t.Helper()
	res := c.upload(name, content)
	var doc struct{ ID string }
	res.decode(c.t, &doc)
	if res.status != http.StatusOK || doc.ID == "" {
		c.t.Fatalf("upload: %d %s", res.status, res.body)
	}
	return doc.ID
}

func (c *client) createdID(body string) string {
	c.t.Helper()
	res := c.do("POST", "/kb/v1/knowledge-bases", body)
	var doc struct{ ID string }
	res.decode(c.t, &doc)
	if res.status != http.StatusCreated || doc.ID == "" {
		c.t.Fatalf("create: %d %s", res.status, res.body)
	}
	return doc.ID
}

func TestUploadKeepsHashAndSizeNotContents(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	id := c.uploadedID("menu.md", "# Menu\nbread")
	sum := sha256.Sum256([]byte("# Menu\nbread"))
	files := srv.Files()
	if len(files) != 1 || files[0].ID != id || files[0].Name != "menu.md" || files[0].Size != 12 || files[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("files = %+v", files)
	}
	c.do("POST", "/kb/v1/files", `{"file":"x"}`).wantError(t, http.StatusBadRequest, "multipart")
}

func TestKnowledgeBaseLifecycle(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	file := c.uploadedID("hours.md", "9 to 5")
	id := c.createdID(`{"title":"FAQ","description":"d","retrain_frequency_minutes":120,"files":[{"id":"` + file + `"}],
		"docs":[{"type":"url","payload":{"urls_to_include":[{"url":"https://x.example","recursive":true,"subpaths_only":false}],"urls_to_exclude":[]}}]}`)
	var doc struct {
		Title, Status string
		Retrain       int64 `json:"retrain_frequency_minutes"`
		Docs          []struct {
			Payload struct {
				Include []KBURL `json:"urls_to_include"`
			}
		}
		Files []struct{ ID, Name string }
	}
	c.do("GET", "/kb/v1/knowledge-bases/"+id, "").decode(t, &doc)
	if doc.Title != "FAQ" || doc.Status != "trained" || doc.Retrain != 120 || len(doc.Docs) != 1 || !doc.Docs[0].Payload.Include[0].Recursive ||
		len(doc.Files) != 1 || doc.Files[0].Name != "hours.md" {
		t.Fatalf("GET = %+v", doc)
	}
	// A file in use cannot be deleted; once the PUT drops it, it can.
	c.do("DELETE", "/kb/v1/files/"+file, "").wantError(t, http.StatusConflict, id)
	res := c.do("PUT", "/kb/v1/knowledge-bases/"+id, `{"title":"FAQ 2","description":"","retrain_frequency_minutes":0,"docs":[],"files":[]}`)
	if res.status != http.StatusOK || strings.Contains(string(res.body), "retrain_frequency_minutes") {
		t.Fatalf("PUT answered %d %s; want the document without retrain_frequency_minutes, as documented", res.status, res.body)
	}
	if r := c.do("DELETE", "/kb/v1/files/"+file, ""); r.status != http.StatusOK || !strings.Contains(string(r.body), "accepted") {
		t.Fatalf("DELETE = %d %s", r.status, r.body)
	}
	want := []string{"upload " + file + " hours.md", "create " + id + " files=" + file, "put " + id + " files=", "delete-file " + file}
	if got := srv.KnowledgeBaseEvents(); !slices.Equal(got, want) {
		t.Fatalf("events = %q, want %q", got, want)
	}
}

func TestKnowledgeBaseRefusals(t *testing.T) {
	t.Parallel()
	_, c := start(t, Options{Seed: testSeed()})
	for body, want := range map[string]string{
		`{"description":"x"}`:                          "title is required",
		`{"title":"x","retrain_frequency_minutes":90}`: "multiple of 60",
		`{"title":"x","files":[{"id":"nope"}]}`:        `no file with id "nope"`,
		`{"title":"x","docs":[{"type":"pdf"}]}`:        `"url"`,
		`{"title":"x","colour":"red"}`:                 "unknown field",
	} {
		c.do("POST", "/kb/v1/knowledge-bases", body).wantError(t, http.StatusBadRequest, want)
	}
	c.do("GET", "/kb/v1/knowledge-bases/nope", "").wantError(t, http.StatusNotFound, `no knowledge base with id "nope"`)
	c.do("GET", "/kb/v1/knowledge-bases/nope/status", "").wantError(t, http.StatusNotFound, "nope")
	c.do("PUT", "/kb/v1/knowledge-bases/nope", `{"title":"x"}`).wantError(t, http.StatusNotFound, "nope")
	c.do("DELETE", "/kb/v1/files/nope", "").wantError(t, http.StatusNotFound, "nope")
}

// Another team's knowledge bases and files are as absent as unknown ones.
func TestKnowledgeBasesBelongToTheirTeam(t *testing.T) {
	t.Parallel()
	_, c := start(t, Options{Seed: testSeed(), TeamKeys: map[string]string{"other-key": "team-2"}})
	other := &client{t: t, base: c.base, authorization: "Bearer other-key"}
	file := c.uploadedID("a.md", "a")
	id := c.createdID(`{"title":"mine","files":[{"id":"` + file + `"}]}`)
	other.do("GET", "/kb/v1/knowledge-bases/"+id, "").wantError(t, http.StatusNotFound, id)
	other.do("PUT", "/kb/v1/knowledge-bases/"+id, `{"title":"theirs"}`).wantError(t, http.StatusNotFound, id)
	other.do("DELETE", "/kb/v1/files/"+file, "").wantError(t, http.StatusNotFound, file)
	other.do("POST", "/kb/v1/knowledge-bases", `{"title":"x","files":[{"id":"`+file+`"}]}`).wantError(t, http.StatusBadRequest, file)
}

// The create's answer varies: the document, only the ID, or a message.
func TestCreateAnswers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		profile Profile
		answer  CreateAnswer
		want    func(map[string]any) bool
	}{
		{ProfileDefault, "", func(d map[string]any) bool { return d["id"] != nil && d["title"] == "x" }},
		{ProfileVerbose, "", func(d map[string]any) bool { return d["id"] != nil && d["teamId"] != nil }},
		{ProfileSparse, "", func(d map[string]any) bool { return d["id"] != nil && len(d) == 1 }},
		{ProfileDefault, CreateAnswerID, func(d map[string]any) bool { return d["id"] != nil && len(d) == 1 }},
		{ProfileDefault, CreateAnswerMessage, func(d map[string]any) bool { return d["id"] == nil && d["message"] != nil }},
	} {
		srv, c := start(t, Options{Seed: testSeed(), Profile: tc.profile, KnowledgeBaseCreateAnswer: tc.answer})
		var doc map[string]any
		res := c.do("POST", "/kb/v1/knowledge-bases", `{"title":"x"}`)
		res.decode(t, &doc)
		if res.status != http.StatusCreated || !tc.want(doc) {
			t.Errorf("%s/%s: %d %s", tc.profile, tc.answer, res.status, res.body)
		}
		if len(srv.KnowledgeBases()) != 1 {
			t.Errorf("%s/%s: %d knowledge bases, want 1 whatever the answer", tc.profile, tc.answer, len(srv.KnowledgeBases()))
		}
	}
}

func TestTrainingMovesThroughStatuses(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	kb := KnowledgeBase{TrainingSince: start}
	for _, tc := range []struct {
		after time.Duration
		want  string
	}{{0, "queued"}, {2 * time.Second, "queued"}, {3 * time.Second, "training"}, {8 * time.Second, "training"}, {9 * time.Second, "trained"}} {
		if got := kb.status(start.Add(tc.after), 9*time.Second); got != tc.want {
			t.Errorf("after %v of 9s: %s, want %s", tc.after, got, tc.want)
		}
	}
	if got := kb.status(start, 0); got != "trained" {
		t.Errorf("no training time: %s, want trained at once", got)
	}
	kb.ForcedStatus = "draft"
	if got := kb.status(start.Add(time.Hour), time.Second); got != "draft" {
		t.Errorf("forced: %s", got)
	}
}

// Sparse answers leave out what is empty, and the status call says only
// id and status; the admin routes change a knowledge base as the dashboard
// would and force its status.
func TestSparseAnswersAndAdminEdits(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed(), Profile: ProfileSparse, KnowledgeBaseTrainingTime: time.Hour})
	id := c.createdID(`{"title":"x"}`)
	var doc map[string]any
	c.do("GET", "/kb/v1/knowledge-bases/"+id, "").decode(t, &doc)
	for _, absent := range []string{"description", "retrain_frequency_minutes", "docs", "files"} {
		if _, ok := doc[absent]; ok {
			t.Errorf("sparse GET sent %s: %v", absent, doc)
		}
	}
	if doc["status"] != "queued" {
		t.Errorf("status %v, want queued an hour before training ends", doc["status"])
	}
	admin := &client{t: t, base: c.base}
	if r := admin.do("PATCH", "/_emulator/knowledge-bases/"+id, `{"title":"edited","status":"trained"}`); r.status != http.StatusOK {
		t.Fatalf("admin PATCH: %d %s", r.status, r.body)
	}
	var st map[string]any
	c.do("GET", "/kb/v1/knowledge-bases/"+id+"/status", "").decode(t, &st)
	if len(st) != 2 || st["status"] != "trained" {
		t.Errorf("status answer %v", st)
	}
	if kb, _ := srv.KnowledgeBase(id); kb.Title != "edited" {
		t.Errorf("title %q after the edit", kb.Title)
	}
	if r := admin.do("PUT", "/_emulator/knowledge-base-settings", `{"create_answer":"message","training_time":"0s"}`); r.status != http.StatusNoContent {
		t.Fatalf("settings: %d %s", r.status, r.body)
	}
	if r := c.do("POST", "/kb/v1/knowledge-bases", `{"title":"y"}`); strings.Contains(string(r.body), `"id"`) {
		t.Errorf("create answered %s after create_answer=message", r.body)
	}
}

// Faults reach the new routes, and apply makes a create that happened
// although its answer says it failed.
func TestFaultAppliesTheCreate(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	f, err := ParseFault("POST /kb/v1/knowledge-bases status=500 apply times=1")
	if err != nil {
		t.Fatal(err)
	}
	srv.AddFault(f)
	c.do("POST", "/kb/v1/knowledge-bases", `{"title":"x"}`).wantError(t, http.StatusInternalServerError, "")
	if n := len(srv.KnowledgeBases()); n != 1 {
		t.Fatalf("%d knowledge bases after the applied fault, want 1", n)
	}
}

func TestAdminAddsAKnowledgeBase(t *testing.T) {
	t.Parallel()
	_, c := start(t, Options{Seed: testSeed()})
	admin := &client{t: t, base: c.base}
	if r := admin.do("POST", "/_emulator/knowledge-bases", `{"id":"kb-1","title":"From the dashboard"}`); r.status != http.StatusCreated {
		t.Fatalf("admin POST: %d %s", r.status, r.body)
	}
	admin.do("POST", "/_emulator/knowledge-bases", `{"id":"kb-1","title":"again"}`).wantError(t, http.StatusConflict, "kb-1")
	var doc map[string]any
	c.do("GET", "/kb/v1/knowledge-bases/kb-1", "").decode(t, &doc)
	if doc["title"] != "From the dashboard" || doc["status"] != "trained" {
		t.Errorf("GET = %v", doc)
	}
}
