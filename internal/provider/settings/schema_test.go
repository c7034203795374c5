package settings

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func TestResourceAttributesAreOptionalComputedWithTheNote(t *testing.T) {
	attrs := testTable.ResourceAttributes(" NOTE.")
	if len(attrs) != len(testTable) {
		t.Fatalf("%d attributes for %d settings", len(attrs), len(testTable))
	}
	for _, s := range testTable {
		a := attrs[s.Attr]
		if !a.IsOptional() || !a.IsComputed() || a.IsRequired() {
			t.Errorf("%s: optional %v computed %v required %v", s.Attr, a.IsOptional(), a.IsComputed(), a.IsRequired())
		}
		if a.IsSensitive() != s.Sensitive {
			t.Errorf("%s: sensitive %v", s.Attr, a.IsSensitive())
		}
		if !strings.HasPrefix(a.GetMarkdownDescription(), s.Desc) || !strings.Contains(a.GetMarkdownDescription(), " NOTE.") {
			t.Errorf("%s: description %q", s.Attr, a.GetMarkdownDescription())
		}
		if !a.GetType().Equal(s.AttrType()) {
			t.Errorf("%s: type %s, want %s", s.Attr, a.GetType(), s.AttrType())
		}
	}
	stt, ok := attrs["stt"].(schema.SingleNestedAttribute)
	if !ok {
		t.Fatalf("stt is %T", attrs["stt"])
	}
	if in := stt.Attributes["vendor"]; !in.IsOptional() || !in.IsComputed() {
		t.Error("an attribute inside an object is not optional and computed")
	}
	if !strings.HasSuffix(stt.MarkdownDescription, "Attributes omitted inside it are left as they are.") {
		t.Errorf("stt description %q", stt.MarkdownDescription)
	}
	tts, ok := attrs["tts"].(schema.ListNestedAttribute)
	if !ok {
		t.Fatalf("tts is %T", attrs["tts"])
	}
	if in := tts.NestedObject.Attributes["voice"]; !in.IsOptional() || in.IsComputed() {
		t.Error("an attribute of a list's objects is computed: the objects are given whole")
	}
	if !strings.HasSuffix(tts.MarkdownDescription, "The list is sent whole.") {
		t.Errorf("tts description %q", tts.MarkdownDescription)
	}
}

func TestResourceAttributesCarryTheValidators(t *testing.T) {
	minOne := []validator.List{listvalidator.SizeAtLeast(1)}
	table := Table{
		{Attr: "u", Field: []string{"u"}, Kind: KindString, StringValidators: []validator.String{HTTPURLOrEmpty()}},
		Whole("w", "w", ""),
		Decimal("d", "d", ""),
		{Attr: "l", Field: []string{"l"}, Kind: KindStringList, ListValidators: minOne},
		{Attr: "o", Field: []string{"o"}, Kind: KindObjectList, ListValidators: minOne, Inner: []Setting{String("x", "x", "")}},
	}
	attrs := table.ResourceAttributes("")
	if n := len(attrs["u"].(schema.StringAttribute).Validators); n != 1 {
		t.Errorf("u has %d validators", n)
	}
	if n := len(attrs["w"].(schema.Int64Attribute).Validators); n != 1 {
		t.Errorf("w has %d validators", n)
	}
	if n := len(attrs["d"].(schema.Float64Attribute).Validators); n != 1 {
		t.Errorf("d has %d validators", n)
	}
	if n := len(attrs["l"].(schema.ListAttribute).Validators); n != 1 {
		t.Errorf("l has %d validators", n)
	}
	if n := len(attrs["o"].(schema.ListNestedAttribute).Validators); n != 1 {
		t.Errorf("o has %d validators", n)
	}
}

func TestDataSourceAttributesAreReadOnly(t *testing.T) {
	attrs := testTable.DataSourceAttributes()
	if len(attrs) != len(testTable) {
		t.Fatalf("%d attributes for %d settings", len(attrs), len(testTable))
	}
	for _, s := range testTable {
		a := attrs[s.Attr]
		if a.IsOptional() || !a.IsComputed() || a.IsSensitive() != s.Sensitive || a.GetMarkdownDescription() != s.Desc {
			t.Errorf("%s: optional %v computed %v sensitive %v %q", s.Attr, a.IsOptional(), a.IsComputed(), a.IsSensitive(), a.GetMarkdownDescription())
		}
		if !a.GetType().Equal(s.AttrType()) {
			t.Errorf("%s: type %s, want %s", s.Attr, a.GetType(), s.AttrType())
		}
	}
	for name, inner := range map[string]map[string]dschema.Attribute{
		"stt": attrs["stt"].(dschema.SingleNestedAttribute).Attributes,
		"tts": attrs["tts"].(dschema.ListNestedAttribute).NestedObject.Attributes,
	} {
		for innerName, a := range inner {
			if !a.IsComputed() || a.IsOptional() {
				t.Errorf("%s.%s is not read-only", name, innerName)
			}
		}
	}
}
