package provider

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestNumberIdentity_schema(t *testing.T) {
	t.Parallel()
	p := newProtocolProvider(t)
	resp, err := p.server.GetResourceIdentitySchemas(t.Context(), &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		t.Fatal(err)
	}
	requireNoErrors(t, "GetResourceIdentitySchemas", resp.Diagnostics)
	schema := resp.IdentitySchemas["interactly_number"]
	if schema == nil || len(schema.IdentityAttributes) != 1 {
		t.Fatalf("want an identity schema of one attribute for interactly_number, got %+v", resp.IdentitySchemas)
	}
	id := schema.IdentityAttributes[0]
	if id.Name != "id" || !id.Type.Is(tftypes.String) || !id.RequiredForImport || id.OptionalForImport {
		t.Errorf("want the identity attribute id, a string required for import; got %+v", id)
	}
}

// Import by identity, as an import block with identity = { id = ... } does
// in Terraform 1.12 and later.
func TestNumberIdentity_importByIdentity(t *testing.T) {
	t.Parallel()
	emu := newTestEmulator(t)
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)

	resp := p.importNumber("", p.identity(salesID))
	requireNoErrors(t, "ImportResourceState", resp.Diagnostics)
	if len(resp.ImportedResources) != 1 {
		t.Fatalf("want one imported resource, got %d", len(resp.ImportedResources))
	}
	imported := resp.ImportedResources[0]
	state := decode(t, imported.State, p.resourceType())
	for attr, want := range map[string]any{
		"id": salesID, "number": "+14155550101", "label": "sales", "on_destroy": "detach",
		"assistant_id": nil, "inbound_enabled": true, "outbound_enabled": false,
	} {
		if state[attr] != want {
			t.Errorf("imported state: %s = %v, want %v", attr, state[attr], want)
		}
	}
	if diff := cmp.Diff(map[string]any{"id": salesID}, p.decodeIdentity(imported.Identity)); diff != "" {
		t.Errorf("imported identity (-want +got):\n%s", diff)
	}
	if len(imported.Private) == 0 {
		t.Error("import by identity recorded no restore point in private state")
	}
}

// Import by ID string, by phone number too, records the same identity.
func TestNumberIdentity_importByIDSetsIdentity(t *testing.T) {
	t.Parallel()
	emu := newTestEmulator(t)
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)
	for _, id := range []string{salesID, "+14155550101"} {
		resp := p.importNumber(id, nil)
		requireNoErrors(t, "ImportResourceState "+id, resp.Diagnostics)
		if diff := cmp.Diff(map[string]any{"id": salesID}, p.decodeIdentity(resp.ImportedResources[0].Identity)); diff != "" {
			t.Errorf("identity after import of %q (-want +got):\n%s", id, diff)
		}
	}
}

func TestNumberIdentity_importByInvalidIdentity(t *testing.T) {
	t.Parallel()
	emu := newTestEmulator(t)
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)
	cases := map[string]struct{ id, summary, detail string }{
		"empty":        {"", "Invalid import identity", "empty"},
		"phone number": {"+14155550101", "Invalid import identity", `write id = "+14155550101"`},
		"unknown ID":   {"no-such-number", "Cannot import number no-such-number", "none with ID no-such-number"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			resp := p.importNumber("", p.identity(c.id))
			d := onlyError(t, "ImportResourceState", resp.Diagnostics)
			if d.Summary != c.summary || !strings.Contains(d.Detail, c.detail) {
				t.Errorf("got %q: %q; want %q with %q", d.Summary, d.Detail, c.summary, c.detail)
			}
			if len(resp.ImportedResources) != 0 {
				t.Errorf("a failed import returned %d resources", len(resp.ImportedResources))
			}
		})
	}
}

// Read returns the identity whether or not the client sent one: clients that
// do not speak identity never send it, and state from before identity has
// none until its first refresh.
func TestNumberIdentity_readReturnsIdentity(t *testing.T) {
	t.Parallel()
	emu := newTestEmulator(t)
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)
	imported := p.importNumber(londonID, nil).ImportedResources[0]

	for name, current := range map[string]*tfprotov6.ResourceIdentityData{
		"without a current identity": nil,
		"with the current identity":  p.identity(londonID),
	} {
		t.Run(name, func(t *testing.T) {
			resp := p.read(imported.State, imported.Private, current)
			requireNoErrors(t, "ReadResource", resp.Diagnostics)
			if diff := cmp.Diff(map[string]any{"id": londonID}, p.decodeIdentity(resp.NewIdentity)); diff != "" {
				t.Errorf("identity after read (-want +got):\n%s", diff)
			}
		})
	}
}

// A number gone from the team leaves state quietly even when the state has
// no identity yet, instead of failing the refresh with the framework's
// "Missing Resource Identity After Read".
func TestNumberIdentity_readOfRemovedNumberWithoutIdentity(t *testing.T) {
	t.Parallel()
	emu := newTestEmulator(t)
	importer := newConfiguredProtocolProvider(t, emu, testAPIKey)
	imported := importer.importNumber(londonID, nil).ImportedResources[0]
	emu.DeleteNumber(londonID)

	p := newConfiguredProtocolProvider(t, emu, testAPIKey) // a new operation lists the team again
	resp := p.read(imported.State, imported.Private, nil)
	requireNoErrors(t, "ReadResource", resp.Diagnostics)
	if state := decode(t, resp.NewState, p.resourceType()); state != nil {
		t.Errorf("want the number removed from state, got %v", state)
	}
}

// Create and update return the identity, also to a client that planned none.
func TestNumberIdentity_createAndUpdateSetIdentity(t *testing.T) {
	t.Parallel()
	emu := newTestEmulator(t)
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)
	typ := p.resourceType()
	none := mustNullDynamic(t, typ)

	config := p.dynamic(typ, map[string]any{"number": "+14155550101", "assistant_id": "asst-sales"})
	created := p.apply(&none, config, config, nil)
	if diff := cmp.Diff(map[string]any{"id": salesID}, p.decodeIdentity(created.NewIdentity)); diff != "" {
		t.Errorf("identity after create (-want +got):\n%s", diff)
	}

	// Terraform proposes the configuration, with the prior computed values
	// where the configuration has none.
	proposed := withAttribute(t, created.NewState, typ, "assistant_id", tftypes.NewValue(tftypes.String, "asst-night"))
	newConfig := p.dynamic(typ, map[string]any{"number": "+14155550101", "assistant_id": "asst-night"})
	p = newConfiguredProtocolProvider(t, emu, testAPIKey) // the next run, in a new provider process as in Terraform
	updated := p.apply(created.NewState, proposed, newConfig, created.Private)
	if diff := cmp.Diff(map[string]any{"id": salesID}, p.decodeIdentity(updated.NewIdentity)); diff != "" {
		t.Errorf("identity after update (-want +got):\n%s", diff)
	}
	if got := emu.number(t, salesID).AssistantID; got != "asst-night" {
		t.Errorf("the update did not reach the API: assistant %q", got)
	}
}

func mustNullDynamic(t *testing.T, typ tftypes.Type) tfprotov6.DynamicValue {
	t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, nil))
	if err != nil {
		t.Fatal(err)
	}
	return dv
}

// withAttribute is the object value dv with one attribute replaced.
func withAttribute(t *testing.T, dv *tfprotov6.DynamicValue, typ tftypes.Type, name string, value tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	object, err := dv.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	var attrs map[string]tftypes.Value
	if err := object.As(&attrs); err != nil {
		t.Fatal(err)
	}
	attrs[name] = value
	out, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	if err != nil {
		t.Fatal(err)
	}
	return &out
}

// apply plans and applies a change as Terraform does, without identities in
// the requests, as a client that does not speak identity sends them.
func (p *protocolProvider) apply(prior, proposed, config *tfprotov6.DynamicValue, private []byte) *tfprotov6.ApplyResourceChangeResponse {
	p.t.Helper()
	ctx := p.t.Context()
	plan, err := p.server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName:         "interactly_number",
		PriorState:       prior,
		ProposedNewState: proposed,
		Config:           config,
		PriorPrivate:     private,
	})
	if err != nil {
		p.t.Fatal(err)
	}
	requireNoErrors(p.t, "PlanResourceChange", plan.Diagnostics)
	resp, err := p.server.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName:       "interactly_number",
		PriorState:     prior,
		PlannedState:   plan.PlannedState,
		Config:         config,
		PlannedPrivate: plan.PlannedPrivate,
	})
	if err != nil {
		p.t.Fatal(err)
	}
	requireNoErrors(p.t, "ApplyResourceChange", resp.Diagnostics)
	return resp
}
