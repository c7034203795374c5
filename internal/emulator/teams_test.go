package emulator

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

const otherKey = "other-team-key"

// twoTeams is testSeed with one more number, of team-2.
func twoTeams() Options {
	seed := testSeed()
	seed.Numbers = append(seed.Numbers, Number{ID: "id-9", TeamID: "team-2", Number: "+14155550109", Label: "sales", InboundEnabled: true})
	return Options{Seed: seed, TeamKeys: map[string]string{otherKey: "team-2", "empty-team-key": "team-3"}}
}

func TestTeamKeysListOnlyTheirTeam(t *testing.T) {
	t.Parallel()
	_, c := start(t, twoTeams())
	other := client{t: t, base: c.base, authorization: "Bearer " + otherKey}
	empty := client{t: t, base: c.base, authorization: "Bearer empty-team-key"}
	for _, tt := range []struct {
		name string
		c    client
		path string
		want []string
	}{
		{"seed team", *c, "/assistants/v1/numbers", []string{"id-3", "id-1", "id-2"}},
		{"seed team by label", *c, "/assistants/v1/numbers?label=sales", []string{"id-3", "id-2"}},
		{"other team", other, "/assistants/v1/numbers", []string{"id-9"}},
		{"other team by label", other, "/assistants/v1/numbers?label=sales", []string{"id-9"}},
		{"team without numbers", empty, "/assistants/v1/numbers", []string{}},
	} {
		var list []Number
		tt.c.do("GET", tt.path, "").decode(t, &list)
		if got := ids(list); !slices.Equal(got, tt.want) {
			t.Errorf("%s: GET %s lists %v, want %v", tt.name, tt.path, got, tt.want)
		}
	}
}

func TestTeamKeysChangeOnlyTheirTeam(t *testing.T) {
	t.Parallel()
	srv, c := start(t, twoTeams())
	other := client{t: t, base: c.base, authorization: "Bearer " + otherKey}

	// Another team's number is as unknown as a number nobody has.
	other.do("PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled": false}`).wantError(t, http.StatusNotFound, `"id-1"`)
	c.do("PUT", "/assistants/v1/numbers/id-9", `{"inboundEnabled": false}`).wantError(t, http.StatusNotFound, `"id-9"`)
	if n, _ := srv.GetNumber("id-1"); !n.InboundEnabled {
		t.Error("another team's key disabled inbound calls of id-1")
	}
	if n, _ := srv.GetNumber("id-9"); !n.InboundEnabled {
		t.Error("the seed team's key disabled inbound calls of id-9")
	}
	var updated Number
	other.do("PUT", "/assistants/v1/numbers/id-9", `{"inboundEnabled": false}`).decode(t, &updated)
	if updated.InboundEnabled || updated.TeamID != "team-2" {
		t.Errorf("own team's PUT answered %+v, want inbound disabled in team-2", updated)
	}

	// A purchase lands in the key's team, and only that team sees it.
	var bought Number
	other.do("POST", "/assistants/v1/numbers/purchase", `{"number": "+14155550150"}`).decode(t, &bought)
	if bought.TeamID != "team-2" {
		t.Errorf("purchase with team-2's key made a number of team %q", bought.TeamID)
	}
	var list []Number
	c.do("GET", "/assistants/v1/numbers", "").decode(t, &list)
	if slices.Contains(ids(list), bought.ID) {
		t.Errorf("the seed team lists team-2's purchase: %v", ids(list))
	}
	// Buying another team's number conflicts, without naming its ID.
	res := c.do("POST", "/assistants/v1/numbers/purchase", `{"number": "+14155550150"}`)
	res.wantError(t, http.StatusConflict, "belongs to another team")
	if strings.Contains(string(res.body), bought.ID) {
		t.Errorf("the conflict names the other team's number ID: %s", res.body)
	}
}
