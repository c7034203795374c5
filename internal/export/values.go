package export

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/interactly/terraform-provider-interactly/internal/provider"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// settingWriter turns an assistant document's settings into attribute
// expressions, by the provider's table of settings. Only what the document
// holds is written: a setting it leaves out or sends as null is left out of
// the configuration, where omitted means "left as it is".
type settingWriter struct {
	resource string // the assistant's resource name, which prefixes its variables
	// secret declares a sensitive variable for a setting that must not
	// be written down, and returns its reference.
	secret func(name, typ, description string) hclwrite.Tokens
	// prompt stores a prompt in a file and returns the file() call.
	prompt func(text string) hclwrite.Tokens
}

// lookup finds the value at path in doc; absent when a field on the way is
// missing, null or not an object, or when the value is null.
func lookup(doc map[string]any, path []string) (any, bool) {
	v, present := settings.Lookup(doc, path)
	return v, present && v != nil
}

// tokens is the expression of setting s holding raw (never nil); path names
// the setting for variables and errors.
func (w settingWriter) tokens(s settings.Setting, raw any, path []string) (hclwrite.Tokens, error) {
	path = append(slices.Clip(path), s.Attr)
	if s.Sensitive {
		return w.secret(w.resource+"_"+strings.Join(path, "_"), typeOf(s),
			"The "+strings.Join(path, ".")+" of assistant "+w.resource+": sensitive, so not exported. Null leaves it as it is."), nil
	}
	if len(path) == 1 && s.Attr == provider.AssistantSystemPromptAttr {
		if text, ok := raw.(string); ok {
			return w.prompt(text), nil
		}
	}
	mismatch := func(want string) error {
		return fmt.Errorf("%s is not %s as the provider expects (%T)", strings.Join(path, "."), want, raw)
	}
	switch s.Kind {
	case settings.KindString:
		v, ok := raw.(string)
		if !ok {
			return nil, mismatch("a string")
		}
		return hclwrite.TokensForValue(cty.StringVal(v)), nil
	case settings.KindBool:
		v, ok := raw.(bool)
		if !ok {
			return nil, mismatch("a boolean")
		}
		return hclwrite.TokensForValue(cty.BoolVal(v)), nil
	case settings.KindInt, settings.KindFloat:
		n, ok := raw.(json.Number)
		if !ok {
			return nil, mismatch("a number")
		}
		v, err := cty.ParseNumberVal(n.String())
		if err != nil {
			return nil, mismatch("a number")
		}
		return hclwrite.TokensForValue(v), nil
	case settings.KindStringList:
		items, ok := raw.([]any)
		if !ok {
			return nil, mismatch("a list of strings")
		}
		elems := make([]hclwrite.Tokens, len(items))
		for i, item := range items {
			v, ok := item.(string)
			if !ok {
				return nil, mismatch("a list of strings")
			}
			elems[i] = hclwrite.TokensForValue(cty.StringVal(v))
		}
		return hclwrite.TokensForTuple(elems), nil
	case settings.KindStringMap:
		obj, ok := raw.(map[string]any)
		if !ok {
			return nil, mismatch("an object of strings")
		}
		m := make(map[string]cty.Value, len(obj))
		for k, item := range obj {
			v, ok := item.(string)
			if !ok {
				return nil, mismatch("an object of strings")
			}
			m[k] = cty.StringVal(v)
		}
		if len(m) == 0 {
			return hclwrite.TokensForValue(cty.MapValEmpty(cty.String)), nil
		}
		return hclwrite.TokensForValue(cty.MapVal(m)), nil
	case settings.KindObject:
		return w.object(s, raw, path)
	case settings.KindObjectList:
		items, ok := raw.([]any)
		if !ok {
			return nil, mismatch("a list of objects")
		}
		elems := make([]hclwrite.Tokens, len(items))
		for i, item := range items {
			t, err := w.object(s, item, append(path, fmt.Sprint(i)))
			if err != nil {
				return nil, err
			}
			elems[i] = t
		}
		return hclwrite.TokensForTuple(elems), nil
	}
	return nil, fmt.Errorf("%s has a kind of setting the export does not know", strings.Join(path, "."))
}

// object writes the inner settings an object holds, in the table's order.
func (w settingWriter) object(s settings.Setting, raw any, path []string) (hclwrite.Tokens, error) {
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s is not an object as the provider expects (%T)", strings.Join(path, "."), raw)
	}
	var attrs []hclwrite.ObjectAttrTokens
	for _, in := range s.Inner {
		v, present := obj[in.Field[0]]
		if !present || v == nil {
			continue
		}
		t, err := w.tokens(in, v, path)
		if err != nil {
			return nil, err
		}
		attrs = append(attrs, hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForIdentifier(in.Attr), Value: t})
	}
	return hclwrite.TokensForObject(attrs), nil
}

// typeOf is the type constraint of a variable that holds s.
func typeOf(s settings.Setting) string {
	switch s.Kind {
	case settings.KindBool:
		return "bool"
	case settings.KindInt, settings.KindFloat:
		return "number"
	case settings.KindStringList:
		return "list(string)"
	case settings.KindStringMap:
		return "map(string)"
	case settings.KindString:
		return "string"
	}
	return "any"
}
