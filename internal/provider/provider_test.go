package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// testAccProviders serves the provider in-process to the Terraform (or
// OpenTofu) CLI that terraform-plugin-testing runs: a new provider for
// every command, as Terraform starts a new provider process, so that what
// one provider remembers (the objects its Reads removed) never leaks from
// one test into another.
var testAccProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"interactly": func() (tfprotov6.ProviderServer, error) {
		return ProtocolServer("test")(), nil
	},
}

const testAPIKey = "sk-acc-0123456789abcdef"

// testTeam is a small team: a number with an assistant and both switches on,
// one with none and outbound off, one labelled like another.
func testTeam() emulator.Seed {
	twilio := emulator.Provider{Name: "twilio"}
	return emulator.Seed{
		TeamID:     "1f7b1b1b1b1b1b1b1b1b1b1b",
		Assistants: []string{"asst-support", "asst-sales", "asst-night"},
		Numbers: []emulator.Number{
			{ID: "a12f9c88-c155-461f-9771-4d240cdc9a04", Number: "+14155550100", Provider: twilio, AssistantID: "asst-support", InboundEnabled: true, OutboundEnabled: true, Label: "support"},
			{ID: "b7e0d1c2-1111-4222-8333-944455556666", Number: "+14155550101", Provider: twilio, InboundEnabled: true, OutboundEnabled: false, Label: "sales"},
			{ID: "c0ffee00-2222-4333-8444-a55566667777", Number: "+442071838750", Provider: twilio, AssistantID: "asst-night", InboundEnabled: false, OutboundEnabled: false, Label: "sales"},
		},
	}
}

const (
	supportID = "a12f9c88-c155-461f-9771-4d240cdc9a04"
	salesID   = "b7e0d1c2-1111-4222-8333-944455556666"
	londonID  = "c0ffee00-2222-4333-8444-a55566667777"
)

// envTestProfile names the emulator profile (see the emulator's README) the
// acceptance tests run under; make test runs them under each. Unset means
// the default profile.
const envTestProfile = "INTERACTLY_TEST_PROFILE"

// testEmulator is one emulator per test, so tests run in parallel.
type testEmulator struct {
	*emulator.Server
	URL     string
	profile emulator.Profile
}

func newTestEmulator(t *testing.T) *testEmulator {
	t.Helper()
	return newTestEmulatorWith(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam()})
}

// newTestEmulatorWith starts an emulator with opts, under the profile of
// INTERACTLY_TEST_PROFILE unless opts names one.
func newTestEmulatorWith(t *testing.T, opts emulator.Options) *testEmulator {
	t.Helper()
	return startTestEmulator(t, opts, nil)
}

// startTestEmulator serves the emulator through wrap, when given, so tests
// can look at the requests themselves.
func startTestEmulator(t *testing.T, opts emulator.Options, wrap func(http.Handler) http.Handler) *testEmulator {
	t.Helper()
	if opts.Profile == "" {
		profile, err := emulator.ParseProfile(os.Getenv(envTestProfile))
		if err != nil {
			t.Fatalf("%s: %v", envTestProfile, err)
		}
		opts.Profile = profile
	}
	emu := emulator.New(opts)
	var handler http.Handler = emu
	if wrap != nil {
		handler = wrap(emu)
	}
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return &testEmulator{Server: emu, URL: srv.URL, profile: opts.Profile}
}

// reportsOptionalFields is false under the sparse profile, whose answers
// never carry label, inboundEnabled or outboundEnabled.
func (e *testEmulator) reportsOptionalFields() bool { return e.profile != emulator.ProfileSparse }

// reported is what state holds for an optional field that the API holds as
// v and Terraform never sent: v, or null where the answers leave it out.
func (e *testEmulator) reported(v any) any {
	if !e.reportsOptionalFields() {
		return nil
	}
	return v
}

// requestLog records what reached an emulator, for tests about the requests
// themselves (their headers, their query) rather than their effect.
type requestLog struct {
	mu       sync.Mutex
	requests []*http.Request
}

func (l *requestLog) all() []*http.Request {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]*http.Request(nil), l.requests...)
}

// newRecordingEmulator is newTestEmulator with every request recorded.
func newRecordingEmulator(t *testing.T) (*testEmulator, *requestLog) {
	t.Helper()
	return newRecordingEmulatorWith(t, testTeam())
}

func newRecordingEmulatorWith(t *testing.T, seed emulator.Seed) (*testEmulator, *requestLog) {
	t.Helper()
	log := &requestLog{}
	emu := startTestEmulator(t, emulator.Options{APIKey: testAPIKey, Seed: seed}, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			log.mu.Lock()
			log.requests = append(log.requests, r.Clone(r.Context()))
			log.mu.Unlock()
			next.ServeHTTP(w, r)
		})
	})
	return emu, log
}

// config prefixes HCL with a provider block that points at this emulator.
// Retries wait as they would in production (the client's backoff starts at
// 1 s and doubles up to 30 s, unless the answer names a Retry-After), so a
// fault test injects only the few failures it needs.
func (e *testEmulator) config(hcl string) string {
	return e.configWithKey(testAPIKey, hcl)
}

func (e *testEmulator) configWithKey(key, hcl string) string {
	return fmt.Sprintf(`
provider "interactly" {
  api_key  = %q
  base_url = %q
}
`, key, e.URL) + hcl
}

// configWith adds provider arguments such as max_retries to the block.
func (e *testEmulator) configWith(providerArgs, hcl string) string {
	return fmt.Sprintf(`
provider "interactly" {
  api_key  = %q
  base_url = %q
  %s
}
`, testAPIKey, e.URL, providerArgs) + hcl
}

// number returns what the emulator holds for id, failing the test if absent.
func (e *testEmulator) number(t *testing.T, id string) emulator.Number {
	t.Helper()
	n, ok := e.GetNumber(id)
	if !ok {
		t.Fatalf("the emulator has no number %s", id)
	}
	return n
}
