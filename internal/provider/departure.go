package provider

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// A number missing from the listing has left the team only if the listing
// is the listing of the team that had it. Terraform forgets a resource for
// good when Read removes it (with its restore point), so a wrong API key,
// such as another team's or a staging key in production, must never look
// like every number leaving at once.

// departure is what a listing that lacks a number says about it.
type departure int

const (
	// departed: the listing holds numbers of the number's team, so the
	// team really no longer has it.
	departed departure = iota
	// otherTeam: the listing holds numbers, none of them the number's
	// team's: the API key belongs to another team.
	otherTeam
	// emptyTeam: the listing holds no number at all. A team that released
	// every number and a key of a team that has none look the same, so
	// this is not taken as evidence either.
	emptyTeam
)

// judgeDeparture reads a listing that lacks a number whose team was
// recorded as team (null when the API never reported it).
func judgeDeparture(team types.String, listing []interactly.Number) departure {
	if len(listing) == 0 {
		return emptyTeam
	}
	if team.IsNull() || team.IsUnknown() || team.ValueString() == "" {
		return departed // nothing to compare with: the listing is the only evidence
	}
	for _, n := range listing {
		if n.TeamID == "" || n.TeamID == team.ValueString() {
			// An answer that leaves teamId out cannot show another team.
			return departed
		}
	}
	return otherTeam
}

// teamName names the team recorded in state, for messages.
func teamName(team types.String) string {
	if team.IsNull() || team.IsUnknown() || team.ValueString() == "" {
		return "the team that owns it"
	}
	return "team " + team.ValueString()
}

// listedTeams names the teams of a listing, for messages.
func listedTeams(listing []interactly.Number) string {
	var teams []string
	for _, n := range listing {
		if n.TeamID != "" && !slices.Contains(teams, n.TeamID) {
			teams = append(teams, n.TeamID)
		}
	}
	if len(teams) == 0 {
		return "a team that the API does not name"
	}
	return "team " + strings.Join(teams, ", ")
}

// notInTeamDetail explains a lookup that found nothing, naming what the key
// does list, so that another team's key shows for what it is.
func notInTeamDetail(what string, listing []interactly.Number, keySource string) string {
	seen := "no numbers at all"
	if len(listing) > 0 {
		seen = fmt.Sprintf("%d numbers of %s", len(listing), listedTeams(listing))
	}
	return fmt.Sprintf("The API key in %s lists %s, and none with %s. Check the value, and that the key belongs to the "+
		"team that owns the number.", keySource, seen, what)
}

// departureExplanation says why a number missing from the listing is kept
// in state, and what to do. keySource names the setting that holds the key.
func departureExplanation(d departure, e164 string, team types.String, listing []interactly.Number, keySource string) (summary, detail string) {
	switch d {
	case otherTeam:
		return "API key of another team",
			fmt.Sprintf("Number %s belongs to team %s, but the API key in %s lists the numbers of %s. "+
				"The key is probably another team's (for example a staging key in production). Nothing was changed and the "+
				"state was kept as it was. Set %s to a key of team %s, then run terraform again.",
				e164, team.ValueString(), keySource, listedTeams(listing), keySource, team.ValueString())
	default:
		return "The team lists no numbers at all",
			fmt.Sprintf("Number %s is not in the listing of the API key in %s, and that listing holds no number at all. "+
				"A key of another team that has no numbers looks the same as a team that released every number, so the "+
				"number was kept in state. Check that %s holds a key of %s. If the team really has no numbers any more, "+
				"remove the number from state with terraform state rm, or destroy it with terraform destroy -refresh=false.",
				e164, keySource, keySource, teamName(team))
	}
}
