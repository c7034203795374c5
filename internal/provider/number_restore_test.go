package provider

import (
	"context"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// The restore point recorded at adoption turns back into the PUT that puts
// the number back as it was: its assistant, or "" to detach, and the
// switches the API reported (left out where it reported none).
func TestRestorePointRoundTrips(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	on, off := true, false
	for name, number := range map[string]interactly.Number{
		"assistant and switches":            {AssistantID: "asst-a", InboundEnabled: &on, OutboundEnabled: &off},
		"no assistant, switches unreported": {},
	} {
		body, diags := restoreBody(ctx, restorePointOf(number))
		if diags.HasError() || body.AssistantID == nil || *body.AssistantID != number.AssistantID ||
			!samePointee(body.InboundEnabled, number.InboundEnabled) || !samePointee(body.OutboundEnabled, number.OutboundEnabled) {
			t.Errorf("%s: restored with %+v, %v", name, body, diags)
		}
	}
}

func samePointee(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
