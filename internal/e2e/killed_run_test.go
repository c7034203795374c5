package e2e

import (
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// An apply killed after its write and before it saved state leaves the
// number or assistant changed in Interactly and not in state. The next apply
// adopts it again and finds it already as configured: it warns, naming it,
// that the restore point may not be the original, and says what to do. An
// adoption that changes something says nothing of the kind.
func TestAccAdoptionFoundAsConfiguredWarns(t *testing.T) {
	for _, profile := range []emulator.Profile{emulator.ProfileDefault, emulator.ProfileSparse, emulator.ProfileVerbose} {
		t.Run(string(profile), func(t *testing.T) {
			ws, emu, seed := planWorkspace(t, profile)
			n := seed.Numbers[1] // no assistant, both switches on
			config := numberConfig(n.Number, `  assistant_id = "asst-2"`) + `
resource "interactly_assistant" "a" {
  assistant_id = "asst-3"
  name         = "Front desk"
}
`
			// What a killed run leaves: both changed as configured, neither in state.
			n.AssistantID = "asst-2"
			emu.SetNumber(n)
			if !emu.EditAssistant("asst-3", map[string]any{"name": "Front desk"}) {
				t.Fatal("the emulator has no assistant asst-3")
			}
			write(t, ws, config)
			output := mustRun(t, ws, "apply", "-auto-approve", "-no-color").Stdout
			for _, names := range []string{"number " + n.Number, "assistant asst-3"} {
				if !strings.Contains(output, "The restore point of "+names+" may not be the original") {
					t.Errorf("no warning names %s:\n%s", names, output)
				}
			}
			if !strings.Contains(output, "terraform state rm") {
				t.Errorf("the warning does not say what to do:\n%s", output)
			}

			// An adoption that changes the number and the assistant: no warning.
			mustRun(t, ws, "destroy", "-auto-approve", "-no-color")
			write(t, ws, strings.ReplaceAll(strings.ReplaceAll(config, "asst-2", "asst-1"), "Front desk", "Reception"))
			if output := mustRun(t, ws, "apply", "-auto-approve", "-no-color").Stdout; strings.Contains(output, "may not be the original") {
				t.Errorf("an adoption that changed both warns about its restore point:\n%s", output)
			}
		})
	}
}
