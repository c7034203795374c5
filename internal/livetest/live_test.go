//go:build live

package livetest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
)

// TestMain refuses to run without the variables that name the API key, the
// number and the assistant: the suite never passes by skipping.
func TestMain(m *testing.M) {
	settings, missing := SettingsFromEnv(os.Getenv)
	if len(missing) > 0 {
		fmt.Fprintln(os.Stderr, MissingMessage(missing))
		os.Exit(1)
	}
	if err := settings.Check(); err != nil {
		fmt.Fprintf(os.Stderr, "The live acceptance suite cannot run: %v\n", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// TestLive checks the API's contract, then walks the life of a managed
// number through the CLI: adopt, plan, update, drift, import by ID and by
// phone number, data sources, destroy. Whatever happens, the test number
// ends as it was found, or the test fails saying how it differs.
func TestLive(t *testing.T) {
	settings, _ := SettingsFromEnv(os.Getenv)
	ctx := interruptible(t)

	client, err := interactly.New(interactly.Config{
		BaseURL:    settings.BaseURL,
		APIKey:     settings.APIKey,
		UserAgent:  "terraform-provider-interactly-livetest",
		MaxRetries: -1,
	})
	if err != nil {
		t.Fatal(err)
	}
	guard, err := Record(ctx, client, settings.Number)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("recorded the test number as found: %s", describe(guard.Original))
	t.Cleanup(func() { finalCheck(t, ctx, guard, settings.Exclusive) })

	if !t.Run("contract", func(t *testing.T) {
		report := CheckContract(ctx, settings)
		t.Log("\n" + report.String())
		for _, f := range report.Broken() {
			t.Errorf("the provider's assumption is broken: %s", f.Text)
		}
	}) {
		t.Fatal("the API contract check failed; the CLI steps are not run")
	}

	s := newSuite(t, ctx, settings, guard)
	for _, step := range []struct {
		name string
		run  func(*testing.T)
	}{
		{"adopt", s.adopt},
		{"update_switches", s.updateSwitches},
		{"drift_repaired", s.driftRepaired},
		{"import_by_id", s.importByID},
		{"import_by_number", s.importByNumber},
		{"data_sources", s.dataSources},
		{"assistant_lifecycle", s.assistantLifecycle},
		{"destroy_restores", s.destroyRestores},
	} {
		if !t.Run(step.name, step.run) {
			if ctx.Err() != nil {
				t.Fatalf("interrupted during step %s (%v); the test number is put back by the final check", step.name, context.Cause(ctx))
			}
			t.Fatalf("step %s failed; the later steps depend on it and are not run (the test number is put back by the final check)", step.name)
		}
	}
}

// interruptible is the suite's context: cancelled by SIGINT or SIGTERM, and
// a minute before go test's own deadline, so that the final check always
// gets to put the number back (go test's timeout panics without cleanups).
func interruptible(t *testing.T) context.Context {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	t.Cleanup(stop) // registered first, so it runs last: a second Ctrl-C cannot cut the final check short
	if deadline, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-time.Minute))
		t.Cleanup(cancel)
	}
	return ctx
}

// finalCheck runs however the test ends: it fails the test when the test
// number is not as found, after putting it back, and when another number
// of the team changed (fatal only when the run has the team to itself).
func finalCheck(t *testing.T, ctx context.Context, guard *Guard, exclusive bool) {
	if err := ctx.Err(); err != nil {
		t.Logf("the run was cut short (%v); putting the test number back", context.Cause(ctx))
	}
	restoreCtx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	repaired, err := guard.Restore(restoreCtx)
	switch {
	case err != nil:
		t.Errorf("FINAL CHECK: the test number is NOT as found and could not be put back: %v\nAs found: %s\nPut it back by hand.", err, describe(guard.Original))
	case len(repaired) > 0:
		t.Errorf("FINAL CHECK: the test number was not as found (%s); it has been put back", strings.Join(repaired, "; "))
	default:
		t.Logf("final check: the test number is exactly as found: %s", describe(guard.Original))
	}
	changes, err := guard.OthersChanged(restoreCtx)
	switch {
	case err != nil:
		t.Errorf("FINAL CHECK: could not list the team to compare the other numbers: %v", err)
	case len(changes) > 0 && exclusive:
		t.Errorf("FINAL CHECK: numbers other than the test number changed during the run:\n  %s", strings.Join(changes, "\n  "))
	case len(changes) > 0:
		t.Logf("note: numbers other than the test number changed during the run (the suite never updates them; someone else did?):\n  %s", strings.Join(changes, "\n  "))
	default:
		t.Logf("final check: every other number of the team is as found")
	}
}

// suite is the state of the CLI steps.
type suite struct {
	ctx      context.Context
	settings Settings
	guard    *Guard
	main     *tfcli.Workspace // manages the number from adoption to destroy
	imports  *tfcli.Workspace // imports it, then forgets it
	data     *tfcli.Workspace // reads it through the data sources
	// assistant adopts the test assistant, changes what it can put back,
	// and destroys it, restoring them
	assistant *tfcli.Workspace

	// The switches the main workspace configures; nil for a switch the API
	// did not report when the suite recorded the number: the suite could
	// not put it back, so it leaves it alone.
	inbound, outbound *bool
}

func newSuite(t *testing.T, ctx context.Context, settings Settings, guard *Guard) *suite {
	cli, err := tfcli.CLIPath()
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	providerDir := filepath.Join(root, "provider")
	if _, err := tfcli.BuildProvider(ctx, providerDir, "livetest"); err != nil {
		t.Fatal(err)
	}
	s := &suite{ctx: ctx, settings: settings, guard: guard}
	for name, ws := range map[string]**tfcli.Workspace{"main": &s.main, "import": &s.imports, "data": &s.data, "assistant": &s.assistant} {
		w, err := tfcli.NewWorkspace(filepath.Join(root, name), cli, providerDir, nil)
		if err != nil {
			t.Fatal(err)
		}
		w.Env = []string{EnvAPIKey + "=" + settings.APIKey, EnvBaseURL + "=" + settings.BaseURL}
		*ws = w
	}
	t.Logf("CLI %s, provider built from this checkout", cli)
	return s
}

// adopt creates the resource with the assistant and both switches set, to
// the values the number has (so that the update step changes both and the
// destroy step must restore all three), then checks that a plan is empty.
// A switch the API does not report is left out of the configuration.
func (s *suite) adopt(t *testing.T) {
	s.inbound, s.outbound = s.guard.Original.InboundEnabled, s.guard.Original.OutboundEnabled
	for name, sw := range map[string]*bool{"inboundEnabled": s.inbound, "outboundEnabled": s.outbound} {
		if sw == nil {
			t.Logf("note: the API did not report %s of the test number, so the suite leaves that switch alone: it could not put it back", name)
		}
	}
	s.writeMain(t)
	s.apply(t, s.main)
	s.expect(t, s.settings.AssistantID)
	s.planEmpty(t, s.main)
}

// updateSwitches flips both switches in configuration (those it manages).
func (s *suite) updateSwitches(t *testing.T) {
	s.inbound, s.outbound = flipped(s.inbound), flipped(s.outbound)
	s.writeMain(t)
	s.apply(t, s.main)
	s.expect(t, s.settings.AssistantID)
	s.planEmpty(t, s.main)
}

// driftRepaired detaches the assistant and flips inbound (when the suite
// manages it) through the API, as someone in the dashboard would; the next
// plan must show it and the next apply put the configuration back.
func (s *suite) driftRepaired(t *testing.T) {
	if _, err := s.guard.Update(s.ctx, interactly.UpdateNumberRequest{
		AssistantID:    ptr(""),
		InboundEnabled: flipped(s.inbound),
	}); err != nil {
		t.Fatalf("making drift through the API: %v", err)
	}
	plan := s.plan(t, s.main)
	if plan.ExitCode != 2 || !strings.Contains(plan.Stdout, "assistant_id") {
		t.Fatalf("after detaching the assistant through the API, want a plan that puts assistant_id back (exit 2), got:\n%s", plan)
	}
	s.apply(t, s.main)
	s.expect(t, s.settings.AssistantID)
	s.planEmpty(t, s.main)
}

// importByID imports the number by _id with `terraform import` into a
// second workspace whose configuration matches the number, so the plan
// after it is empty, then forgets it there again (state rm changes nothing
// in the API). The main workspace keeps its restore point from adoption.
func (s *suite) importByID(t *testing.T) {
	s.writeImportConfig(t, false)
	s.mustRun(t, s.imports, "import", "-input=false", "-no-color", "interactly_number.test", s.guard.Original.ID)
	s.planEmpty(t, s.imports)
	s.mustRun(t, s.imports, "state", "rm", "interactly_number.test")
	s.expect(t, s.settings.AssistantID)
}

// importByNumber does the same with an import block naming the phone number.
func (s *suite) importByNumber(t *testing.T) {
	s.writeImportConfig(t, true)
	result := s.apply(t, s.imports)
	if !strings.Contains(result.Stdout, "1 imported, 0 added, 0 changed, 0 destroyed") {
		t.Fatalf("want the apply to import the number and change nothing, got:\n%s", result)
	}
	s.planEmpty(t, s.imports)
	s.mustRun(t, s.imports, "state", "rm", "interactly_number.test")
	s.expect(t, s.settings.AssistantID)
}

func (s *suite) writeImportConfig(t *testing.T, withImportBlock bool) {
	// Switches the API does not report are left out: after an import the
	// provider cannot know them, and a configured value would be a change.
	now := s.current(t)
	var inbound, outbound *bool
	if now.InboundEnabled != nil {
		inbound = s.inbound
	}
	if now.OutboundEnabled != nil {
		outbound = s.outbound
	}
	config := numberConfig(s.settings.Number, s.settings.AssistantID, inbound, outbound, "")
	if withImportBlock {
		config += "\n" + importBlock(s.settings.Number)
	}
	writeFile(t, s.imports, config)
}

// dataSources reads the number through interactly_number by ID, phone
// number and (when it has a label no other number shares) label, and
// through interactly_numbers filtered by its label.
func (s *suite) dataSources(t *testing.T) {
	now := s.current(t)
	byLabel := ""
	if now.LabelText() == "" {
		t.Logf("note: the test number has no label, so interactly_number is not looked up by label and interactly_numbers lists every number")
	} else {
		same, err := s.guard.client.ListNumbers(s.ctx, now.LabelText())
		switch {
		case err != nil:
			t.Fatal(err)
		case len(same) == 1:
			byLabel = now.LabelText()
		default:
			t.Logf("note: %d numbers have the label %q, so interactly_number is not looked up by label", len(same), now.LabelText())
		}
	}
	writeFile(t, s.data, dataConfig(now.ID, now.Number, byLabel, now.LabelText()))
	s.apply(t, s.data)
	out := s.mustRun(t, s.data, "output", "-json", "-no-color")
	var outputs map[string]struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal([]byte(out.Stdout), &outputs); err != nil {
		t.Fatalf("reading the outputs: %v\n%s", err, out.Stdout)
	}
	lookups := []string{"by_id", "by_number"}
	if byLabel != "" {
		lookups = append(lookups, "by_label")
	}
	for _, name := range lookups {
		var found dataNumber
		if err := json.Unmarshal(outputs[name].Value, &found); err != nil {
			t.Fatalf("output %s: %v", name, err)
		}
		if diffs := diffNumbers(now, found.number()); len(diffs) > 0 {
			t.Errorf("data.interactly_number.%s differs from the API: %s", name, strings.Join(diffs, "; "))
		}
	}
	var listed struct {
		Numbers []dataNumber `json:"numbers"`
	}
	if err := json.Unmarshal(outputs["listed"].Value, &listed); err != nil {
		t.Fatalf("output listed: %v", err)
	}
	found := false
	for _, n := range listed.Numbers {
		if now.LabelText() != "" && n.number().LabelText() != now.LabelText() {
			t.Errorf("interactly_numbers with label %q lists %s, labelled %q", now.LabelText(), n.Number, n.number().LabelText())
		}
		if n.ID == now.ID {
			found = true
			if diffs := diffNumbers(now, n.number()); len(diffs) > 0 {
				t.Errorf("interactly_numbers lists the test number differently from the API: %s", strings.Join(diffs, "; "))
			}
		}
	}
	if !found {
		t.Errorf("interactly_numbers (label %q) does not list the test number", now.LabelText())
	}
	t.Logf("the data sources found the number by %s; interactly_numbers listed %d number(s)", strings.Join(lookups, ", "), len(listed.Numbers))
}

// destroyRestores destroys the main workspace (on_destroy = "restore"):
// the number must be exactly as found.
func (s *suite) destroyRestores(t *testing.T) {
	s.mustRun(t, s.main, "destroy", "-auto-approve", "-input=false", "-no-color")
	diffs, err := s.guard.Differences(s.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) > 0 {
		t.Fatalf("after destroy with on_destroy = \"restore\", the number differs from the number as found: %s", strings.Join(diffs, "; "))
	}
	t.Logf("destroy put the number back as found")
}

// dataNumber is a number as the data sources output it.
type dataNumber struct {
	ID              string  `json:"id"`
	Number          string  `json:"number"`
	TeamID          string  `json:"team_id"`
	ProviderName    string  `json:"provider_name"`
	AssistantID     *string `json:"assistant_id"`
	InboundEnabled  *bool   `json:"inbound_enabled"`
	OutboundEnabled *bool   `json:"outbound_enabled"`
	Label           *string `json:"label"`
}

func (d dataNumber) number() interactly.Number {
	n := interactly.Number{
		ID: d.ID, Number: d.Number, TeamID: d.TeamID, Provider: interactly.Provider{Name: d.ProviderName},
		InboundEnabled: d.InboundEnabled, OutboundEnabled: d.OutboundEnabled, Label: d.Label,
	}
	if d.AssistantID != nil {
		n.AssistantID = *d.AssistantID
	}
	return n
}

func (s *suite) writeMain(t *testing.T) {
	writeFile(t, s.main, numberConfig(s.settings.Number, s.settings.AssistantID, s.inbound, s.outbound, "restore"))
}

// flipped is the other value of a managed switch; nil stays nil.
func flipped(b *bool) *bool {
	if b == nil {
		return nil
	}
	return ptr(!*b)
}

func writeFile(t *testing.T, ws *tfcli.Workspace, config string) {
	t.Helper()
	for _, stale := range []string{"import.tf"} {
		_ = os.Remove(filepath.Join(ws.Dir, stale))
	}
	if err := ws.WriteFile("main.tf", config); err != nil {
		t.Fatal(err)
	}
}

// expect checks through the API that the number has the assistant and the
// switches the main workspace configures. Switches the API does not report
// cannot be checked, which is logged.
func (s *suite) expect(t *testing.T, assistantID string) {
	t.Helper()
	now := s.current(t)
	if now.AssistantID != assistantID {
		t.Fatalf("the API has assistantId %s, want %q: %s", quoted(now.AssistantID), assistantID, describe(now))
	}
	for _, sw := range []struct {
		name       string
		got        *bool
		configured *bool
	}{{"inboundEnabled", now.InboundEnabled, s.inbound}, {"outboundEnabled", now.OutboundEnabled, s.outbound}} {
		switch {
		case sw.configured == nil:
			// Not managed by the suite (not reported at the start).
		case sw.got == nil:
			t.Logf("note: the API does not report %s, so the suite cannot check it", sw.name)
		case *sw.got != *sw.configured:
			t.Fatalf("the API has %s %t, want %t: %s", sw.name, *sw.got, *sw.configured, describe(now))
		}
	}
}

func (s *suite) current(t *testing.T) interactly.Number {
	t.Helper()
	now, err := s.guard.Current(s.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return now
}

func (s *suite) apply(t *testing.T, ws *tfcli.Workspace) tfcli.Result {
	t.Helper()
	return s.mustRun(t, ws, "apply", "-auto-approve", "-input=false", "-no-color")
}

// planEmpty fails unless a plan proposes no change (-detailed-exitcode 0).
func (s *suite) planEmpty(t *testing.T, ws *tfcli.Workspace) {
	t.Helper()
	if plan := s.plan(t, ws); plan.ExitCode != 0 {
		t.Fatalf("want an empty plan (exit 0), got:\n%s", plan)
	}
}

// plan returns a plan that succeeded, with or without changes (exit 0 or 2).
func (s *suite) plan(t *testing.T, ws *tfcli.Workspace) tfcli.Result {
	t.Helper()
	result := s.run(t, ws, "plan", "-detailed-exitcode", "-input=false", "-no-color")
	if result.ExitCode != 0 && result.ExitCode != 2 {
		t.Fatalf("plan failed:\n%s", result)
	}
	return result
}

func (s *suite) mustRun(t *testing.T, ws *tfcli.Workspace, args ...string) tfcli.Result {
	t.Helper()
	result := s.run(t, ws, args...)
	if result.ExitCode != 0 {
		t.Fatalf("command failed:\n%s", result)
	}
	return result
}

// run runs the CLI in ws. On interruption the CLI gets SIGINT, as from a
// terminal, and time to stop cleanly.
func (s *suite) run(t *testing.T, ws *tfcli.Workspace, args ...string) tfcli.Result {
	t.Helper()
	cmd := ws.Command(s.ctx, args...)
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 30 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	result := tfcli.Result{Args: args, Stdout: stdout.String(), Stderr: stderr.String(), Duration: time.Since(start)}
	// The key must never reach the CLI's output; if it does, fail without
	// showing it.
	if key := s.settings.APIKey; strings.Contains(result.Stdout+result.Stderr, key) {
		result.Stdout = strings.ReplaceAll(result.Stdout, key, "[REDACTED]")
		result.Stderr = strings.ReplaceAll(result.Stderr, key, "[REDACTED]")
		t.Errorf("the output of %s contains the API key (shown here as [REDACTED])", strings.Join(args, " "))
	}
	if s.ctx.Err() != nil {
		t.Fatalf("%s was interrupted (%v)\n%s", strings.Join(args, " "), context.Cause(s.ctx), result)
	}
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		result.ExitCode = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("running %s: %v", strings.Join(args, " "), err)
	}
	t.Logf("%s: %s -> exit %d in %v", filepath.Base(ws.Dir), strings.Join(args, " "), result.ExitCode, result.Duration.Round(time.Millisecond))
	return result
}
