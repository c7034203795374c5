package export

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/provider"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// API is what the export asks of the Interactly client.
type API interface {
	ListNumbers(ctx context.Context, label string) ([]interactly.Number, error)
	GetAssistant(ctx context.Context, id string) (interactly.Assistant, error)
	GetKnowledgeBase(ctx context.Context, id string) (interactly.KnowledgeBase, error)
}

// Selection says what to export: every number (or those with Label), and
// Assistants besides those attached to them.
type Selection struct {
	Label      string
	Assistants []string
}

// Team is what an export writes: the numbers in ID order, and the assistants
// and their knowledge bases by ID.
type Team struct {
	Numbers        []interactly.Number
	Assistants     map[string]interactly.Assistant
	KnowledgeBases map[string]interactly.KnowledgeBase
	// Missing are assistants attached to numbers that the API says the
	// team does not have: those numbers keep the raw ID.
	Missing []string
	// MissingKnowledgeBases are knowledge bases assistants use that the
	// API says the team does not have: those assistants keep the raw ID.
	MissingKnowledgeBases []string
}

// Fetch reads the team: one listing of the numbers, one GET per assistant,
// one GET per knowledge base an assistant uses.
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

	docs, errs := getAll(ctx, ids, api.GetAssistant)
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
	if err := team.fetchKnowledgeBases(ctx, api); err != nil {
		return Team{}, err
	}
	return team, nil
}

// fetchKnowledgeBases reads every knowledge base the team's assistants use,
// once each.
func (t *Team) fetchKnowledgeBases(ctx context.Context, api API) error {
	var ids []string
	for _, a := range t.Assistants {
		used, err := usedKnowledgeBases(a)
		if err != nil {
			return fmt.Errorf("assistant %s: %w", a.ID, err)
		}
		ids = append(ids, used...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	docs, errs := getAll(ctx, ids, api.GetKnowledgeBase)
	t.KnowledgeBases = make(map[string]interactly.KnowledgeBase, len(ids))
	for i, id := range ids {
		switch {
		case errs[i] == nil:
			t.KnowledgeBases[id] = docs[i]
		case interactly.IsKnowledgeBaseNotFound(errs[i]):
			// Deleted in the dashboard: the assistant is exported with
			// the ID as it is, as the API reports it.
			t.MissingKnowledgeBases = append(t.MissingKnowledgeBases, id)
		default:
			return fmt.Errorf("reading knowledge base %s: %w", id, errs[i])
		}
	}
	return nil
}

// usedKnowledgeBases are the knowledge bases a's document says it uses.
func usedKnowledgeBases(a interactly.Assistant) ([]string, error) {
	doc, err := settings.DecodeDocument(a.Fields)
	if err != nil {
		return nil, err
	}
	s := knowledgeBaseIDsSetting()
	raw, present := lookup(doc, s.Field)
	if !present {
		return nil, nil
	}
	items, ok := raw.([]any)
	if !ok {
		return nil, fmt.Errorf("%s is not a list of strings as the provider expects (%T)", s.Attr, raw)
	}
	ids := make([]string, 0, len(items))
	for _, item := range items {
		id, ok := item.(string)
		if !ok {
			return nil, fmt.Errorf("%s is not a list of strings as the provider expects (%T)", s.Attr, item)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// knowledgeBaseIDsSetting is the assistant's setting that lists its
// knowledge bases.
func knowledgeBaseIDsSetting() settings.Setting {
	for _, s := range provider.AssistantSettings() {
		if s.Attr == provider.AssistantKnowledgeBaseIDsAttr {
			return s
		}
	}
	panic("export: interactly_assistant has no setting " + provider.AssistantKnowledgeBaseIDsAttr)
}

// concurrentReads is how many documents are read at once: the client
// paces and retries each read as the provider's, so this bounds only how
// many wait on the network together.
const concurrentReads = 8

// getAll reads the documents ids with get, concurrentReads at a time: their
// documents and errors, in the order of ids.
func getAll[T any](ctx context.Context, ids []string, get func(context.Context, string) (T, error)) ([]T, []error) {
	docs := make([]T, len(ids))
	errs := make([]error, len(ids))
	slots := make(chan struct{}, concurrentReads)
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			docs[i], errs[i] = get(ctx, id)
		}()
	}
	wg.Wait()
	return docs, errs
}

// assistantIDs are the team's assistants in ID order.
func (t Team) assistantIDs() []string { return slices.Sorted(maps.Keys(t.Assistants)) }

// knowledgeBaseIDs are the team's knowledge bases in ID order.
func (t Team) knowledgeBaseIDs() []string { return slices.Sorted(maps.Keys(t.KnowledgeBases)) }
