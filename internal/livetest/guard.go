package livetest

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// Guard holds the test number as the suite found it, and the rest of the
// team, so that the suite can prove it left both as they were and put the
// test number back when it did not.
//
// Every update the suite makes through the API goes through Guard.Update,
// which can only address the test number.
type Guard struct {
	client   *interactly.Client
	Original interactly.Number   // the test number as found
	others   []interactly.Number // every other number of the team, as found
}

// Record finds the test number and records it with the rest of the team.
func Record(ctx context.Context, client *interactly.Client, number string) (*Guard, error) {
	all, err := client.ListNumbers(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("recording the team's numbers: %w", err)
	}
	g := &Guard{client: client}
	found := false
	for _, n := range all {
		if n.Number == number && !found {
			g.Original, found = n, true
			continue
		}
		g.others = append(g.others, n)
	}
	if !found {
		return nil, fmt.Errorf("%s %s is not among the %d numbers of the team of this key: import or purchase it first, or name another",
			EnvNumber, number, len(all))
	}
	return g, nil
}

// Current reads the test number from the API.
func (g *Guard) Current(ctx context.Context) (interactly.Number, error) {
	all, err := g.client.ListNumbers(ctx, "")
	if err != nil {
		return interactly.Number{}, err
	}
	for _, n := range all {
		if n.ID == g.Original.ID {
			return n, nil
		}
	}
	return interactly.Number{}, fmt.Errorf("the test number %s (_id %s) is no longer in the team", g.Original.Number, g.Original.ID)
}

// Update changes the test number through the API, and nothing else.
func (g *Guard) Update(ctx context.Context, body interactly.UpdateNumberRequest) (interactly.Number, error) {
	return g.client.UpdateNumber(ctx, g.Original.ID, body)
}

// Differences lists how the test number now differs from the number as
// found (empty when it is exactly as found).
func (g *Guard) Differences(ctx context.Context) ([]string, error) {
	now, err := g.Current(ctx)
	if err != nil {
		return nil, err
	}
	return diffNumbers(g.Original, now), nil
}

// Restore puts the test number back as found when it differs, and says
// what it had to change. A switch the API did not report when the number
// was found cannot be put back to "not reported"; it is left alone.
func (g *Guard) Restore(ctx context.Context) (repaired []string, err error) {
	diffs, err := g.Differences(ctx)
	if err != nil || len(diffs) == 0 {
		return nil, err
	}
	if _, err := g.Update(ctx, interactly.UpdateNumberRequest{
		AssistantID:     ptr(g.Original.AssistantID), // "" detaches
		InboundEnabled:  g.Original.InboundEnabled,
		OutboundEnabled: g.Original.OutboundEnabled,
	}); err != nil {
		return diffs, fmt.Errorf("putting the test number back (%s): %w", strings.Join(diffs, "; "), err)
	}
	left, err := g.Differences(ctx)
	if err != nil {
		return diffs, err
	}
	if len(left) > 0 {
		return diffs, fmt.Errorf("the test number still differs from the number as found after putting it back: %s", strings.Join(left, "; "))
	}
	return diffs, nil
}

// OthersChanged lists how the rest of the team differs from what Record
// found: numbers added, removed or changed.
func (g *Guard) OthersChanged(ctx context.Context) ([]string, error) {
	all, err := g.client.ListNumbers(ctx, "")
	if err != nil {
		return nil, err
	}
	now := map[string]interactly.Number{}
	for _, n := range all {
		if n.ID != g.Original.ID {
			now[n.ID] = n
		}
	}
	var changes []string
	for _, before := range g.others {
		after, ok := now[before.ID]
		switch {
		case !ok:
			changes = append(changes, fmt.Sprintf("%s (_id %s) is gone", before.Number, before.ID))
		default:
			if diffs := diffNumbers(before, after); len(diffs) > 0 {
				changes = append(changes, fmt.Sprintf("%s (_id %s) changed: %s", before.Number, before.ID, strings.Join(diffs, "; ")))
			}
		}
		delete(now, before.ID)
	}
	for _, added := range now {
		changes = append(changes, fmt.Sprintf("%s (_id %s) appeared", added.Number, added.ID))
	}
	slices.Sort(changes)
	return changes, nil
}
