package settings

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Kind is the Terraform shape of a setting.
type Kind int

const (
	KindString Kind = iota
	KindBool
	KindInt
	KindFloat
	KindStringList
	KindStringMap
	KindObject     // a nested object: Inner holds its attributes
	KindObjectList // a list of nested objects: Inner holds their attributes
)

// Setting maps one Terraform attribute to a field of an API document.
type Setting struct {
	Attr  string   // Terraform attribute name
	Field []string // JSON path in the document; inner settings have one element
	Kind  Kind
	Desc  string
	Inner []Setting
	// Sensitive hides the value in plans and output, and from the errors
	// the provider writes about it.
	Sensitive bool
	// Validators, on the resource only.
	StringValidators  []validator.String
	Int64Validators   []validator.Int64
	Float64Validators []validator.Float64
	ListValidators    []validator.List
}

// Table is the settings of one document, in the order of the API's docs.
type Table []Setting

// Group is the top-level document field a setting lives in: the unit a
// request body sends. Settings that share one are sent together.
func (s Setting) Group() string { return s.Field[0] }

// AttrType is the Terraform type of the setting's values.
func (s Setting) AttrType() attr.Type {
	switch s.Kind {
	case KindBool:
		return types.BoolType
	case KindInt:
		return types.Int64Type
	case KindFloat:
		return types.Float64Type
	case KindStringList:
		return types.ListType{ElemType: types.StringType}
	case KindStringMap:
		return types.MapType{ElemType: types.StringType}
	case KindObject:
		return types.ObjectType{AttrTypes: innerTypes(s.Inner)}
	case KindObjectList:
		return types.ListType{ElemType: types.ObjectType{AttrTypes: innerTypes(s.Inner)}}
	default:
		return types.StringType
	}
}

func innerTypes(inner []Setting) map[string]attr.Type {
	out := make(map[string]attr.Type, len(inner))
	for _, s := range inner {
		out[s.Attr] = s.AttrType()
	}
	return out
}

// HoldsSecrets reports whether a setting's value may hold a secret: it is
// sensitive, or one of its inner settings is.
func (s Setting) HoldsSecrets() bool {
	if s.Sensitive {
		return true
	}
	for _, in := range s.Inner {
		if in.HoldsSecrets() {
			return true
		}
	}
	return false
}

// InGroups lists the settings whose group is one of groups, in table order.
func (t Table) InGroups(groups []string) Table {
	var out Table
	for _, s := range t {
		for _, g := range groups {
			if s.Group() == g {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// String is a string setting at a top-level field.
func String(attrName, field, desc string) Setting {
	return Setting{Attr: attrName, Field: []string{field}, Kind: KindString, Desc: desc}
}

// Bool is a boolean setting at a top-level field.
func Bool(attrName, field, desc string) Setting {
	return Setting{Attr: attrName, Field: []string{field}, Kind: KindBool, Desc: desc}
}

// Whole is a whole-number setting at a top-level field, never negative.
func Whole(attrName, field, desc string) Setting {
	return Setting{Attr: attrName, Field: []string{field}, Kind: KindInt, Desc: desc, Int64Validators: NonNegativeInt()}
}

// Decimal is a number setting at a top-level field, never negative.
func Decimal(attrName, field, desc string) Setting {
	return Setting{Attr: attrName, Field: []string{field}, Kind: KindFloat, Desc: desc, Float64Validators: NonNegativeFloat()}
}

// StringList is a list-of-strings setting at a top-level field.
func StringList(attrName, field, desc string) Setting {
	return Setting{Attr: attrName, Field: []string{field}, Kind: KindStringList, Desc: desc}
}
