package e2e

import (
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// TestAccWrongInputInOurWords: mistakes in configuration, the environment and
// import IDs, and an assistant the team does not have (which fails the plan), are reported in the provider's words, as the CLI renders them:
// naming the setting and where its value came from, saying what to write
// instead, with no escape sequences such as a literal \n.
func TestAccWrongInputInOurWords(t *testing.T) {
	seed := emulator.GenerateSeed(1)
	ws, _ := newWorkspace(t, emulator.Options{APIKey: "sk-input", Seed: seed})
	baseURL := ws.Env[0]
	ws.Env = append(ws.Env, "INTERACTLY_API_KEY=sk-input")
	header := `
terraform {
  required_providers {
    interactly = { source = "interactly/interactly" }
  }
}
`
	cases := []struct {
		name   string
		config string
		env    []string
		args   []string
		want   []string
		absent []string
	}{
		{
			name:   "request_timeout without a unit",
			config: header + "provider \"interactly\" {\n  request_timeout = \"30\"\n}\n\ndata \"interactly_numbers\" \"all\" {}\n",
			args:   []string{"validate", "-no-color"},
			want:   []string{"Invalid request_timeout", `request_timeout = "30" has no unit: write "30s" for 30 seconds or "30m" for 30 minutes`},
		},
		{
			name:   "data source read timeout without a unit",
			config: header + "data \"interactly_numbers\" \"all\" {\n  timeouts {\n    read = \"5\"\n  }\n}\n",
			args:   []string{"validate", "-no-color"},
			want:   []string{"Invalid timeouts.read", `timeouts.read = "5" has no unit`},
		},
		{
			name:   "resource timeout without a unit",
			config: header + "resource \"interactly_number\" \"n\" {\n  number = \"+15035550103\"\n  timeouts {\n    create = \"10\"\n  }\n}\n",
			args:   []string{"validate", "-no-color"},
			want:   []string{"Invalid timeouts.create", `timeouts.create = "10" has no unit`},
		},
		{
			name:   "INTERACTLY_BASE_URL without a scheme",
			config: header + "data \"interactly_numbers\" \"all\" {}\n",
			env:    []string{"INTERACTLY_BASE_URL=127.0.0.1:8080"},
			args:   []string{"plan", "-no-color"},
			want: []string{"Invalid INTERACTLY_BASE_URL", "comes from the environment variable INTERACTLY_BASE_URL",
				`add http:// in front for a local emulator, as in "http://127.0.0.1:8080"`},
		},
		{
			name:   "base_url without a scheme",
			config: header + "provider \"interactly\" {\n  base_url = \"api-prod.interactly.ai\"\n}\n\ndata \"interactly_numbers\" \"all\" {}\n",
			args:   []string{"validate", "-no-color"},
			want:   []string{"Invalid Interactly base URL", `add https:// in front, as in "https://api-prod.interactly.ai"`},
		},
		{
			name:   "import ID without +",
			config: header + "resource \"interactly_number\" \"n\" {\n  number = \"+15035550103\"\n}\n",
			args:   []string{"import", "-no-color", "interactly_number.n", "5035550103"},
			want:   []string{`"5035550103" looks like a phone number without its "+"`, "+15035550103 for a number in the US or Canada"},
		},
		{
			name:   "unknown assistant",
			config: header + "resource \"interactly_number\" \"n\" {\n  number       = \"" + seed.Numbers[0].Number + "\"\n  assistant_id = \"asst-nope\"\n}\n",
			args:   []string{"apply", "-auto-approve", "-no-color"},
			want:   []string{"Assistant asst-nope not found", `assistant_id is "asst-nope"`, "Check the ID in the Interactly dashboard", "omit assistant_id"},
			absent: []string{`send ""`, `""`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := ws.WriteFile("main.tf", tc.config); err != nil {
				t.Fatal(err)
			}
			ws.Env = append([]string{baseURL, "INTERACTLY_API_KEY=sk-input"}, tc.env...)
			result, err := ws.Run(t.Context(), tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			out := result.Stdout + result.Stderr
			if result.ExitCode == 0 {
				t.Fatalf("%s succeeded: %s", strings.Join(tc.args, " "), result)
			}
			flat := strings.Join(strings.Fields(out), " ")
			for _, want := range tc.want {
				if !strings.Contains(flat, want) {
					t.Errorf("output lacks %q: %s", want, out)
				}
			}
			for _, absent := range tc.absent {
				if strings.Contains(flat, absent) {
					t.Errorf("output shows %q: %s", absent, out)
				}
			}
			if strings.Contains(out, `\n`) || strings.Contains(out, `\"`) {
				t.Errorf("output shows escape sequences: %s", out)
			}
		})
	}
}
