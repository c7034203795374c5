package provider

import (
	"context"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// teamNumbers lists the team's numbers sorted by phone number, or only those
// with exactly this label when label is not empty, in one API call: the label
// filter stays a server-side query, and the whole team comes from the
// client's shared listing. Both data sources and the list resource list
// through it.
//
// Every number the API returns for a label has that label, so one whose
// answer leaves the (optional) field out gets it here, once for all callers.
func teamNumbers(ctx context.Context, client *interactly.Client, label string) ([]interactly.Number, error) {
	if label == "" {
		return client.CachedNumbers(ctx) // the shared listing, already sorted
	}
	numbers, err := client.ListNumbers(ctx, label)
	for i := range numbers {
		if numbers[i].Label == nil {
			numbers[i].Label = &label
		}
	}
	interactly.SortNumbers(numbers)
	return numbers, err
}
