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

func (m *memoryPrivate) SetKey(_ context.Context, key string, value []byte) diag.Diagnostics {
	m.keys[key] = value
	return nil
}

// The restore point saved at adoption is the PUT that puts the number back
// as it was: its assistant, or "" to detach, and the switches the API
// reported (left out where it reported none).
func TestRestorePointRoundTrips(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	on, off := true, false
	cases := map[string]struct {
		number interactly.Number
		want   string
	}{
		"assistant and switches": {interactly.Number{AssistantID: "asst-a", InboundEnabled: &on, OutboundEnabled: &off},
			`{"assistantId":"asst-a","inboundEnabled":true,"outboundEnabled":false}`},
		"no assistant, switches unreported": {interactly.Number{}, `{"assistantId":""}`},
	}
	for name, tc := range cases {
		private := &memoryPrivate{keys: map[string][]byte{}}
		if diags := saveRestorePoint(ctx, private, tc.number); diags.HasError() {
			t.Fatalf("%s: %v", name, diags)
		}
		if got := string(private.keys[restorePointKey]); got != tc.want {
			t.Errorf("%s: saved %s, want %s", name, got, tc.want)
		}
		body, found, diags := loadRestorePoint(ctx, private)
		if !found || diags.HasError() || *body.AssistantID != tc.number.AssistantID ||
			!samePointee(body.InboundEnabled, tc.number.InboundEnabled) || !samePointee(body.OutboundEnabled, tc.number.OutboundEnabled) {
			t.Errorf("%s: loaded %+v, %v, %v", name, body, found, diags)
		}
	}
}

func samePointee(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// No restore point is "not found", not an error; an unreadable or invalid
// one is an error, and not found either.
func TestRestorePointMissingOrBroken(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	if _, found, diags := loadRestorePoint(ctx, &memoryPrivate{keys: map[string][]byte{}}); found || diags.HasError() {
		t.Errorf("no restore point: found=%v, %v; want not found and no error", found, diags)
	}
	broken := &memoryPrivate{keys: map[string][]byte{restorePointKey: []byte("{not json")}}
	if _, found, diags := loadRestorePoint(ctx, broken); found || !diags.HasError() {
		t.Errorf("invalid restore point: found=%v, %v; want an error", found, diags)
	}
	if _, found, diags := loadRestorePoint(ctx, &memoryPrivate{failGet: true}); found || !diags.HasError() {
		t.Errorf("unreadable private state: found=%v, %v; want its error", found, diags)
	}
}
