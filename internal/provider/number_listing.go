package provider

import (
	"context"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// teamNumbers lists the team's numbers sorted by phone number, or only those
// with exactly this label when label is not empty, in one API call: the label
// filter stays a server-side query, and the whole team comes from the
// client's shared listing. The interactly_numbers data source and the
// interactly_number list resource both list through it.
func teamNumbers(ctx context.Context, client *interactly.Client, label string) ([]interactly.Number, error) {
	if label == "" {
		return client.CachedNumbers(ctx) // the shared listing, already sorted
	}
	numbers, err := client.ListNumbers(ctx, label)
	interactly.SortNumbers(numbers)
	return numbers, err
}
