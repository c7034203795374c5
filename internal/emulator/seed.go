package emulator

import (
	"errors"
	"fmt"
	"os"
)

// Seed is the emulator's initial data, read from a JSON file of the same shape.
type Seed struct {
	TeamID     string   `json:"teamId"`
	Assistants []string `json:"assistants"` // assistant IDs that exist; PUT with another non-empty assistantId is a 400
	Numbers    []Number `json:"numbers"`
	// AssistantDocuments are assistants given whole. An assistant listed in
	// Assistants by ID only gets a generated document as rich as the docs'
	// example; one given here (by the same ID or another) takes this one.
	AssistantDocuments []Assistant `json:"assistantDocuments,omitempty"`
}

// defaultTeamID is the team of a seed that names none: the team ID of the
// API documentation's example.
const defaultTeamID = "1f7b1b1b1b1b1b1b1b1b1b1b"

// LoadSeed reads a seed from a JSON file. Unknown fields are errors, so that
// a misspelt field fails loudly instead of being ignored. Numbers must be
// valid E.164, IDs and numbers unique, and attached assistants listed in
// assistants. Numbers without teamId or provider get the seed's team and
// "twilio".
func LoadSeed(path string) (Seed, error) {
	f, err := os.Open(path)
	if err != nil {
		return Seed{}, fmt.Errorf("load seed: %w", err)
	}
	defer f.Close()
	var seed Seed
	if err := decodeStrict(f, &seed); err != nil {
		return Seed{}, fmt.Errorf("load seed %s: %w", path, err)
	}
	seed = seed.withDefaults()
	if err := seed.validate(); err != nil {
		return Seed{}, fmt.Errorf("load seed %s: %w", path, err)
	}
	return seed, nil
}

// GenerateSeed makes a deterministic seed of n numbers, for benchmarks and
// large-scale tests: numbers +14155000000, +14155000001, ..., IDs shaped like
// UUIDs, every number labelled "generated" with both directions enabled, and
// every other number (the even indices) attached to "asst-1". The assistants
// are "asst-1", "asst-2" and "asst-3".
func GenerateSeed(n int) Seed {
	seed := Seed{
		TeamID:     defaultTeamID,
		Assistants: []string{"asst-1", "asst-2", "asst-3"},
		Numbers:    make([]Number, 0, max(n, 0)),
	}
	for i := range n {
		num := Number{
			ID:              fmt.Sprintf("00000000-0000-4000-8000-%012d", i+1),
			TeamID:          defaultTeamID,
			Number:          fmt.Sprintf("+%d", 14155000000+i),
			Provider:        Provider{Name: defaultProvider},
			InboundEnabled:  true,
			OutboundEnabled: true,
			Label:           "generated",
		}
		if i%2 == 0 {
			num.AssistantID = "asst-1"
		}
		seed.Numbers = append(seed.Numbers, num)
	}
	return seed
}

// withDefaults returns a copy of the seed with its team and its numbers'
// teams and providers filled in; the copy shares no slice with the original.
func (s Seed) withDefaults() Seed {
	if s.TeamID == "" {
		s.TeamID = defaultTeamID
	}
	s.Assistants = append([]string(nil), s.Assistants...)
	var documents []Assistant
	for _, a := range s.AssistantDocuments {
		documents = append(documents, a.withDefaults(s.TeamID))
	}
	s.AssistantDocuments = documents
	numbers := make([]Number, len(s.Numbers))
	for i, n := range s.Numbers {
		numbers[i] = n.withDefaults(s.TeamID)
	}
	s.Numbers = numbers
	return s
}

// validate checks what the API itself would never let happen: numbers that
// are not E.164, two numbers with one ID or one phone number, and numbers
// attached to assistants that do not exist.
func (s Seed) validate() error {
	assistants := make(map[string]bool, len(s.Assistants))
	for i, a := range s.Assistants {
		if a == "" {
			return fmt.Errorf("assistants[%d] is empty", i)
		}
		assistants[a] = true
	}
	var errs []error
	for i, a := range s.AssistantDocuments {
		if err := a.check(); err != nil {
			errs = append(errs, fmt.Errorf("assistantDocuments[%d]: %w", i, err))
		}
		assistants[a.ID()] = true
	}
	ids := make(map[string]int, len(s.Numbers))
	numbers := make(map[string]int, len(s.Numbers))
	for i, n := range s.Numbers {
		if err := n.check(assistants); err != nil {
			errs = append(errs, fmt.Errorf("numbers[%d]: %w", i, err))
		}
		if j, dup := ids[n.ID]; dup {
			errs = append(errs, fmt.Errorf("numbers[%d]: _id %q is already used by numbers[%d]", i, n.ID, j))
		} else if n.ID != "" {
			ids[n.ID] = i
		}
		if j, dup := numbers[n.Number]; dup {
			errs = append(errs, fmt.Errorf("numbers[%d]: number %s is already used by numbers[%d]", i, n.Number, j))
		} else {
			numbers[n.Number] = i
		}
	}
	return errors.Join(errs...)
}

// check validates one seeded number on its own.
func (n Number) check(assistants map[string]bool) error {
	if n.ID == "" {
		return errors.New("_id is empty")
	}
	if err := checkE164(n.Number); err != nil {
		return err
	}
	if n.AssistantID != "" && !assistants[n.AssistantID] {
		return fmt.Errorf("assistantId %q is not listed in assistants", n.AssistantID)
	}
	return nil
}
