package settings

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
)

// Values holds Terraform values by attribute name.
type Values = map[string]attr.Value

// DecodeDocument decodes a document's top-level fields, numbers kept exact.
func DecodeDocument(fields map[string]json.RawMessage) (map[string]any, error) {
	out := make(map[string]any, len(fields))
	for name, raw := range fields {
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

// Over maps a decoded document to Terraform values of the table's settings.
// An API may leave any setting out of an answer, which says nothing about
// it: such a setting keeps its value in known (null when known has none, or
// only a plan's unknown). A setting sent as null is null.
func (t Table) Over(known Values, doc map[string]any) (Values, error) {
	out := make(Values, len(t))
	for _, s := range t {
		raw, present := Lookup(doc, s.Field)
		if !present {
			if v, ok := known[s.Attr]; ok && FullyKnown(v) {
				out[s.Attr] = v
			} else {
				out[s.Attr] = NullOf(s.AttrType())
			}
			continue
		}
		v, err := s.FromJSON(raw)
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", strings.Join(s.Field, "."), err)
		}
		out[s.Attr] = v
	}
	return out, nil
}

// Nulls is every setting of the table at its null value.
func (t Table) Nulls() Values {
	out := make(Values, len(t))
	for _, s := range t {
		out[s.Attr] = NullOf(s.AttrType())
	}
	return out
}

// FullyKnown reports whether v holds no unknown value, at any depth.
func FullyKnown(v attr.Value) bool {
	raw, err := v.ToTerraformValue(context.Background())
	return err == nil && raw.IsFullyKnown()
}

// Lookup finds the value at path in doc; present is false when a field on
// the way is absent (or null, or not an object).
func Lookup(doc map[string]any, path []string) (v any, present bool) {
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

// FromJSON maps a decoded JSON value to the setting's Terraform value.
func (s Setting) FromJSON(raw any) (attr.Value, error) {
	if raw == nil {
		return NullOf(s.AttrType()), nil
	}
	mismatch := func(want string) error { return fmt.Errorf("is %s, expected %s", jsonKindOf(raw), want) }
	switch s.Kind {
	case KindString:
		if v, ok := raw.(string); ok {
			return types.StringValue(v), nil
		}
		return nil, mismatch("a string")
	case KindBool:
		if v, ok := raw.(bool); ok {
			return types.BoolValue(v), nil
		}
		return nil, mismatch("a boolean")
	case KindInt:
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
	case KindFloat:
		n, ok := raw.(json.Number)
		if !ok {
			return nil, mismatch("a number")
		}
		f, err := n.Float64()
		if err != nil {
			return nil, err
		}
		return types.Float64Value(f), nil
	case KindStringList:
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
	case KindStringMap:
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
	case KindObject:
		return s.objectFromJSON(raw)
	case KindObjectList:
		items, ok := raw.([]any)
		if !ok {
			return nil, mismatch("a list of objects")
		}
		elemType := types.ObjectType{AttrTypes: innerTypes(s.Inner)}
		elems := make([]attr.Value, len(items))
		for i, item := range items {
			v, err := s.objectFromJSON(item)
			if err != nil {
				return nil, fmt.Errorf("item %d: %w", i, err)
			}
			elems[i] = v
		}
		return types.ListValueMust(elemType, elems), nil
	}
	return nil, fmt.Errorf("unsupported setting kind %d", s.Kind)
}

// objectFromJSON maps a JSON object to an object of the setting's inner
// attributes; inner fields the object leaves out are null, and fields the
// provider does not know are ignored.
func (s Setting) objectFromJSON(raw any) (attr.Value, error) {
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("is %s, expected an object", jsonKindOf(raw))
	}
	attrs := make(map[string]attr.Value, len(s.Inner))
	for _, in := range s.Inner {
		v, err := in.FromJSON(obj[in.Field[0]])
		if err != nil {
			return nil, fmt.Errorf("%s %w", in.Field[0], err)
		}
		attrs[in.Attr] = v
	}
	return types.ObjectValueMust(innerTypes(s.Inner), attrs), nil
}

// NullOf is the null value of a type the settings use.
func NullOf(t attr.Type) attr.Value {
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
