package main

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

func envOf(vars map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) { v, ok := vars[name]; return v, ok }
}

// The key and base URL follow the provider's rules, and the key is never
// printed, whatever fails.
func TestRunChecksTheEnvironment(t *testing.T) {
	const key = "sk-secret-key-value"
	// An API that refuses the key, and writes the Authorization header it got into its answers.
	other := httptest.NewServer(emulator.New(emulator.Options{APIKey: "sk-another", EchoAuthorization: true}))
	defer other.Close()
	for name, tc := range map[string]struct {
		env  map[string]string
		want string
	}{
		"no key":               {map[string]string{}, "no Interactly API key: set INTERACTLY_API_KEY"},
		"http to another host": {map[string]string{"INTERACTLY_API_KEY": key, "INTERACTLY_BASE_URL": "http://api.example.com"}, "plain http to a host that is not loopback"},
		"no scheme":            {map[string]string{"INTERACTLY_API_KEY": key, "INTERACTLY_BASE_URL": "127.0.0.1:9"}, "add http:// in front"},
		"key refused":          {map[string]string{"INTERACTLY_API_KEY": key, "INTERACTLY_BASE_URL": other.URL}, "listing the team's numbers"},
	} {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"-out", t.TempDir()}, envOf(tc.env), &stdout, &stderr)
			if code != 1 || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr.String(), tc.want)
			}
			if strings.Contains(stdout.String()+stderr.String(), key) {
				t.Errorf("the output shows the API key: %s%s", stdout.String(), stderr.String())
			}
		})
	}
}

func TestRunNeedsAnOutputDirectory(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), nil, envOf(nil), &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "-out") {
		t.Errorf("exit %d, stderr %q; want 2 and a word about -out", code, stderr.String())
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"-h"}, envOf(nil), &stdout, &stderr); code != 0 || !strings.Contains(stderr.String(), "Usage: interactly-export") {
		t.Errorf("-h: exit %d, stderr %q", code, stderr.String())
	}
}

func TestRunExportsTheTeam(t *testing.T) {
	const key = "sk-export-cmd"
	srv := httptest.NewServer(emulator.New(emulator.Options{APIKey: key, Seed: emulator.GenerateSeed(3)}))
	defer srv.Close()
	dir := filepath.Join(t.TempDir(), "team")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"-out", dir, "-assistant", "asst-3", "-label", "generated"},
		envOf(map[string]string{"INTERACTLY_API_KEY": key, "INTERACTLY_BASE_URL": srv.URL}), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "Exported 3 numbers, 2 assistants and 0 knowledge bases") {
		t.Errorf("stdout %q", stdout.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, "assistants.tf"))
	if err != nil || !strings.Contains(string(data), `assistant_id`) || !strings.Contains(string(data), `"asst-3"`) {
		t.Errorf("assistants.tf (%v):\n%s", err, data)
	}
}
