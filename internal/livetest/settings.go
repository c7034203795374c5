package livetest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// The variables the suite reads. The first three are required: the suite
// never guesses which number it may change.
const (
	EnvAPIKey      = "INTERACTLY_API_KEY"
	EnvNumber      = "INTERACTLY_TEST_NUMBER"
	EnvAssistantID = "INTERACTLY_TEST_ASSISTANT_ID"
	EnvBaseURL     = "INTERACTLY_BASE_URL"
	// EnvExclusive, when "1", promises that nobody else changes the team
	// during the run (true of the emulator), so that any change to another
	// number fails the suite instead of being reported.
	EnvExclusive = "INTERACTLY_TEST_EXCLUSIVE"
)

// Settings is what the suite runs against.
type Settings struct {
	APIKey      string
	BaseURL     string
	Number      string // E.164
	AssistantID string
	Exclusive   bool
}

// SettingsFromEnv reads the settings through getenv and returns the names
// of the required variables that are missing.
func SettingsFromEnv(getenv func(string) string) (Settings, []string) {
	s := Settings{
		APIKey:      getenv(EnvAPIKey),
		BaseURL:     getenv(EnvBaseURL),
		Number:      strings.TrimSpace(getenv(EnvNumber)),
		AssistantID: strings.TrimSpace(getenv(EnvAssistantID)),
		Exclusive:   getenv(EnvExclusive) == "1",
	}
	if s.BaseURL == "" {
		s.BaseURL = interactly.DefaultBaseURL
	}
	var missing []string
	for name, value := range map[string]string{EnvAPIKey: s.APIKey, EnvNumber: s.Number, EnvAssistantID: s.AssistantID} {
		if value == "" {
			missing = append(missing, name)
		}
	}
	slices.Sort(missing)
	return s, missing
}

// MissingMessage explains to the person running the suite what to set.
func MissingMessage(missing []string) string {
	return fmt.Sprintf(`The live acceptance suite cannot run: missing %s.
It changes one real number, so it needs all of:
  %s            an API key of the team (dashboard, section API Keys)
  %s        a number of that team (E.164, such as +14155550100) that the suite may change
  %s  an assistant it may attach to that number
and optionally %s (default %s).
The suite puts the number back as it found it. See internal/livetest/README.md.`,
		strings.Join(missing, ", "), EnvAPIKey, EnvNumber, EnvAssistantID, EnvBaseURL, interactly.DefaultBaseURL)
}

// Check rejects settings the suite cannot use, before any request.
func (s Settings) Check() error {
	if _, err := interactly.ParseBaseURL(s.BaseURL); err != nil {
		return fmt.Errorf("%s: %w", EnvBaseURL, err)
	}
	if !e164(s.Number) {
		return fmt.Errorf("%s=%q is not a phone number in E.164 form (a + then 2 to 15 digits, such as +14155550100)", EnvNumber, s.Number)
	}
	return nil
}

func e164(n string) bool {
	if len(n) < 3 || len(n) > 16 || n[0] != '+' || n[1] == '0' {
		return false
	}
	for _, c := range n[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
