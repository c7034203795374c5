package interactly_test

import (
	"slices"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// Numbers sort by E.164 value whatever their IDs, and by ID between equal
// values (which a team should not have, but an API may send).
func TestSortNumbers(t *testing.T) {
	t.Parallel()
	numbers := []interactly.Number{
		{ID: "a", Number: "+3"},
		{ID: "z", Number: "+1"},
		{ID: "c", Number: "+2"},
		{ID: "b", Number: "+2"},
	}
	interactly.SortNumbers(numbers)
	var order []string
	for _, n := range numbers {
		order = append(order, n.Number+"/"+n.ID)
	}
	if want := []string{"+1/z", "+2/b", "+2/c", "+3/a"}; !slices.Equal(order, want) {
		t.Errorf("sorted %v, want %v", order, want)
	}
}
