package interactly_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

const (
	routeUpload   = "POST /kb/v1/files"
	routeCreateKB = "POST /kb/v1/knowledge-bases"
)

// writeFile writes content to a new file of the test and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestUploadFileSendsTheFileAndHashesWhatItSent(t *testing.T) {
	t.Parallel()
	var lengths []int64
	emu := emulator.New(emulator.Options{APIKey: testKey, Seed: seed()})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lengths = append(lengths, r.ContentLength)
		emu.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	content := strings.Repeat("opening hours 9-17\n", 1000)
	uploaded, err := client.UploadFile(context.Background(), writeFile(t, "hours.md", content))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(content))
	files := emu.Files()
	if len(files) != 1 || files[0].ID != uploaded.ID || files[0].Name != "hours.md" || files[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("the emulator holds %+v; uploaded %+v", files, uploaded)
	}
	if uploaded.SHA256 != files[0].SHA256 || uploaded.Size != int64(len(content)) || uploaded.Name != "hours.md" {
		t.Errorf("UploadFile() = %+v, want the hash and size of what was sent", uploaded)
	}
	if len(lengths) != 1 || lengths[0] <= int64(len(content)) {
		t.Errorf("Content-Length %v, want one request announcing the whole form", lengths)
	}
}

// A POST that may have reached the API is never sent again: a 5xx, an
// answer cut off, a dropped connection. A 429 refused it unread: that one is.
func TestCreatesAreRepeatedOnlyWhenNeverActedOn(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		fault emulator.Fault
		want  int // requests that reach the route
		ok    bool
	}{
		{emulator.Fault{Status: 503, Times: 1}, 1, false},
		{emulator.Fault{Status: 500, Times: 1, Apply: true}, 1, false},
		{emulator.Fault{Drop: true, Times: 1}, 1, false},
		{emulator.Fault{CutBody: true, Times: 1}, 1, false},
		{emulator.Fault{Status: 429, RetryAfter: "0", Times: 2}, 3, true},
	} {
		for _, route := range []string{routeUpload, routeCreateKB} {
			t.Run(fmt.Sprintf("%s %+v", route, tc.fault), func(t *testing.T) {
				t.Parallel()
				emu, client := startEmulator(t)
				f := tc.fault
				f.Method, f.Route, _ = strings.Cut(route, " ")
				emu.AddFault(f)
				var err error
				if route == routeUpload {
					_, err = client.UploadFile(context.Background(), writeFile(t, "a.md", "a"))
				} else {
					_, err = client.CreateKnowledgeBase(context.Background(), interactly.KnowledgeBaseDocument{Settings: map[string]any{"title": "FAQ"}})
				}
				if (err == nil) != tc.ok {
					t.Fatalf("err = %v, want success %v", err, tc.ok)
				}
				if got := emu.Counts()[route]; got != tc.want {
					t.Errorf("%s requests = %d, want %d", route, got, tc.want)
				}
			})
		}
	}
}

// A POST whose connection was never made (nothing listens) is retried:
// the API cannot have seen it.
func TestUploadIsRetriedWhenTheConnectionWasNeverMade(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testKey, MaxRetries: 2, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.UploadFile(context.Background(), writeFile(t, "a.md", "a"))
	var reqErr *interactly.RequestError
	if !errors.As(err, &reqErr) || reqErr.Attempts != 3 {
		t.Errorf("err = %v; want a request error after 3 attempts", err)
	}
}

func TestCreateKnowledgeBaseSaysWhatTheAnswerTold(t *testing.T) {
	t.Parallel()
	for _, answer := range []emulator.CreateAnswer{emulator.CreateAnswerDocument, emulator.CreateAnswerID, emulator.CreateAnswerMessage} {
		t.Run(string(answer), func(t *testing.T) {
			t.Parallel()
			emu, client := startEmulatorWith(t, emulator.New(emulator.Options{APIKey: testKey, Seed: seed(), KnowledgeBaseCreateAnswer: answer}))
			created, err := client.CreateKnowledgeBase(context.Background(), interactly.KnowledgeBaseDocument{Settings: map[string]any{"title": "FAQ", "retrain_frequency_minutes": 60}})
			if err != nil {
				t.Fatal(err)
			}
			kbs := emu.KnowledgeBases()
			if len(kbs) != 1 {
				t.Fatalf("%d knowledge bases", len(kbs))
			}
			switch answer {
			case emulator.CreateAnswerDocument:
				if created.ID != kbs[0].ID || created.Document == nil || created.Document.Title != "FAQ" || *created.Document.RetrainFrequencyMinutes != 60 {
					t.Errorf("created = %+v", created)
				}
			case emulator.CreateAnswerID:
				if created.ID != kbs[0].ID || created.Document != nil {
					t.Errorf("created = %+v, want the ID alone", created)
				}
			case emulator.CreateAnswerMessage:
				if created.ID != "" || created.Document != nil || created.Message != "Knowledge Base created successfully" {
					t.Errorf("created = %+v, want the message and no ID", created)
				}
			}
		})
	}
}

func TestKnowledgeBaseReadUpdateStatus(t *testing.T) {
	t.Parallel()
	for _, profile := range emulator.Profiles() {
		t.Run(string(profile), func(t *testing.T) {
			t.Parallel()
			_, client := startEmulatorWith(t, emulator.New(emulator.Options{APIKey: testKey, Seed: seed(), Profile: profile}))
			ctx := context.Background()
			file, err := client.UploadFile(ctx, writeFile(t, "menu.md", "bread"))
			if err != nil {
				t.Fatal(err)
			}
			doc := interactly.KnowledgeBaseDocument{
				Settings:    map[string]any{"title": "FAQ", "description": "what callers ask", "retrain_frequency_minutes": 1440},
				FileIDs:     []string{file.ID},
				IncludeURLs: []interactly.KnowledgeBaseURL{{URL: "https://bakery.example/faq", Recursive: true}},
				ExcludeURLs: []interactly.KnowledgeBaseURL{{URL: "https://bakery.example/faq/old"}},
			}
			created, err := client.CreateKnowledgeBase(ctx, doc)
			if err != nil || created.ID == "" {
				t.Fatalf("create: %+v, %v", created, err)
			}
			kb, err := client.GetKnowledgeBase(ctx, created.ID)
			if err != nil {
				t.Fatal(err)
			}
			if string(kb.Fields["title"]) != `"FAQ"` {
				t.Errorf("Fields = %s, want the raw document", kb.Fields)
			}
			if kb.Title != "FAQ" || kb.Description != "what callers ask" || *kb.RetrainFrequencyMinutes != 1440 || kb.Status != "trained" ||
				len(kb.IncludeURLs) != 1 || !kb.IncludeURLs[0].Recursive || len(kb.ExcludeURLs) != 1 || len(kb.Files) != 1 || kb.Files[0].ID != file.ID {
				t.Fatalf("GET = %+v", kb)
			}
			updated, err := client.UpdateKnowledgeBase(ctx, created.ID, interactly.KnowledgeBaseDocument{Settings: map[string]any{"title": "FAQ 2"}})
			if err != nil || updated.Title != "FAQ 2" || len(updated.Files) != 0 || len(updated.IncludeURLs) != 0 {
				t.Fatalf("PUT = %+v, %v; want the whole document replaced", updated, err)
			}
			if err := client.DeleteFile(ctx, file.ID); err != nil {
				t.Fatal(err)
			}
			st, err := client.GetKnowledgeBaseStatus(ctx, created.ID)
			if err != nil || st.Status != "trained" {
				t.Fatalf("status = %+v, %v", st, err)
			}
			if _, err := client.GetKnowledgeBase(ctx, "nope"); !interactly.IsNotFound(err) {
				t.Errorf("GET of an unknown ID: %v, want a 404", err)
			}
		})
	}
}

// The file's contents never reach the log, not even at TRACE.
func TestUploadsAreNeverLogged(t *testing.T) {
	t.Parallel()
	logger := &interactly.RecordingLogger{}
	_, client := startEmulator(t, func(c *interactly.Config) { c.Logger = logger })
	const marker = "PRIVATE-MENU-PRICES"
	if _, err := client.UploadFile(context.Background(), writeFile(t, "menu.md", marker)); err != nil {
		t.Fatal(err)
	}
	if len(logger.Lines()) == 0 {
		t.Fatal("nothing was logged")
	}
	for _, line := range logger.Lines() {
		if strings.Contains(fmt.Sprint(line.Fields), marker) {
			t.Errorf("log line %q holds the file's contents: %v", line.Msg, line.Fields)
		}
	}
	if body := logger.Find(t, "API request body")["http_request_body"]; !strings.Contains(fmt.Sprint(body), "not logged") {
		t.Errorf("request body logged as %v", body)
	}
}

func TestUploadOfAMissingFileNamesIt(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t)
	_, err := client.UploadFile(context.Background(), filepath.Join(t.TempDir(), "gone.md"))
	if err == nil || !strings.Contains(err.Error(), "gone.md") {
		t.Errorf("err = %v, want one naming the file", err)
	}
	if n := emu.Counts()[routeUpload]; n != 0 {
		t.Errorf("%d uploads sent", n)
	}
}
