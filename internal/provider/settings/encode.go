package settings

import (
	"bytes"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// ToJSON is the JSON a request sends for a known Terraform value of the
// setting. Null inner attributes of an object are left out of it.
func (s Setting) ToJSON(v attr.Value) any {
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
			out[k] = s.ToJSON(elem)
		}
		return out
	case basetypes.ListValue:
		out := make([]any, 0, len(v.Elements()))
		for _, elem := range v.Elements() {
			out = append(out, s.ToJSON(elem))
		}
		return out
	case basetypes.ObjectValue:
		out := make(map[string]any, len(s.Inner))
		for _, in := range s.Inner {
			if inner := v.Attributes()[in.Attr]; inner != nil && !inner.IsNull() && !inner.IsUnknown() {
				out[in.Field[0]] = in.ToJSON(inner)
			}
		}
		return out
	}
	return nil
}

// Body is the request body that sends groups, built from the planned values
// of all the settings of each group: a group is sent whole, because an API
// may replace a nested object sent in part rather than merge it, and whole
// is right either way. A group with no known, non-null setting is left out.
func (t Table) Body(groups []string, planned Values) map[string]any {
	body := map[string]any{}
	for _, group := range groups {
		var value any
		for _, s := range t {
			if s.Group() != group || planned[s.Attr] == nil || planned[s.Attr].IsNull() || planned[s.Attr].IsUnknown() {
				continue
			}
			value = SetAt(value, s.Field[1:], s.ToJSON(planned[s.Attr]))
		}
		if value != nil {
			body[group] = value
		}
	}
	return body
}

// SetAt puts v at path inside obj (an object, created when nil); an empty
// path replaces obj.
func SetAt(obj any, path []string, v any) any {
	if len(path) == 0 {
		return v
	}
	m, _ := obj.(map[string]any)
	if m == nil {
		m = map[string]any{}
	}
	m[path[0]] = SetAt(m[path[0]], path[1:], v)
	return m
}

// Same reports whether two values of a setting are the same as the API sees
// them. Equal alone is not enough: a number from the configuration (0.3 as a
// decimal) and the same number from an answer (a float64) differ in
// precision while meaning the same to the API.
func (s Setting) Same(a, b attr.Value) bool {
	if a == nil || b == nil || a.IsNull() || b.IsNull() || a.IsUnknown() || b.IsUnknown() {
		return a != nil && b != nil && a.Equal(b)
	}
	x, errX := json.Marshal(s.ToJSON(a))
	y, errY := json.Marshal(s.ToJSON(b))
	return errX == nil && errY == nil && bytes.Equal(x, y)
}
