package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// assistantValues holds Terraform values by attribute name: the settings of
// one assistant, and the other attributes of the resource or data source.
type assistantValues map[string]attr.Value

// documentFields decodes the document's fields, numbers kept exact.
func documentFields(a interactly.Assistant) (map[string]any, error) {
	out := make(map[string]any, len(a.Fields))
	for name, raw := range a.Fields {
		var v any
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("field %s: %w", name, err)
		}
		out[name] = v
	}
	return out, nil
}

// settingsOver maps an assistant document to Terraform values: the one
// mapping that the resource and the data source share. The API may leave any
// setting out of an answer, which says nothing about it: such a setting keeps
// its value in known (null when known has none, or only a plan's unknown).
// A setting sent as null is null.
func settingsOver(known assistantValues, a interactly.Assistant) (assistantValues, error) {
	doc, err := documentFields(a)
	if err != nil {
		return nil, fmt.Errorf("assistant %s: %w", a.ID, err)
	}
	out := make(assistantValues, len(assistantSettings))
	for _, s := range assistantSettings {
		raw, present := lookup(doc, s.field)
		if !present {
			if v, ok := known[s.attr]; ok && fullyKnown(v) {
				out[s.attr] = v
			} else {
				out[s.attr] = nullOf(s.attrType())
			}
			continue
		}
		v, err := valueFromJSON(s, raw)
		if err != nil {
			return nil, fmt.Errorf("assistant %s: field %s: %w", a.ID, strings.Join(s.field, "."), err)
		}
		out[s.attr] = v
	}
	return out, nil
}

// fullyKnown reports whether v holds no unknown value, at any depth.
func fullyKnown(v attr.Value) bool {
	raw, err := v.ToTerraformValue(context.Background())
	return err == nil && raw.IsFullyKnown()
}

// lookup finds the value at path in doc; present is false when a field on
// the way is absent (or null, or not an object).
func lookup(doc map[string]any, path []string) (v any, present bool) {
	var cur any = doc
	for _, name := range path {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = obj[name]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// valueFromJSON maps a decoded JSON value to the setting's Terraform value.
func valueFromJSON(s assistantSetting, raw any) (attr.Value, error) {
	if raw == nil {
		return nullOf(s.attrType()), nil
	}
	mismatch := func(want string) error { return fmt.Errorf("is %s, expected %s", jsonKindOf(raw), want) }
	switch s.kind {
	case kindString:
		if v, ok := raw.(string); ok {
			return types.StringValue(v), nil
		}
		return nil, mismatch("a string")
	case kindBool:
		if v, ok := raw.(bool); ok {
			return types.BoolValue(v), nil
		}
		return nil, mismatch("a boolean")
	case kindInt:
		n, ok := raw.(json.Number)
		if !ok {
			return nil, mismatch("a whole number")
		}
		if i, err := n.Int64(); err == nil {
			return types.Int64Value(i), nil
		}
		if f, err := n.Float64(); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			return types.Int64Value(int64(f)), nil
		}
		return nil, fmt.Errorf("is %s, expected a whole number", n)
	case kindFloat:
		n, ok := raw.(json.Number)
		if !ok {
			return nil, mismatch("a number")
		}
		f, err := n.Float64()
		if err != nil {
			return nil, err
		}
		return types.Float64Value(f), nil
	case kindStringList:
		items, ok := raw.([]any)
		if !ok {
			return nil, mismatch("a list of strings")
		}
		elems := make([]attr.Value, len(items))
		for i, item := range items {
			v, ok := item.(string)
			if !ok {
				return nil, fmt.Errorf("item %d is %s, expected a string", i, jsonKindOf(item))
			}
			elems[i] = types.StringValue(v)
		}
		return types.ListValueMust(types.StringType, elems), nil
	case kindStringMap:
		obj, ok := raw.(map[string]any)
		if !ok {
			return nil, mismatch("an object of strings")
		}
		elems := make(map[string]attr.Value, len(obj))
		for k, item := range obj {
			v, ok := item.(string)
			if !ok {
				return nil, fmt.Errorf("%s is %s, expected a string", k, jsonKindOf(item))
			}
			elems[k] = types.StringValue(v)
		}
		return types.MapValueMust(types.StringType, elems), nil
	case kindObject:
		return objectFromJSON(s, raw)
	case kindObjectList:
		items, ok := raw.([]any)
		if !ok {
			return nil, mismatch("a list of objects")
		}
		elemType := types.ObjectType{AttrTypes: innerTypes(s.inner)}
		elems := make([]attr.Value, len(items))
		for i, item := range items {
			v, err := objectFromJSON(s, item)
			if err != nil {
				return nil, fmt.Errorf("item %d: %w", i, err)
			}
			elems[i] = v
		}
		return types.ListValueMust(elemType, elems), nil
	}
	return nil, fmt.Errorf("unsupported setting kind %d", s.kind)
}

// objectFromJSON maps a JSON object to an object of the setting's inner
// attributes; inner fields the object leaves out are null, and fields the
// provider does not know are ignored.
func objectFromJSON(s assistantSetting, raw any) (attr.Value, error) {
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("is %s, expected an object", jsonKindOf(raw))
	}
	attrs := make(map[string]attr.Value, len(s.inner))
	for _, in := range s.inner {
		v, err := valueFromJSON(in, obj[in.field[0]])
		if err != nil {
			return nil, fmt.Errorf("%s %w", in.field[0], err)
		}
		attrs[in.attr] = v
	}
	return types.ObjectValueMust(innerTypes(s.inner), attrs), nil
}

// valueToJSON is the JSON a PATCH sends for a known Terraform value of the
// setting. Null inner attributes of an object are left out of it.
func valueToJSON(s assistantSetting, v attr.Value) any {
	switch v := v.(type) {
	case basetypes.StringValue:
		return v.ValueString()
	case basetypes.BoolValue:
		return v.ValueBool()
	case basetypes.Int64Value:
		return v.ValueInt64()
	case basetypes.Float64Value:
		return v.ValueFloat64()
	case basetypes.MapValue:
		out := make(map[string]any, len(v.Elements()))
		for k, elem := range v.Elements() {
			out[k] = valueToJSON(s, elem)
		}
		return out
	case basetypes.ListValue:
		out := make([]any, 0, len(v.Elements()))
		for _, elem := range v.Elements() {
			out = append(out, valueToJSON(s, elem))
		}
		return out
	case basetypes.ObjectValue:
		out := make(map[string]any, len(s.inner))
		for _, in := range s.inner {
			if inner := v.Attributes()[in.attr]; inner != nil && !inner.IsNull() && !inner.IsUnknown() {
				out[in.field[0]] = valueToJSON(in, inner)
			}
		}
		return out
	}
	return nil
}

// nullOf is the null value of a type used by the settings.
func nullOf(t attr.Type) attr.Value {
	switch t := t.(type) {
	case basetypes.BoolType:
		return types.BoolNull()
	case basetypes.Int64Type:
		return types.Int64Null()
	case basetypes.Float64Type:
		return types.Float64Null()
	case basetypes.ListType:
		return types.ListNull(t.ElemType)
	case basetypes.MapType:
		return types.MapNull(t.ElemType)
	case basetypes.ObjectType:
		return types.ObjectNull(t.AttrTypes)
	default:
		return types.StringNull()
	}
}

func jsonKindOf(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}
