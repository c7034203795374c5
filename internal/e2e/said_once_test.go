package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// diagnosticHeader finds where each diagnostic starts in the CLI's output.
var diagnosticHeader = regexp.MustCompile(`(?m)^[│╷ ]*(Warning|Error): (.*)$`)

// expectSaidOnce checks a run's output for one failure met by `count`
// resources: one full explanation (`full` occurs once), one line in each
// resource's error, and the explanation first among the diagnostics, as
// the CLI prints them.
func expectSaidOnce(t *testing.T, what, output, title, full string, count int) {
	t.Helper()
	flat := flatten(output) // the CLI wraps long lines
	if got := strings.Count(flat, full); got != 1 {
		t.Errorf("%s: the full explanation (%q) occurs %d times, want once:\n%s", what, full, got, output)
	}
	if got := strings.Count(flat, "Explained in full, with what to do, in the warning \""+title+"\""); got != count {
		t.Errorf("%s: %d one-line errors point to the explanation, want %d:\n%s", what, got, count, output)
	}
	if first := firstDiagnosticNaming(output, title); first != "Warning: "+title {
		t.Errorf("%s: the first diagnostic that speaks of the failure is %q, want the warning %q that explains it:\n%s", what, first, title, output)
	}
}

// firstDiagnosticNaming is the header ("Warning: ..." or "Error: ...") of
// the first diagnostic in the CLI's output whose text holds title.
func firstDiagnosticNaming(output, title string) string {
	headers := diagnosticHeader.FindAllStringSubmatchIndex(output, -1)
	for i, h := range headers {
		end := len(output)
		if i+1 < len(headers) {
			end = headers[i+1][0]
		}
		if strings.Contains(flatten(output[h[0]:end]), title) {
			return output[h[2]:h[3]] + ": " + strings.TrimSpace(output[h[4]:h[5]])
		}
	}
	return ""
}

// flatten joins the CLI's wrapped lines: every run of white space becomes
// one space.
func flatten(output string) string { return strings.Join(strings.Fields(output), " ") }

// saidOnceConfig adopts numbers through for_each, and two assistants, and
// imports one more number.
func saidOnceConfig(seed emulator.Seed, numbers int) string {
	return tfconfig.NumbersConfig(specsFor(seed.Numbers[:numbers], "asst-1", nil, nil)) + `
resource "interactly_assistant" "first" {
  assistant_id = "asst-2"
}

resource "interactly_assistant" "second" {
  assistant_id = "asst-3"
}
`
}

// A refused key and an address that does not answer, met by every number
// and assistant of a plan and by an import, are explained once, in the
// diagnostic Terraform (or OpenTofu) prints first.
func TestAccSharedFailuresSaidOnceAndFirst(t *testing.T) {
	const numbers = 6
	seed := emulator.GenerateSeed(numbers + 1)
	seed.Assistants = append(seed.Assistants, "asst-2", "asst-3")
	ws, _ := newWorkspace(t, emulator.Options{APIKey: planKey, Seed: seed})
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY="+planKey, "INTERACTLY_MAX_RETRIES=1")
	write(t, ws, saidOnceConfig(seed, numbers))
	mustRun(t, ws, "apply", "-auto-approve", "-no-color")

	// Swapped keys: the refresh of every resource, and an import.
	write(t, ws, saidOnceConfig(seed, numbers)+fmt.Sprintf(`
import {
  to = interactly_number.extra
  id = %q
}

resource "interactly_number" "extra" {
  number = %q
}
`, seed.Numbers[numbers].ID, seed.Numbers[numbers].Number))
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-of-another-team")
	result, err := ws.Run(t.Context(), "plan", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	expectSaidOnce(t, "a refused key", result.Stdout+result.Stderr, "The Interactly API refused the API key",
		"keys are managed in the Interactly dashboard", numbers+3)

	// No answer at the base URL: nothing listens there.
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	write(t, ws, saidOnceConfig(seed, numbers))
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY="+planKey, "INTERACTLY_BASE_URL="+closed.URL)
	if result, err = ws.Run(t.Context(), "plan", "-no-color"); err != nil {
		t.Fatal(err)
	}
	expectSaidOnce(t, "no answer", result.Stdout+result.Stderr, "The Interactly API does not answer",
		"check its address and port", numbers+2)
}
