package livetest

import (
	"strings"
	"testing"
)

func TestSettingsNameWhatIsMissing(t *testing.T) {
	env := map[string]string{EnvNumber: "+14155550100"}
	s, missing := SettingsFromEnv(func(name string) string { return env[name] })
	if strings.Join(missing, ",") != "INTERACTLY_API_KEY,INTERACTLY_TEST_ASSISTANT_ID" {
		t.Errorf("missing %q", missing)
	}
	if s.BaseURL != "https://api-prod.interactly.ai" {
		t.Errorf("the base URL defaults to %q, want production", s.BaseURL)
	}
	message := MissingMessage(missing)
	for _, name := range []string{EnvAPIKey, EnvNumber, EnvAssistantID, EnvBaseURL, "README.md"} {
		if !strings.Contains(message, name) {
			t.Errorf("the message does not name %s:\n%s", name, message)
		}
	}
}

func TestSettingsFromACompleteEnvironment(t *testing.T) {
	env := map[string]string{
		EnvAPIKey: "k", EnvNumber: " +14155550100 ", EnvAssistantID: "asst", EnvBaseURL: "http://127.0.0.1:1", EnvExclusive: "1",
	}
	s, missing := SettingsFromEnv(func(name string) string { return env[name] })
	want := Settings{APIKey: "k", BaseURL: "http://127.0.0.1:1", Number: "+14155550100", AssistantID: "asst", Exclusive: true}
	if len(missing) > 0 || s != want {
		t.Fatalf("got %+v missing %v, want %+v", s, missing, want)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestSettingsCheck(t *testing.T) {
	for name, tc := range map[string]struct {
		s    Settings
		want string
	}{
		"plain http to a remote host": {Settings{BaseURL: "http://api.example.com", Number: "+14155550100"}, "INTERACTLY_BASE_URL"},
		"a number not in E.164 form":  {Settings{BaseURL: "https://api.example.com", Number: "4155550100"}, "INTERACTLY_TEST_NUMBER"},
		"a number with a leading 0":   {Settings{BaseURL: "https://api.example.com", Number: "+04155550100"}, "E.164"},
	} {
		t.Run(name, func(t *testing.T) {
			if err := tc.s.Check(); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error naming %s", err, tc.want)
			}
		})
	}
}
