package provider

import (
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The schemas of interactly_assistant and of its data source are built from
// assistantSettings. On the resource every setting is optional: set means
// enforced, omitted means left as it is in Interactly and recorded from the
// API. On the data source every setting is read-only.

const omittedSettingNote = " When omitted, it is left as it is in Interactly and recorded in state (null while the API has never reported it)."

// resourceSettingAttributes are the resource's attributes of settings.
func resourceSettingAttributes() map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(assistantSettings))
	for _, s := range assistantSettings {
		out[s.attr] = resourceSettingAttribute(s, true, s.desc+omittedSettingNote)
	}
	return out
}

// resourceSettingAttribute is one setting on the resource: optional, and
// computed (filled from the API) where computed is set. The attributes of a
// list's objects are not computed: an object in the list is given whole.
func resourceSettingAttribute(s assistantSetting, computed bool, desc string) schema.Attribute {
	switch s.kind {
	case kindBool:
		return schema.BoolAttribute{MarkdownDescription: desc, Optional: true, Computed: computed, Sensitive: s.sensitive}
	case kindInt:
		return schema.Int64Attribute{MarkdownDescription: desc, Optional: true, Computed: computed, Sensitive: s.sensitive, Validators: s.int64Validators}
	case kindFloat:
		return schema.Float64Attribute{MarkdownDescription: desc, Optional: true, Computed: computed, Sensitive: s.sensitive, Validators: s.float64Validators}
	case kindStringList:
		return schema.ListAttribute{MarkdownDescription: desc, ElementType: types.StringType, Optional: true, Computed: computed, Sensitive: s.sensitive}
	case kindStringMap:
		return schema.MapAttribute{MarkdownDescription: desc, ElementType: types.StringType, Optional: true, Computed: computed, Sensitive: s.sensitive}
	case kindObject:
		inner := make(map[string]schema.Attribute, len(s.inner))
		for _, in := range s.inner {
			inner[in.attr] = resourceSettingAttribute(in, computed, in.desc)
		}
		return schema.SingleNestedAttribute{MarkdownDescription: desc + " Attributes omitted inside it are left as they are.",
			Attributes: inner, Optional: true, Computed: computed, Sensitive: s.sensitive}
	case kindObjectList:
		inner := make(map[string]schema.Attribute, len(s.inner))
		for _, in := range s.inner {
			inner[in.attr] = resourceSettingAttribute(in, false, in.desc)
		}
		return schema.ListNestedAttribute{MarkdownDescription: desc + " The list is sent whole.",
			NestedObject: schema.NestedAttributeObject{Attributes: inner}, Optional: true, Computed: computed, Sensitive: s.sensitive}
	default:
		return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Computed: computed, Sensitive: s.sensitive, Validators: s.stringValidators}
	}
}

// dataSourceSettingAttributes are the data source's read-only attributes of
// settings.
func dataSourceSettingAttributes() map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(assistantSettings))
	for _, s := range assistantSettings {
		out[s.attr] = dataSourceSettingAttribute(s)
	}
	return out
}

func dataSourceSettingAttribute(s assistantSetting) dschema.Attribute {
	desc := s.desc
	switch s.kind {
	case kindBool:
		return dschema.BoolAttribute{MarkdownDescription: desc, Computed: true, Sensitive: s.sensitive}
	case kindInt:
		return dschema.Int64Attribute{MarkdownDescription: desc, Computed: true, Sensitive: s.sensitive}
	case kindFloat:
		return dschema.Float64Attribute{MarkdownDescription: desc, Computed: true, Sensitive: s.sensitive}
	case kindStringList:
		return dschema.ListAttribute{MarkdownDescription: desc, ElementType: types.StringType, Computed: true, Sensitive: s.sensitive}
	case kindStringMap:
		return dschema.MapAttribute{MarkdownDescription: desc, ElementType: types.StringType, Computed: true, Sensitive: s.sensitive}
	case kindObject:
		inner := make(map[string]dschema.Attribute, len(s.inner))
		for _, in := range s.inner {
			inner[in.attr] = dataSourceSettingAttribute(in)
		}
		return dschema.SingleNestedAttribute{MarkdownDescription: desc, Attributes: inner, Computed: true, Sensitive: s.sensitive}
	case kindObjectList:
		inner := make(map[string]dschema.Attribute, len(s.inner))
		for _, in := range s.inner {
			inner[in.attr] = dataSourceSettingAttribute(in)
		}
		return dschema.ListNestedAttribute{MarkdownDescription: desc,
			NestedObject: dschema.NestedAttributeObject{Attributes: inner}, Computed: true, Sensitive: s.sensitive}
	default:
		return dschema.StringAttribute{MarkdownDescription: desc, Computed: true, Sensitive: s.sensitive}
	}
}
