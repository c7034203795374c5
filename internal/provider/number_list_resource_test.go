package provider

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

const listRoute = "GET /assistants/v1/numbers"

// listTeam is testTeam with three more numbers, added out of phone-number
// order: one without a label, one whose label only starts like another, and
// one more "sales" number.
func listTeam() emulator.Seed {
	seed := testTeam()
	seed.Numbers = append(seed.Numbers,
		emulator.Number{ID: "d0d0d0d0-3333-4444-8555-b66677778888", Number: "+12025550100", Provider: emulator.Provider{Name: "twilio"}, InboundEnabled: true},
		emulator.Number{ID: "e1e1e1e1-4444-4555-8666-c77788889999", Number: "+14155550102", Provider: emulator.Provider{Name: "twilio"}, Label: "sales-east"},
		emulator.Number{ID: "f2f2f2f2-5555-4666-8777-d88899990000", Number: "+12125550100", Provider: emulator.Provider{Name: "twilio"}, Label: "sales"},
	)
	return seed
}

const (
	unlabelledID = "d0d0d0d0-3333-4444-8555-b66677778888"
	salesEastID  = "e1e1e1e1-4444-4555-8666-c77788889999"
	newYorkID    = "f2f2f2f2-5555-4666-8777-d88899990000"
)

// listed is one list result in plain values.
type listed struct {
	DisplayName string
	ID          string         // from the identity
	Resource    map[string]any // nil when not included
}

// list calls ListResource and reads the whole stream. label "" means no
// label in the configuration.
func (p *protocolProvider) list(label string, limit int64, includeResource bool) ([]listed, []*tfprotov6.Diagnostic) {
	p.t.Helper()
	attrs := map[string]any{}
	if label != "" {
		attrs["label"] = label
	}
	return p.listConfigured(attrs, limit, includeResource)
}

// listWith lists with this configuration, the default limit and no resource.
func (p *protocolProvider) listWith(attrs map[string]any) ([]listed, []*tfprotov6.Diagnostic) {
	p.t.Helper()
	return p.listConfigured(attrs, 100, false)
}

func (p *protocolProvider) listConfigured(attrs map[string]any, limit int64, includeResource bool) ([]listed, []*tfprotov6.Diagnostic) {
	p.t.Helper()
	server, ok := p.server.(tfprotov6.ListResourceServer)
	if !ok {
		p.t.Fatalf("the provider server %T does not serve list resources", p.server)
	}
	stream, err := server.ListResource(p.t.Context(), &tfprotov6.ListResourceRequest{
		TypeName:        "interactly_number",
		Config:          p.dynamic(p.schemas.ListResourceSchemas["interactly_number"].ValueType(), attrs),
		IncludeResource: includeResource,
		Limit:           limit,
	})
	if err != nil {
		p.t.Fatal(err)
	}
	var results []listed
	var diags []*tfprotov6.Diagnostic
	for result := range stream.Results {
		diags = append(diags, result.Diagnostics...)
		if result.Identity == nil {
			if len(result.Diagnostics) == 0 {
				p.t.Errorf("a result has neither identity nor diagnostics: %+v", result)
			}
			continue
		}
		id, _ := p.decodeIdentity(result.Identity)["id"].(string)
		results = append(results, listed{
			DisplayName: result.DisplayName,
			ID:          id,
			Resource:    decode(p.t, result.Resource, p.resourceType()),
		})
	}
	return results, diags
}

func TestNumberList_schema(t *testing.T) {
	t.Parallel()
	p := newProtocolProvider(t)
	schema := p.schemas.ListResourceSchemas["interactly_number"]
	if schema == nil {
		t.Fatalf("no list resource interactly_number; got %v", p.schemas.ListResourceSchemas)
	}
	attrs := schema.Block.Attributes
	if len(attrs) != 1 || attrs[0].Name != "label" || !attrs[0].Optional || !attrs[0].Type.Is(tftypes.String) {
		t.Errorf("want one optional string attribute, label; got %+v", attrs)
	}
}

// Every number, sorted by phone number, each with its identity and a display
// name, for one list call.
func TestNumberList_everyNumber(t *testing.T) {
	t.Parallel()
	emu := newTestEmulatorWith(t, emulator.Options{APIKey: testAPIKey, Seed: listTeam()})
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)

	results, diags := p.list("", 100, false)
	requireNoErrors(t, "ListResource", diags)
	want := []listed{
		{DisplayName: "+12025550100", ID: unlabelledID},
		{DisplayName: "+12125550100 (sales)", ID: newYorkID},
		{DisplayName: "+14155550100 (support)", ID: supportID},
		{DisplayName: "+14155550101 (sales)", ID: salesID},
		{DisplayName: "+14155550102 (sales-east)", ID: salesEastID},
		{DisplayName: "+442071838750 (sales)", ID: londonID},
	}
	if diff := cmp.Diff(want, results); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
	if got := emu.Counts(); got[listRoute] != 1 || len(got) != 1 {
		t.Errorf("want one list call for the whole stream, got %v", got)
	}
}

// With include resource, each result carries the resource exactly as an
// import followed by a refresh records it.
func TestNumberList_includeResourceAsReadProducesIt(t *testing.T) {
	t.Parallel()
	emu := newTestEmulatorWith(t, emulator.Options{APIKey: testAPIKey, Seed: listTeam()})
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)

	results, diags := p.list("", 100, true)
	requireNoErrors(t, "ListResource", diags)
	if got := emu.Counts(); got[listRoute] != 1 || len(got) != 1 {
		t.Errorf("want one list call for the whole stream with resources, got %v", got)
	}
	if len(results) != 6 {
		t.Fatalf("want 6 results, got %d", len(results))
	}
	for _, result := range results {
		imported := p.importNumber(result.ID, nil)
		requireNoErrors(t, "ImportResourceState", imported.Diagnostics)
		read := p.read(imported.ImportedResources[0].State, imported.ImportedResources[0].Private, nil)
		requireNoErrors(t, "ReadResource", read.Diagnostics)
		if diff := cmp.Diff(decode(t, read.NewState, p.resourceType()), result.Resource); diff != "" {
			t.Errorf("listed resource of %s differs from what a read records (-read +listed):\n%s", result.ID, diff)
		}
	}
	// Spot-check the mapping itself, on_destroy at its default included.
	first := results[0].Resource
	if first["number"] != "+12025550100" || first["label"] != nil || first["assistant_id"] != nil ||
		first["inbound_enabled"] != true || first["on_destroy"] != "detach" || first["team_id"] != "1f7b1b1b1b1b1b1b1b1b1b1b" {
		t.Errorf("unexpected listed resource: %v", first)
	}
}

// The label filter matches exactly, as in the data sources, and is a
// query on the one list call.
func TestNumberList_label(t *testing.T) {
	t.Parallel()
	emu, requests := newRecordingEmulatorWith(t, listTeam())
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)

	results, diags := p.list("sales", 100, false)
	requireNoErrors(t, "ListResource", diags)
	want := []listed{
		{DisplayName: "+12125550100 (sales)", ID: newYorkID},
		{DisplayName: "+14155550101 (sales)", ID: salesID},
		{DisplayName: "+442071838750 (sales)", ID: londonID},
	}
	if diff := cmp.Diff(want, results); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
	all := requests.all()
	if len(all) != 1 || all[0].URL.Query().Get("label") != "sales" {
		t.Errorf("want one list call with label=sales, got %d: %v", len(all), all)
	}

	none, diags := p.list("sale", 100, false)
	requireNoErrors(t, "ListResource", diags)
	if len(none) != 0 {
		t.Errorf("a label that only starts another matched %v", none)
	}
}

func TestNumberList_limit(t *testing.T) {
	t.Parallel()
	emu := newTestEmulatorWith(t, emulator.Options{APIKey: testAPIKey, Seed: listTeam()})
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)
	cases := []struct {
		label string
		limit int64
		want  []string
	}{
		{"", 2, []string{unlabelledID, newYorkID}},
		{"", 6, []string{unlabelledID, newYorkID, supportID, salesID, salesEastID, londonID}},
		{"", 7, []string{unlabelledID, newYorkID, supportID, salesID, salesEastID, londonID}},
		{"sales", 2, []string{newYorkID, salesID}},
	}
	for _, c := range cases {
		results, diags := p.list(c.label, c.limit, true)
		requireNoErrors(t, "ListResource", diags)
		var got []string
		for _, r := range results {
			got = append(got, r.ID)
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("label %q, limit %d (-want +got):\n%s", c.label, c.limit, diff)
		}
	}
}

// Failures come back as one result holding an error that says what to do,
// never as an empty list.
func TestNumberList_errors(t *testing.T) {
	t.Parallel()
	t.Run("wrong API key", func(t *testing.T) {
		t.Parallel()
		emu := newTestEmulator(t)
		p := newConfiguredProtocolProvider(t, emu, "sk-wrong-key")
		results, diags := p.list("", 100, true)
		d := onlyError(t, "ListResource", diags)
		if len(results) != 0 || d.Summary != "Unable to list the team's numbers" || !strings.Contains(d.Detail, "refused the API key") ||
			strings.Contains(d.Detail, "sk-wrong-key") {
			t.Errorf("got %d results and %q: %q", len(results), d.Summary, d.Detail)
		}
	})
	t.Run("API down", func(t *testing.T) {
		t.Parallel()
		emu := newTestEmulator(t)
		emu.AddFault(emulator.Fault{Method: "GET", Status: 503})
		p := newConfiguredProtocolProvider(t, emu, testAPIKey)
		results, diags := p.list("sales", 100, false)
		d := onlyError(t, "ListResource", diags)
		if len(results) != 0 || !strings.Contains(d.Detail, "503") || !strings.Contains(d.Detail, "server fault") {
			t.Errorf("got %d results and %q: %q", len(results), d.Summary, d.Detail)
		}
	})
	t.Run("provider not configured", func(t *testing.T) {
		t.Parallel()
		p := newProtocolProvider(t)
		results, diags := p.list("", 100, false)
		d := onlyError(t, "ListResource", diags)
		if len(results) != 0 || d.Summary != "Provider not configured" {
			t.Errorf("got %d results and %q: %q", len(results), d.Summary, d.Detail)
		}
	})
}

// An empty label is rejected when the configuration is validated, since it
// would list the unlabelled numbers rather than every number.
func TestNumberList_emptyLabelIsInvalid(t *testing.T) {
	t.Parallel()
	p := newProtocolProvider(t)
	server, ok := p.server.(tfprotov6.ListResourceServer)
	if !ok {
		t.Fatalf("the provider server %T does not serve list resources", p.server)
	}
	resp, err := server.ValidateListResourceConfig(t.Context(), &tfprotov6.ValidateListResourceConfigRequest{
		TypeName: "interactly_number",
		Config:   p.dynamic(p.schemas.ListResourceSchemas["interactly_number"].ValueType(), map[string]any{"label": ""}),
	})
	if err != nil {
		t.Fatal(err)
	}
	d := onlyError(t, "ValidateListResourceConfig", resp.Diagnostics)
	if !strings.Contains(d.Detail, "omit the attribute") {
		t.Errorf("got %q: %q", d.Summary, d.Detail)
	}
}
