package export

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"

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
	// Missing are assistants attached to numbers that the API says the
	// team does not have: those numbers keep the raw ID.
	Missing []string
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

	docs, errs := getAll(ctx, api, ids)
	team := Team{Numbers: numbers, Assistants: make(map[string]interactly.Assistant, len(ids))}
	for i, id := range ids {
		switch {
		case errs[i] == nil:
			team.Assistants[id] = docs[i]
		case interactly.IsAssistantNotFound(errs[i]) && !slices.Contains(sel.Assistants, id):
			// Attached in the dashboard, then deleted: the number is
			// exported as it is, and the provider's plan warns about it.
			team.Missing = append(team.Missing, id)
		default:
			return Team{}, fmt.Errorf("reading assistant %s: %w", id, errs[i])
		}
	}
	return team, nil
}

// concurrentReads is how many assistants are read at once: the client
// paces and retries each read as the provider's, so this bounds only how
// many wait on the network together.
const concurrentReads = 8

// getAll reads the assistants ids, concurrentReads at a time: their
// documents and errors, in the order of ids.
func getAll(ctx context.Context, api API, ids []string) ([]interactly.Assistant, []error) {
	docs := make([]interactly.Assistant, len(ids))
	errs := make([]error, len(ids))
	slots := make(chan struct{}, concurrentReads)
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			docs[i], errs[i] = api.GetAssistant(ctx, id)
		}()
	}
	wg.Wait()
	return docs, errs
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
