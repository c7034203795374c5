package provider

import (
	"context"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// teamNumbers lists the team's numbers sorted by phone number, or only those
// with exactly this label when label is not empty, in one API call: the label
// filter is a server-side query, and the whole team comes from the client's
// shared listing. Both data sources and the list resource list through it.
//
// The API documents the label query but nothing says every server (or proxy
// in front of one) honours it, so the answer is filtered again here: a number
// whose label differs is dropped. One whose answer leaves the (optional)
// field out is taken at the server's word and gets the label it was listed
// by, once for all callers.
func teamNumbers(ctx context.Context, client *interactly.Client, label string) ([]interactly.Number, error) {
	if label == "" {
		return client.CachedNumbers(ctx) // the shared listing, already sorted
	}
	listed, err := client.ListNumbers(ctx, label)
	numbers := make([]interactly.Number, 0, len(listed))
	for _, n := range listed {
		switch {
		case n.Label == nil:
			n.Label = &label
		case *n.Label != label:
			continue
		}
		numbers = append(numbers, n)
	}
	interactly.SortNumbers(numbers)
	return numbers, err
}
