package provider

import (
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Resource identity and list resources need Terraform 1.12 and 1.14, which
// cannot be built here; these helpers drive the provider through the plugin
// protocol instead, as Terraform does, with no CLI in between.

// protocolProvider is the provider served in-process, with the schemas it
// reported to its client.
type protocolProvider struct {
	t       *testing.T
	server  tfprotov6.ProviderServer
	schemas *tfprotov6.GetProviderSchemaResponse
}

// newProtocolProvider serves the provider and reads its schemas, without
// configuring it.
func newProtocolProvider(t *testing.T) *protocolProvider {
	t.Helper()
	server := ProtocolServer("test")()
	schemas, err := server.GetProviderSchema(t.Context(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	requireNoErrors(t, "GetProviderSchema", schemas.Diagnostics)
	return &protocolProvider{t: t, server: server, schemas: schemas}
}

// newConfiguredProtocolProvider is newProtocolProvider configured for emu
// with key, without retries so that failure tests stay quick.
func newConfiguredProtocolProvider(t *testing.T, emu *testEmulator, key string) *protocolProvider {
	t.Helper()
	p := newProtocolProvider(t)
	config := p.dynamic(p.schemas.Provider.ValueType(), map[string]any{
		"api_key":     key,
		"base_url":    emu.URL,
		"max_retries": big.NewFloat(0),
	})
	resp, err := p.server.ConfigureProvider(t.Context(), &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.14.0",
		Config:           config,
	})
	if err != nil {
		t.Fatal(err)
	}
	requireNoErrors(t, "ConfigureProvider", resp.Diagnostics)
	return p
}

func (p *protocolProvider) resourceType() tftypes.Type {
	return p.schemas.ResourceSchemas["interactly_number"].ValueType()
}

func (p *protocolProvider) identityType() tftypes.Type {
	p.t.Helper()
	resp, err := p.server.GetResourceIdentitySchemas(p.t.Context(), &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		p.t.Fatal(err)
	}
	schema, ok := resp.IdentitySchemas["interactly_number"]
	if !ok {
		p.t.Fatalf("no identity schema for interactly_number; got %v", resp.IdentitySchemas)
	}
	return schema.ValueType()
}

// identity is the identity data of the number with this ID.
func (p *protocolProvider) identity(id string) *tfprotov6.ResourceIdentityData {
	return &tfprotov6.ResourceIdentityData{IdentityData: p.dynamic(p.identityType(), map[string]any{"id": id})}
}

// dynamic encodes an object of type typ: the attributes given (Go values, or
// tftypes.Value for anything else), every other attribute null.
func (p *protocolProvider) dynamic(typ tftypes.Type, attrs map[string]any) *tfprotov6.DynamicValue {
	p.t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, objectValue(p.t, typ, attrs))
	if err != nil {
		p.t.Fatal(err)
	}
	return &dv
}

func objectValue(t *testing.T, typ tftypes.Type, attrs map[string]any) tftypes.Value {
	t.Helper()
	obj, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("%s is not an object type", typ)
	}
	values := make(map[string]tftypes.Value, len(obj.AttributeTypes))
	for name, attrType := range obj.AttributeTypes {
		switch v := attrs[name].(type) {
		case tftypes.Value:
			values[name] = v
		default:
			values[name] = tftypes.NewValue(attrType, v) // nil when not given: null
		}
	}
	for name := range attrs {
		if _, ok := obj.AttributeTypes[name]; !ok {
			t.Fatalf("%s has no attribute %q", typ, name)
		}
	}
	return tftypes.NewValue(typ, values)
}

// decode reads a DynamicValue of an object type into plain Go values:
// strings, bools, *big.Float, and nil for null. A null object is nil.
func decode(t *testing.T, dv *tfprotov6.DynamicValue, typ tftypes.Type) map[string]any {
	t.Helper()
	if dv == nil {
		return nil
	}
	value, err := dv.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	if value.IsNull() {
		return nil
	}
	var attrs map[string]tftypes.Value
	if err := value.As(&attrs); err != nil {
		t.Fatal(err)
	}
	plain := make(map[string]any, len(attrs))
	for name, v := range attrs {
		switch {
		case v.IsNull():
			plain[name] = nil
		case !v.IsKnown():
			plain[name] = "<unknown>"
		case v.Type().Is(tftypes.String):
			var s string
			_ = v.As(&s)
			plain[name] = s
		case v.Type().Is(tftypes.Bool):
			var b bool
			_ = v.As(&b)
			plain[name] = b
		default:
			plain[name] = v.String()
		}
	}
	return plain
}

// decodeIdentity reads identity data into plain Go values.
func (p *protocolProvider) decodeIdentity(identity *tfprotov6.ResourceIdentityData) map[string]any {
	p.t.Helper()
	if identity == nil {
		return nil
	}
	return decode(p.t, identity.IdentityData, p.identityType())
}

// importNumber imports by ID string or, when id is empty, by identity.
func (p *protocolProvider) importNumber(id string, identity *tfprotov6.ResourceIdentityData) *tfprotov6.ImportResourceStateResponse {
	p.t.Helper()
	resp, err := p.server.ImportResourceState(p.t.Context(), &tfprotov6.ImportResourceStateRequest{
		TypeName: "interactly_number",
		ID:       id,
		Identity: identity,
	})
	if err != nil {
		p.t.Fatal(err)
	}
	return resp
}

// read refreshes a state; identity nil is what a client that does not speak
// identity (Terraform before 1.12) sends.
func (p *protocolProvider) read(state *tfprotov6.DynamicValue, private []byte, identity *tfprotov6.ResourceIdentityData) *tfprotov6.ReadResourceResponse {
	p.t.Helper()
	resp, err := p.server.ReadResource(p.t.Context(), &tfprotov6.ReadResourceRequest{
		TypeName:        "interactly_number",
		CurrentState:    state,
		Private:         private,
		CurrentIdentity: identity,
	})
	if err != nil {
		p.t.Fatal(err)
	}
	return resp
}

func requireNoErrors(t *testing.T, call string, diags []*tfprotov6.Diagnostic) {
	t.Helper()
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("%s: unexpected error: %s: %s", call, d.Summary, d.Detail)
		}
	}
}

// onlyError returns the one diagnostic of diags, failing unless it is the
// only one and an error.
func onlyError(t *testing.T, call string, diags []*tfprotov6.Diagnostic) *tfprotov6.Diagnostic {
	t.Helper()
	// A failure many resources meet alike comes as the warning that explains
	// it, then the error that points to it: read as one.
	if len(diags) == 2 && diags[0].Severity == tfprotov6.DiagnosticSeverityWarning && diags[1].Severity == tfprotov6.DiagnosticSeverityError &&
		strings.Contains(diags[1].Detail, "in the warning \""+diags[0].Summary+"\"") {
		merged := *diags[1]
		merged.Detail = diags[1].Detail + "\n\n" + diags[0].Detail
		return &merged
	}
	if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityError {
		for _, d := range diags {
			t.Logf("diagnostic: %s: %s: %s", d.Severity, d.Summary, d.Detail)
		}
		t.Fatalf("%s: want exactly one error diagnostic, got %d diagnostics", call, len(diags))
	}
	return diags[0]
}
