package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

func TestJudgeDeparture(t *testing.T) {
	t.Parallel()
	team := types.StringValue("t1")
	mine := interactly.Number{ID: "n2", Number: "+2", TeamID: "t1"}
	theirs := interactly.Number{ID: "n3", Number: "+3", TeamID: "t9"}
	unnamed := interactly.Number{ID: "n4", Number: "+4"}
	for _, tc := range []struct {
		name    string
		team    types.String
		listing []interactly.Number
		want    departure
	}{
		{"the team still lists other numbers", team, []interactly.Number{theirs, mine}, departed},
		{"only another team's numbers", team, []interactly.Number{theirs}, otherTeam},
		{"an empty listing", team, nil, emptyTeam},
		{"an empty listing and no team recorded", types.StringNull(), nil, emptyTeam},
		{"no team recorded", types.StringNull(), []interactly.Number{theirs}, departed},
		{"answers that leave teamId out", team, []interactly.Number{unnamed}, departed},
	} {
		if got := judgeDeparture(tc.team, tc.listing); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestNotInTeamDetailNamesWhatTheKeyLists(t *testing.T) {
	t.Parallel()
	listing := []interactly.Number{{ID: "n1", Number: "+1", TeamID: "t9"}, {ID: "n2", Number: "+2", TeamID: "t9"}}
	if got := notInTeamDetail("ID x", listing, "the provider block's api_key"); !strings.Contains(got, "lists 2 numbers of team t9, and none with ID x") ||
		!strings.Contains(got, "the provider block's api_key") {
		t.Errorf("detail %q", got)
	}
	if got := notInTeamDetail("ID x", nil, "k"); !strings.Contains(got, "lists no numbers at all") {
		t.Errorf("detail of an empty listing %q", got)
	}
}

const (
	otherTeamID  = "2e8c2c2c2c2c2c2c2c2c2c2c"
	otherTeamKey = "other-team-key"
	emptyTeamKey = "empty-team-key"
)

// newTeamsEmulator serves the test team (key testAPIKey), another team with
// one number (otherTeamKey) and a team without numbers (emptyTeamKey).
func newTeamsEmulator(t *testing.T) *testEmulator {
	t.Helper()
	seed := testTeam()
	seed.Numbers = append(seed.Numbers, emulator.Number{ID: "d00d0000-3333-4444-8555-b66677778888", TeamID: otherTeamID,
		Number: "+14155550199", Provider: emulator.Provider{Name: "twilio"}, InboundEnabled: true, OutboundEnabled: true})
	return newTestEmulatorWith(t, emulator.Options{APIKey: testAPIKey, Seed: seed,
		TeamKeys: map[string]string{otherTeamKey: otherTeamID, emptyTeamKey: "3f000000000000000000000e"}})
}

// A pipeline given another team's key must not forget the numbers: the
// refresh fails, naming both teams and the setting that holds the key, and
// the state stays as it was.
func TestAccNumber_anotherTeamsKeyKeepsTheState(t *testing.T) {
	emu := newTeamsEmulator(t)
	resourceBlock := `
resource "interactly_number" "sales" {
  number       = "+14155550101"
  assistant_id = "asst-sales"
  on_destroy   = "restore"
}`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: emu.config(resourceBlock)},
			{
				Config: emu.configWithKey(otherTeamKey, resourceBlock),
				ExpectError: errorMatching(`API key of another team.*belongs to team 1f7b1b1b1b1b1b1b1b1b1b1b.*` +
					`api_key lists the numbers of team ` + otherTeamID + `.*state was kept`),
			},
			{
				// terraform refresh, as apply -refresh-only does, with the
				// configuration of the step before.
				RefreshState: true,
				ExpectError:  errorMatching(`API key of another team`),
			},
			{
				Config:      emu.configWithKey(emptyTeamKey, resourceBlock),
				ExpectError: errorMatching(`The team lists no numbers at all.*kept in state.*terraform state rm`),
			},
			{
				// With the team's own key again: still in state, nothing to do.
				Config:   emu.config(resourceBlock),
				PlanOnly: true,
			},
		},
		// The restore point survived: destroy puts the number back.
		CheckDestroy: emu.expectAPI(salesID, want{"", true, false}),
	})
}
