package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// memoryPrivate is private state in a map; failGet makes every GetKey fail.
type memoryPrivate struct {
	keys    map[string][]byte
	failGet bool
}

func (m *memoryPrivate) GetKey(_ context.Context, key string) ([]byte, diag.Diagnostics) {
	var diags diag.Diagnostics
	if m.failGet {
		diags.AddError("private state unreadable", "test")
		return nil, diags
	}
	return m.keys[key], diags
}

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

// Provider versions before restore_point kept the restore point in private
// state as the PUT body; Read moves it into state.
func TestLegacyRestorePoint(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	legacy := &memoryPrivate{keys: map[string][]byte{legacyRestorePointKey: []byte(`{"assistantId":"asst-a","inboundEnabled":true}`)}}
	point, diags := legacyRestorePoint(ctx, legacy)
	body, _ := restoreBody(ctx, point)
	if diags.HasError() || *body.AssistantID != "asst-a" || body.InboundEnabled == nil || !*body.InboundEnabled || body.OutboundEnabled != nil {
		t.Errorf("legacy restore point read as %+v, %v", body, diags)
	}

	if point, diags := legacyRestorePoint(ctx, &memoryPrivate{keys: map[string][]byte{}}); !point.IsNull() || diags.HasError() {
		t.Errorf("no legacy restore point: %v, %v; want null and no error", point, diags)
	}
	broken := &memoryPrivate{keys: map[string][]byte{legacyRestorePointKey: []byte("{not json")}}
	if point, diags := legacyRestorePoint(ctx, broken); !point.IsNull() || diags.WarningsCount() != 1 {
		t.Errorf("invalid legacy restore point: %v, %v; want null with a warning", point, diags)
	}
	if point, diags := legacyRestorePoint(ctx, &memoryPrivate{failGet: true}); !point.IsNull() || !diags.HasError() {
		t.Errorf("unreadable private state: %v, %v; want its error", point, diags)
	}
}
