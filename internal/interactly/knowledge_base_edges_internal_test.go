package interactly

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A document's docs list holds one URL entry when either list has URLs,
// with the other list empty rather than null, and none without URLs.
func TestKnowledgeBaseBodyHasURLsOnlyWhenThereAreSome(t *testing.T) {
	page := []KnowledgeBaseURL{{URL: "https://bakery.example"}}
	for name, tc := range map[string]struct {
		doc  KnowledgeBaseDocument
		want string
	}{
		"no URLs":      {KnowledgeBaseDocument{}, `[]`},
		"include only": {KnowledgeBaseDocument{IncludeURLs: page}, `[{"type":"url","payload":{"urls_to_include":[{"url":"https://bakery.example","subpaths_only":false,"recursive":false}],"urls_to_exclude":[]}}]`},
		"exclude only": {KnowledgeBaseDocument{ExcludeURLs: page}, `[{"type":"url","payload":{"urls_to_include":[],"urls_to_exclude":[{"url":"https://bakery.example","subpaths_only":false,"recursive":false}]}}]`},
	} {
		got, err := json.Marshal(tc.doc.body()["docs"])
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("%s: docs %s, want %s", name, got, tc.want)
		}
	}
}

func TestKnowledgeBaseAnswerMustBeAboutTheOneAskedFor(t *testing.T) {
	body := []byte(`{"id": "kb-1", "status": "trained", "title": "FAQ"}`)
	if kb, err := parseKnowledgeBaseAbout("kb-1", body); err != nil || kb.ID != "kb-1" {
		t.Errorf("the answer about kb-1: %+v, %v", kb, err)
	}
	if _, err := parseKnowledgeBaseAbout("kb-2", body); err == nil || !strings.Contains(err.Error(), `asked about knowledge base "kb-2"`) {
		t.Errorf("an answer about another knowledge base: %v", err)
	}
}

// A 4xx is a refusal; a 408 or 429 only when answered to the first and only
// attempt (one answered after retries may follow an attempt that went
// through); anything else may have been applied.
func TestNothingAppliedAfterOneRefusalOnly(t *testing.T) {
	for _, tc := range []struct {
		status, attempts int
		want             bool
	}{
		{429, 1, true}, {429, 2, false}, {408, 1, true}, {408, 3, false},
		{400, 1, true}, {404, 2, true}, {499, 1, true}, {399, 1, false}, {500, 1, false}, {502, 3, false},
	} {
		if got := NothingApplied(&APIError{StatusCode: tc.status, Attempts: tc.attempts}); got != tc.want {
			t.Errorf("%d after %d attempts: NothingApplied = %v", tc.status, tc.attempts, got)
		}
	}
}

// A message of exactly the longest length is kept whole.
func TestExcerptKeepsAMessageOfTheLongestLengthWhole(t *testing.T) {
	text := strings.Repeat("a", maxMessageLen)
	if got := excerpt([]byte(text)); got != text {
		t.Errorf("a message of %d bytes was cut to %d", maxMessageLen, len(got))
	}
	if got := excerpt([]byte(text + "b")); !strings.HasSuffix(got, "…") {
		t.Errorf("a longer message was not cut: %q", got[len(got)-5:])
	}
}

// cannedClient is a client of a server that answers every request with
// status and body.
func cannedClient(t *testing.T, status int, body string) *Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	c, err := New(Config{BaseURL: srv.URL, APIKey: "sk-test", MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// An upload is named as the API names it, or by its local base name when
// the answer names it not.
func TestUploadedFileIsNamedAsTheAnswerSays(t *testing.T) {
	path := filepath.Join(t.TempDir(), "menu.md")
	if err := os.WriteFile(path, []byte("bread"), 0o600); err != nil {
		t.Fatal(err)
	}
	for answer, want := range map[string]string{
		`{"id": "f-1", "name": "menu-v2.md"}`: "menu-v2.md",
		`{"id": "f-1"}`:                       "menu.md",
	} {
		got, err := cannedClient(t, http.StatusOK, answer).UploadFile(t.Context(), path)
		if err != nil || got.ID != "f-1" || got.Name != want {
			t.Errorf("%s: %+v, %v; want the name %s", answer, got, err, want)
		}
	}
}

// A status answer that is not a status document is an error about the
// answer, not a status the provider makes up.
func TestKnowledgeBaseStatusOfABrokenAnswer(t *testing.T) {
	_, err := cannedClient(t, http.StatusOK, `{"id": "kb-1", "status": 3}`).GetKnowledgeBaseStatus(t.Context(), "kb-1")
	if err == nil || strings.Contains(err.Error(), `no "status"`) {
		t.Errorf("a status of the wrong type: %v", err)
	}
	st, err := cannedClient(t, http.StatusOK, `{"id": "kb-1", "status": "training"}`).GetKnowledgeBaseStatus(t.Context(), "kb-1")
	if err != nil || st.Status != "training" {
		t.Errorf("a good answer: %+v, %v", st, err)
	}
}
