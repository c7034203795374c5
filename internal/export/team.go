package export

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// API is what the export asks of the Interactly client.
type API interface {
	ListNumbers(ctx context.Context, label string) ([]interactly.Number, error)
	GetAssistant(ctx context.Context, id string) (interactly.Assistant, error)
}

// Selection says what to export: every number (or those with Label), and
// Assistants besides those attached to them.
type Selection struct {
	Label      string
	Assistants []string
}

// Team is what an export writes: the numbers in ID order, and the assistants
// by ID.
type Team struct {
	Numbers    []interactly.Number
	Assistants map[string]interactly.Assistant
}

// Fetch reads the team: one listing of the numbers, one GET per assistant.
func Fetch(ctx context.Context, api API, sel Selection) (Team, error) {
	numbers, err := api.ListNumbers(ctx, sel.Label)
	if err != nil {
		return Team{}, fmt.Errorf("listing the team's numbers: %w", err)
	}
	numbers = slices.Clone(numbers)
	slices.SortFunc(numbers, func(a, b interactly.Number) int { return cmp.Compare(a.ID, b.ID) })

	ids := slices.Clone(sel.Assistants)
	for _, n := range numbers {
		if n.AssistantID != "" {
			ids = append(ids, n.AssistantID)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)

	team := Team{Numbers: numbers, Assistants: make(map[string]interactly.Assistant, len(ids))}
	for _, id := range ids {
		a, err := api.GetAssistant(ctx, id)
		if err != nil {
			return Team{}, fmt.Errorf("reading assistant %s: %w", id, err)
		}
		team.Assistants[id] = a
	}
	return team, nil
}

// assistantIDs are the team's assistants in ID order.
func (t Team) assistantIDs() []string {
	ids := make([]string, 0, len(t.Assistants))
	for id := range t.Assistants {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
