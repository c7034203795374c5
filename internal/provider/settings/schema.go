package settings

import (
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// On the resource every setting is optional and computed: set means
// enforced, omitted means left as it is in the API and recorded from its
// answers. On the data source every setting is read-only.

// ResourceAttributes are the resource's attributes of the table's settings;
// omittedNote ends each top-level description and says what omitting the
// setting does.
func (t Table) ResourceAttributes(omittedNote string) map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(t))
	for _, s := range t {
		out[s.Attr] = s.ResourceAttribute(Computed, s.Desc+omittedNote)
	}
	return out
}

// Computedness says whether a resource attribute is filled from the API when
// the configuration omits it.
type Computedness int

const (
	// Computed attributes are recorded from the API when omitted.
	Computed Computedness = iota
	// GivenWhole attributes are only what the configuration says: the
	// attributes of a list's objects, since an object in a list is given
	// whole.
	GivenWhole
)

// ResourceAttribute is one setting on the resource, optional, with desc as
// its description.
func (s Setting) ResourceAttribute(c Computedness, desc string) schema.Attribute {
	computed := c == Computed
	switch s.Kind {
	case KindBool:
		return schema.BoolAttribute{MarkdownDescription: desc, Optional: true, Computed: computed, Sensitive: s.Sensitive}
	case KindInt:
		return schema.Int64Attribute{MarkdownDescription: desc, Optional: true, Computed: computed, Sensitive: s.Sensitive, Validators: s.Int64Validators}
	case KindFloat:
		return schema.Float64Attribute{MarkdownDescription: desc, Optional: true, Computed: computed, Sensitive: s.Sensitive, Validators: s.Float64Validators}
	case KindStringList:
		return schema.ListAttribute{MarkdownDescription: desc, ElementType: types.StringType, Optional: true, Computed: computed,
			Sensitive: s.Sensitive, Validators: s.ListValidators}
	case KindStringMap:
		return schema.MapAttribute{MarkdownDescription: desc, ElementType: types.StringType, Optional: true, Computed: computed, Sensitive: s.Sensitive}
	case KindObject:
		inner := make(map[string]schema.Attribute, len(s.Inner))
		for _, in := range s.Inner {
			inner[in.Attr] = in.ResourceAttribute(c, in.Desc)
		}
		return schema.SingleNestedAttribute{MarkdownDescription: desc + " Attributes omitted inside it are left as they are.",
			Attributes: inner, Optional: true, Computed: computed, Sensitive: s.Sensitive}
	case KindObjectList:
		inner := make(map[string]schema.Attribute, len(s.Inner))
		for _, in := range s.Inner {
			inner[in.Attr] = in.ResourceAttribute(GivenWhole, in.Desc)
		}
		return schema.ListNestedAttribute{MarkdownDescription: desc + " The list is sent whole.",
			NestedObject: schema.NestedAttributeObject{Attributes: inner}, Optional: true, Computed: computed,
			Sensitive: s.Sensitive, Validators: s.ListValidators}
	default:
		return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Computed: computed, Sensitive: s.Sensitive, Validators: s.StringValidators}
	}
}

// DataSourceAttributes are the data source's read-only attributes of the
// table's settings.
func (t Table) DataSourceAttributes() map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(t))
	for _, s := range t {
		out[s.Attr] = s.DataSourceAttribute()
	}
	return out
}

// DataSourceAttribute is one setting on the data source: read-only.
func (s Setting) DataSourceAttribute() dschema.Attribute {
	desc := s.Desc
	switch s.Kind {
	case KindBool:
		return dschema.BoolAttribute{MarkdownDescription: desc, Computed: true, Sensitive: s.Sensitive}
	case KindInt:
		return dschema.Int64Attribute{MarkdownDescription: desc, Computed: true, Sensitive: s.Sensitive}
	case KindFloat:
		return dschema.Float64Attribute{MarkdownDescription: desc, Computed: true, Sensitive: s.Sensitive}
	case KindStringList:
		return dschema.ListAttribute{MarkdownDescription: desc, ElementType: types.StringType, Computed: true, Sensitive: s.Sensitive}
	case KindStringMap:
		return dschema.MapAttribute{MarkdownDescription: desc, ElementType: types.StringType, Computed: true, Sensitive: s.Sensitive}
	case KindObject:
		inner := make(map[string]dschema.Attribute, len(s.Inner))
		for _, in := range s.Inner {
			inner[in.Attr] = in.DataSourceAttribute()
		}
		return dschema.SingleNestedAttribute{MarkdownDescription: desc, Attributes: inner, Computed: true, Sensitive: s.Sensitive}
	case KindObjectList:
		inner := make(map[string]dschema.Attribute, len(s.Inner))
		for _, in := range s.Inner {
			inner[in.Attr] = in.DataSourceAttribute()
		}
		return dschema.ListNestedAttribute{MarkdownDescription: desc,
			NestedObject: dschema.NestedAttributeObject{Attributes: inner}, Computed: true, Sensitive: s.Sensitive}
	default:
		return dschema.StringAttribute{MarkdownDescription: desc, Computed: true, Sensitive: s.Sensitive}
	}
}
