package provider

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// An update whose PATCH fails so that nobody knows whether it was applied
// returns the prior state, not the plan: the next plan, even with
// -refresh=false, shows what still differs. (A refresh would show it too,
// which is why this is checked at the protocol, with no refresh in between.)
func TestAssistantFailedUpdateKeepsPriorState(t *testing.T) {
	for _, fault := range []emulator.Fault{
		{Method: "PATCH", Status: 500, Times: 1},
		{Method: "PATCH", Drop: true, Times: 1},
	} {
		emu := newTestEmulator(t)
		emu.AddFault(fault)
		p := newConfiguredProtocolProvider(t, emu, testAPIKey)
		typ := p.schemas.ResourceSchemas[assistantResourceType].ValueType()
		base := map[string]any{"id": "asst-support", "assistant_id": "asst-support", "on_destroy": "keep"}
		with := func(prompt string) *tfprotov6.DynamicValue {
			attrs := map[string]any{"system_prompt": prompt}
			for k, v := range base {
				attrs[k] = v
			}
			return p.dynamic(typ, attrs)
		}
		resp, err := p.server.ApplyResourceChange(t.Context(), &tfprotov6.ApplyResourceChangeRequest{
			TypeName:     assistantResourceType,
			PriorState:   with("First"),
			PlannedState: with("Second"),
			Config:       with("Second"),
		})
		if err != nil {
			t.Fatal(err)
		}
		onlyError(t, "ApplyResourceChange", resp.Diagnostics)
		if got := decode(t, resp.NewState, typ)["system_prompt"]; got != "First" {
			t.Errorf("after a failed PATCH (%+v), state holds system_prompt = %v, want the prior \"First\"", fault, got)
		}
	}
}

// A number's plan fails when it attaches an assistant the API says the team
// lacks, asking once per assistant however many numbers name it; an answer
// that says nothing clear fails nothing.
func TestNumberPlanFailsForMissingAssistant(t *testing.T) {
	emu := newTestEmulator(t)
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)
	typ := p.resourceType()
	plan := func(number, assistant string) []*tfprotov6.Diagnostic {
		config := p.dynamic(typ, map[string]any{"number": number, "assistant_id": assistant})
		resp, err := p.server.PlanResourceChange(t.Context(), &tfprotov6.PlanResourceChangeRequest{
			TypeName:         "interactly_number",
			PriorState:       nullDynamic(t, typ),
			ProposedNewState: p.dynamic(typ, map[string]any{"number": number, "assistant_id": assistant, "on_destroy": "detach"}),
			Config:           config,
		})
		if err != nil {
			t.Fatal(err)
		}
		return resp.Diagnostics
	}
	warned := func(diags []*tfprotov6.Diagnostic, id string) bool {
		for _, d := range diags {
			if d.Severity == tfprotov6.DiagnosticSeverityError && d.Summary == "Assistant "+id+" not found" {
				return true
			}
			if d.Severity == tfprotov6.DiagnosticSeverityError {
				t.Fatalf("the plan failed otherwise: %s: %s", d.Summary, d.Detail)
			}
		}
		return false
	}
	// Under the sparse profile a 404 has no body and proves nothing.
	clearAnswer := emu.reportsAllAssistantFields()
	if first, second := warned(plan("+14155550101", "asst-gone"), "asst-gone"), warned(plan("+442071838750", "asst-gone"), "asst-gone"); first != clearAnswer || second != clearAnswer {
		t.Errorf("plan errors %v, %v for an assistant the team does not have, want %v", first, second, clearAnswer)
	}
	if warned(plan("+14155550100", "asst-sales"), "asst-sales") {
		t.Error("a plan error for an assistant the team has")
	}
	if got := emu.Counts()[routeGetAssistant]; got != 2 {
		t.Errorf("%d GETs of assistants for two distinct assistants, want 2", got)
	}
	emu.AddFault(emulator.Fault{Method: "GET", Route: "/assistants/v1/assistants/{id}", Status: 404})
	// Another run (each plan above adopts a number, and one number has one owner).
	p = newConfiguredProtocolProvider(t, emu, testAPIKey)
	if warned(plan("+14155550101", "asst-doubtful"), "asst-doubtful") {
		t.Error("a plan error for a 404 that does not say the assistant is missing")
	}
}

// A refresh removes a vanished assistant only on clear evidence: with the
// key of the team recorded in state it is removed with a warning; when the
// key's numbers all belong to another team, it is an error and state stays.
func TestAssistantReadRemovesOnlyOnClearEvidence(t *testing.T) {
	emu := newTestEmulator(t)
	if !emu.reportsAllAssistantFields() {
		t.Skip("under the sparse profile a 404 never proves anything; TestAccAssistant_vanishedAssistant covers it")
	}
	emu.DeleteAssistant("asst-support")
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)
	typ := p.schemas.ResourceSchemas[assistantResourceType].ValueType()
	read := func(team string) *tfprotov6.ReadResourceResponse {
		resp, err := p.server.ReadResource(t.Context(), &tfprotov6.ReadResourceRequest{
			TypeName: assistantResourceType,
			CurrentState: p.dynamic(typ, map[string]any{
				"id": "asst-support", "assistant_id": "asst-support", "team_id": team, "on_destroy": "keep",
			}),
		})
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}

	other := read("5e5e5e5e5e5e5e5e5e5e5e5e")
	d := onlyError(t, "ReadResource with another team's key", other.Diagnostics)
	if !strings.Contains(d.Detail, `in the warning "API key of another team"`) || !strings.Contains(d.Detail, "1f7b1b1b1b1b1b1b1b1b1b1b") || !strings.Contains(d.Detail, "5e5e5e5e5e5e5e5e5e5e5e5e") {
		t.Errorf("diagnostic %q: %s", d.Summary, d.Detail)
	}
	if state := decode(t, other.NewState, typ); state == nil || state["id"] != "asst-support" {
		t.Errorf("the assistant left state on another team's key: %v", state)
	}

	same := read("1f7b1b1b1b1b1b1b1b1b1b1b")
	requireNoErrors(t, "ReadResource", same.Diagnostics)
	if len(same.Diagnostics) != 1 || same.Diagnostics[0].Summary != "Assistant asst-support removed from state" {
		t.Errorf("want one warning naming the assistant, got %v", same.Diagnostics)
	}
	if state := decode(t, same.NewState, typ); state != nil {
		t.Errorf("the vanished assistant stayed in state: %v", state)
	}
}

// An import by resource identity (Terraform 1.12 and later) names the
// assistant by its ID, and records the identity.
func TestAssistantImportByIdentity(t *testing.T) {
	emu := newTestEmulator(t)
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)
	identities, err := p.server.GetResourceIdentitySchemas(t.Context(), &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		t.Fatal(err)
	}
	identityType := identities.IdentitySchemas[assistantResourceType].ValueType()
	resp, err := p.server.ImportResourceState(t.Context(), &tfprotov6.ImportResourceStateRequest{
		TypeName: assistantResourceType,
		Identity: &tfprotov6.ResourceIdentityData{IdentityData: p.dynamic(identityType, map[string]any{"id": "asst-sales"})},
	})
	if err != nil {
		t.Fatal(err)
	}
	requireNoErrors(t, "ImportResourceState", resp.Diagnostics)
	if len(resp.ImportedResources) != 1 {
		t.Fatalf("%d imported resources", len(resp.ImportedResources))
	}
	imported := resp.ImportedResources[0]
	typ := p.schemas.ResourceSchemas[assistantResourceType].ValueType()
	state := decode(t, imported.State, typ)
	if state["id"] != "asst-sales" || state["name"] != "Assistant asst-sales" || state["on_destroy"] != "keep" {
		t.Errorf("imported state %v", state)
	}
	if got := decode(t, imported.Identity.IdentityData, identityType); got["id"] != "asst-sales" {
		t.Errorf("imported identity %v", got)
	}
}

// A plan that sends the webhook while Terraform manages no secret for it
// warns: an API that replaces the webhook whole would drop the secret.
func TestAssistantPlanWarnsAboutAWebhookWithoutSecret(t *testing.T) {
	emu := newTestEmulator(t)
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)
	typ := p.schemas.ResourceSchemas[assistantResourceType].ValueType()
	object, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("the resource's type %s is not an object", typ)
	}
	webhookType := object.AttributeTypes["webhook"]
	webhook := objectValue(t, webhookType, map[string]any{"enabled": true, "url": "https://hooks.example.com/a"})
	plan := func(secret any) []*tfprotov6.Diagnostic {
		attrs := map[string]any{"assistant_id": "asst-support", "webhook": webhook, "webhook_secret": secret}
		proposed := map[string]any{"on_destroy": "keep", "id": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)}
		for k, v := range attrs {
			proposed[k] = v
		}
		resp, err := p.server.PlanResourceChange(t.Context(), &tfprotov6.PlanResourceChangeRequest{
			TypeName:         assistantResourceType,
			PriorState:       nullDynamic(t, typ),
			ProposedNewState: p.dynamic(typ, proposed),
			Config:           p.dynamic(typ, attrs),
		})
		if err != nil {
			t.Fatal(err)
		}
		requireNoErrors(t, "PlanResourceChange", resp.Diagnostics)
		return resp.Diagnostics
	}
	warns := func(diags []*tfprotov6.Diagnostic) bool {
		for _, d := range diags {
			if d.Summary == "The webhook is sent without its secret" {
				return true
			}
		}
		return false
	}
	if !warns(plan(nil)) {
		t.Error("no warning for a webhook sent without a managed secret")
	}
	p = newConfiguredProtocolProvider(t, emu, testAPIKey) // another run: one assistant has one owner
	if warns(plan("s3cret")) {
		t.Error("a warning although webhook_secret is set")
	}
}

func TestSettingsNamedInAMessage(t *testing.T) {
	got := settingsNamedIn(`PATCH /assistants/v1/assistants/x: HTTP 400 Bad Request: assistantMaxTokens must not be negative, got -1`)
	if len(got) != 1 || got[0] != "max_tokens (assistantMaxTokens)" {
		t.Errorf("settingsNamedIn = %v", got)
	}
	got = settingsNamedIn(`invalid request body: assistantServer.url is required when assistantServer.enabled is true`)
	if strings.Join(got, "; ") != "webhook.enabled (assistantServer.enabled); webhook.url (assistantServer.url)" {
		t.Errorf("settingsNamedIn = %v", got)
	}
}

// A create whose PATCH was applied but answered with a server fault, and
// whose one look at the assistant afterwards fails too, keeps the assistant
// in state with its restore point, and counts the fields it sent as changed:
// a destroy with on_destroy = "restore" puts them back.
func TestAssistantCreateAppliedButFailedIsRestored(t *testing.T) {
	var failed atomic.Bool // only the first PATCH, the create's
	appliedThenFailed := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodGet && failed.Load() {
				w.WriteHeader(http.StatusServiceUnavailable) // the look after the write fails
				return
			}
			if r.Method != http.MethodPatch || !failed.CompareAndSwap(false, true) {
				next.ServeHTTP(w, r)
				return
			}
			next.ServeHTTP(httptest.NewRecorder(), r)     // applied...
			w.WriteHeader(http.StatusInternalServerError) // ...but answered with a fault
		})
	}
	emu := startTestEmulator(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam()}, appliedThenFailed)
	p := newConfiguredProtocolProvider(t, emu, testAPIKey)
	typ := p.schemas.ResourceSchemas[assistantResourceType].ValueType()
	config := map[string]any{"assistant_id": "asst-support", "name": "Temporary", "on_destroy": "restore"}
	planned := map[string]any{"id": "asst-support"}
	for k, v := range config {
		planned[k] = v
	}
	created, err := p.server.ApplyResourceChange(t.Context(), &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     assistantResourceType,
		PriorState:   nullDynamic(t, typ),
		PlannedState: p.dynamic(typ, planned),
		Config:       p.dynamic(typ, config),
	})
	if err != nil {
		t.Fatal(err)
	}
	onlyError(t, "ApplyResourceChange (create)", created.Diagnostics)
	if a, _ := emu.Assistant("asst-support"); a["name"] != "Temporary" {
		t.Fatalf("the wrapper did not apply the PATCH: name %v", a["name"])
	}
	state := decode(t, created.NewState, typ)
	if state["id"] != "asst-support" || state["name"] != "Assistant asst-support" {
		t.Fatalf("after the failed create, state holds %v; want the assistant as it was", state)
	}
	destroyed, err := p.server.ApplyResourceChange(t.Context(), &tfprotov6.ApplyResourceChangeRequest{
		TypeName:       assistantResourceType,
		PriorState:     created.NewState,
		PlannedState:   nullDynamic(t, typ),
		Config:         nullDynamic(t, typ),
		PlannedPrivate: created.Private,
	})
	if err != nil {
		t.Fatal(err)
	}
	requireNoErrors(t, "ApplyResourceChange (destroy)", destroyed.Diagnostics)
	if a, _ := emu.Assistant("asst-support"); a["name"] != "Assistant asst-support" {
		t.Errorf("destroy did not restore the name the failed create wrote: %v", a["name"])
	}
}

// nullDynamic is a null object of typ: no state, as before a create.
func nullDynamic(t *testing.T, typ tftypes.Type) *tfprotov6.DynamicValue {
	t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, nil))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}
