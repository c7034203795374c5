package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// syncBuffer is a bytes.Buffer that run may write while the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitForFile polls for path until it exists or the generous deadline.
func waitForFile(t *testing.T, path string, done <-chan error) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(path); err == nil {
			return string(data)
		}
		select {
		case err := <-done:
			t.Fatalf("run returned before listening: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("%s did not appear", path)
	return ""
}

func get(t *testing.T, url, key string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), "GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+key)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

func TestRun(t *testing.T) {
	t.Parallel()
	addrFile := filepath.Join(t.TempDir(), "addr")
	fault, err := emulator.ParseFault("GET /assistants/v1/numbers status=503 times=1")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config{addr: "127.0.0.1:0", apiKey: "k", generate: 3, addrFile: addrFile, faults: []emulator.Fault{fault},
		teamKeys: map[string]string{"k2": "team-2"}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, cfg, &stdout) }()

	base := waitForFile(t, addrFile, done)
	if !strings.HasPrefix(base, "http://127.0.0.1:") || strings.HasSuffix(base, ":0") {
		t.Fatalf("addr file holds %q, want http://127.0.0.1:PORT", base)
	}
	if res := get(t, base+"/assistants/v1/numbers", "k"); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("first GET: status %d, want the fault's 503", res.StatusCode)
	}
	var numbers []emulator.Number
	if err := json.NewDecoder(get(t, base+"/assistants/v1/numbers", "k").Body).Decode(&numbers); err != nil || len(numbers) != 3 {
		t.Errorf("second GET: %d numbers, error %v; want the 3 generated ones", len(numbers), err)
	}
	// The other team's key is valid, and its team has no numbers.
	numbers = nil
	if err := json.NewDecoder(get(t, base+"/assistants/v1/numbers", "k2").Body).Decode(&numbers); err != nil || len(numbers) != 0 {
		t.Errorf("GET with team-2's key: %d numbers, error %v; want none", len(numbers), err)
	}
	if want := "interactly emulator listening on " + base + " (3 numbers)\n"; stdout.String() != want {
		t.Errorf("stdout %q, want %q", stdout.String(), want)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after the context ended")
	}
	if _, err := os.Stat(addrFile); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("addr file left behind after shutdown: %v", err)
	}
}

func TestRunErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name    string
		cfg     config
		message string
	}{
		{"missing seed", config{addr: "127.0.0.1:0", apiKey: "k", seedFile: filepath.Join(dir, "none.json")}, "none.json"},
		{"bad addr-file folder", config{addr: "127.0.0.1:0", apiKey: "k", addrFile: filepath.Join(dir, "no", "addr")}, "no such file"},
	}
	for _, tt := range tests {
		err := run(context.Background(), tt.cfg, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tt.message) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.message)
		}
	}
}
