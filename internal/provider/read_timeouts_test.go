package provider

import (
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// configuredWithRetries is newConfiguredProtocolProvider with one retry, so
// that a 429 is retried (max_retries 0 retries nothing, not even a 429).
func configuredWithRetries(t *testing.T, emu *testEmulator) *protocolProvider {
	t.Helper()
	p := newProtocolProvider(t)
	resp, err := p.server.ConfigureProvider(t.Context(), &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.14.0",
		Config: p.dynamic(p.schemas.Provider.ValueType(), map[string]any{
			"api_key": testAPIKey, "base_url": emu.URL, "max_retries": big.NewFloat(1),
		}),
	})
	if err != nil {
		t.Fatal(err)
	}
	requireNoErrors(t, "ConfigureProvider", resp.Diagnostics)
	return p
}

// timeoutsValue is a timeouts block with read set, of the type typ holds.
func timeoutsValue(typ tftypes.Type, read string) tftypes.Value {
	object, ok := typ.(tftypes.Object)
	if !ok {
		panic(typ.String() + " is not an object type")
	}
	block := object.AttributeTypes["timeouts"]
	return tftypes.NewValue(block, map[string]tftypes.Value{"read": tftypes.NewValue(tftypes.String, read)})
}

// readDataSource reads a data source with config and returns its diagnostics.
func (p *protocolProvider) readDataSource(typeName string, attrs map[string]any) []*tfprotov6.Diagnostic {
	p.t.Helper()
	typ := p.schemas.DataSourceSchemas[typeName].ValueType()
	if read, ok := attrs["timeouts"].(string); ok {
		attrs["timeouts"] = timeoutsValue(typ, read)
	}
	resp, err := p.server.ReadDataSource(p.t.Context(), &tfprotov6.ReadDataSourceRequest{
		TypeName: typeName,
		Config:   p.dynamic(typ, attrs),
	})
	if err != nil {
		p.t.Fatal(err)
	}
	return resp.Diagnostics
}

// Each entry point of its own reads under its read timeout: a Retry-After
// longer than the time left fails at once, after one request, with an
// error that names the wait, the deadline and the timeouts block. The 30 s
// wait is shorter than the default read timeout (5m), so only the
// configured 10 s can have refused it.
func TestReadTimeoutsBoundRetryAfter(t *testing.T) {
	t.Parallel()
	entryPoints := map[string]func(p *protocolProvider) []*tfprotov6.Diagnostic{
		"interactly_number by id": func(p *protocolProvider) []*tfprotov6.Diagnostic {
			return p.readDataSource("interactly_number", map[string]any{"id": "a12f9c88-c155-461f-9771-4d240cdc9a04", "timeouts": "10s"})
		},
		"interactly_number by label": func(p *protocolProvider) []*tfprotov6.Diagnostic {
			return p.readDataSource("interactly_number", map[string]any{"label": "support", "timeouts": "10s"})
		},
		"interactly_numbers": func(p *protocolProvider) []*tfprotov6.Diagnostic {
			return p.readDataSource("interactly_numbers", map[string]any{"timeouts": "10s"})
		},
		"interactly_numbers by label": func(p *protocolProvider) []*tfprotov6.Diagnostic {
			return p.readDataSource("interactly_numbers", map[string]any{"label": "sales", "timeouts": "10s"})
		},
		"list resource": func(p *protocolProvider) []*tfprotov6.Diagnostic {
			_, diags := p.listWith(map[string]any{"timeouts": timeoutsValue(p.schemas.ListResourceSchemas["interactly_number"].ValueType(), "10s")})
			return diags
		},
	}
	for name, read := range entryPoints {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			emu := newTestEmulator(t)
			emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "30", Times: 1})
			p := configuredWithRetries(t, emu)
			d := onlyError(t, name, read(p))
			for _, want := range []string{"HTTP 429", "would wait 30s", "Retry-After", "deadline", "gave up instead of waiting past it", "timeouts block"} {
				if !strings.Contains(d.Detail, want) {
					t.Errorf("detail %q lacks %q", d.Detail, want)
				}
			}
			if got := emu.Counts()[listRoute]; got != 1 {
				t.Errorf("list requests = %d, want 1", got)
			}
		})
	}
}

// A read timeout that is not a duration is named in our words.
func TestReadTimeoutsAreCheckedInOurWords(t *testing.T) {
	t.Parallel()
	p := newProtocolProvider(t)
	typ := p.schemas.DataSourceSchemas["interactly_numbers"].ValueType()
	resp, err := p.server.ValidateDataResourceConfig(t.Context(), &tfprotov6.ValidateDataResourceConfigRequest{
		TypeName: "interactly_numbers",
		Config:   p.dynamic(typ, map[string]any{"timeouts": timeoutsValue(typ, "30")}),
	})
	if err != nil {
		t.Fatal(err)
	}
	d := onlyError(t, "ValidateDataResourceConfig", resp.Diagnostics)
	if d.Summary != "Invalid timeouts.read" || !strings.Contains(d.Detail, `timeouts.read = "30" has no unit: write "30s"`) {
		t.Errorf("diagnostic %q: %q", d.Summary, d.Detail)
	}
}
