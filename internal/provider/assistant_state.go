package provider

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// The resource handles its plan, state and configuration as one object of
// values by attribute name rather than a struct of some forty fields: its
// settings are built from assistantSettings, and so is everything done with
// them.

// valuesFrom reads a whole plan, state or configuration.
func valuesFrom(ctx context.Context, typ attr.Type, raw tftypes.Value) (assistantValues, diag.Diagnostics) {
	var diags diag.Diagnostics
	if raw.IsNull() {
		// An import starts from nothing: every attribute null.
		return nullValues(ctx, typ)
	}
	v, err := typ.ValueFromTerraform(ctx, raw)
	if err != nil {
		diags.AddError("Unable to read the assistant's values", "This is a bug in the provider; please report it: "+err.Error())
		return nil, diags
	}
	obj, ok := v.(basetypes.ObjectValue)
	if !ok {
		diags.AddError("Unable to read the assistant's values", "This is a bug in the provider; please report it: not an object")
		return nil, diags
	}
	return maps.Clone(obj.Attributes()), diags
}

// valuesOf reads several whole plans, states or configurations of one
// schema, in order.
func valuesOf(ctx context.Context, typ attr.Type, raws ...tftypes.Value) ([]assistantValues, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := make([]assistantValues, len(raws))
	for i, raw := range raws {
		var d diag.Diagnostics
		out[i], d = valuesFrom(ctx, typ, raw)
		diags.Append(d...)
	}
	return out, diags
}

// nullValues has every attribute of typ, each null.
func nullValues(ctx context.Context, typ attr.Type) (assistantValues, diag.Diagnostics) {
	var diags diag.Diagnostics
	withTypes, ok := typ.(attr.TypeWithAttributeTypes)
	if !ok {
		diags.AddError("Unable to read the assistant's values", "This is a bug in the provider; please report it: not an object type")
		return nil, diags
	}
	out := assistantValues{}
	for name, t := range withTypes.AttributeTypes() {
		v, err := t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), nil))
		if err != nil {
			diags.AddError("Unable to read the assistant's values", "This is a bug in the provider; please report it: "+err.Error())
			return nil, diags
		}
		out[name] = v
	}
	return out, diags
}

// raw is the values as a whole plan or state of the schema's type.
func (v assistantValues) raw(ctx context.Context, typ attr.Type) (tftypes.Value, diag.Diagnostics) {
	withTypes, ok := typ.(attr.TypeWithAttributeTypes)
	if !ok {
		var diags diag.Diagnostics
		diags.AddError("Unable to write the assistant's values", "This is a bug in the provider; please report it: not an object type")
		return tftypes.Value{}, diags
	}
	obj, diags := types.ObjectValue(withTypes.AttributeTypes(), v)
	if diags.HasError() {
		return tftypes.Value{}, diags
	}
	out, err := obj.ToTerraformValue(ctx)
	if err != nil {
		diags.AddError("Unable to write the assistant's values", "This is a bug in the provider; please report it: "+err.Error())
	}
	return out, diags
}

// text is a string attribute's value, "" when null or unknown.
func (v assistantValues) text(name string) string {
	s, _ := v[name].(types.String)
	return s.ValueString()
}

func (v assistantValues) timeouts() timeouts.Value {
	t, _ := v[attrTimeouts].(timeouts.Value)
	return t
}

// withoutSettings is v with every setting null: the base that a newly
// adopted assistant's document is mapped over, so that a setting the answer
// leaves out is null rather than what the configuration asks for.
func (v assistantValues) withoutSettings() assistantValues {
	out := maps.Clone(v)
	for _, s := range assistantSettings {
		out[s.Attr] = settings.NullOf(s.AttrType())
	}
	return out
}

// withDocument is v with the settings, ID and team of the assistant
// document a, over what v knew: settings a leaves out keep their values.
func (v assistantValues) withDocument(a interactly.Assistant) (assistantValues, diag.Diagnostics) {
	var diags diag.Diagnostics
	settings, err := settingsOver(v, a)
	if err != nil {
		diags.AddError("Unexpected assistant document", "The API answered with an assistant document the provider cannot read: "+err.Error())
		return nil, diags
	}
	out := maps.Clone(v)
	maps.Copy(out, settings)
	out[attrID] = types.StringValue(a.ID)
	out[attrAssistantID] = types.StringValue(a.ID)
	if a.TeamID != "" {
		out[attrTeamID] = types.StringValue(a.TeamID)
	} else if t, ok := out[attrTeamID]; !ok || t.IsUnknown() {
		out[attrTeamID] = types.StringNull()
	}
	return out, diags
}
