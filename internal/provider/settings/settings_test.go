package settings

import (
	"encoding/json"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// testTable has a setting of every kind, two of them sharing the group
// "config" at different depths, as the assistant's speech settings do.
var testTable = Table{
	String("name", "name", "The name."),
	Bool("on", "enabled", "On or off."),
	Whole("count", "count", "A count."),
	Decimal("ratio", "ratio", "A ratio."),
	StringList("tags", "tags", "Tags."),
	{Attr: "headers", Field: []string{"headers"}, Kind: KindStringMap, Sensitive: true, Desc: "Headers."},
	{Attr: "stt", Field: []string{"config", "speech", "stt"}, Kind: KindObject, Desc: "Speech to text.",
		Inner: []Setting{String("vendor", "vendor", "Vendor."), Whole("rate", "rate", "Rate.")}},
	{Attr: "tts", Field: []string{"config", "speech", "tts"}, Kind: KindObjectList, Desc: "Text to speech.",
		Inner: []Setting{String("voice", "voice", "Voice.")}},
}

func decode(t *testing.T, doc string) map[string]any {
	t.Helper()
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(doc), &fields); err != nil {
		t.Fatal(err)
	}
	out, err := DecodeDocument(fields)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func setting(t *testing.T, name string) Setting {
	t.Helper()
	for _, s := range testTable {
		if s.Attr == name {
			return s
		}
	}
	t.Fatalf("no setting %s", name)
	return Setting{}
}

const fullDocument = `{"name": "Front desk", "enabled": true, "count": 3, "ratio": 0.25, "tags": ["a", "b"],
  "headers": {"X-Key": "k"}, "ignored": 1,
  "config": {"speech": {"stt": {"vendor": "microsoft", "rate": 16000, "extra": "x"}, "tts": [{"voice": "v1"}, {"voice": "v2"}]}}}`

func TestOverMapsEveryKindAndBackToTheSameJSON(t *testing.T) {
	doc := decode(t, fullDocument)
	values, err := testTable.Over(nil, doc)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"name": `"Front desk"`, "on": `true`, "count": `3`, "ratio": `0.25`, "tags": `["a","b"]`, "headers": `{"X-Key":"k"}`,
		"stt": `{"rate":16000,"vendor":"microsoft"}`, "tts": `[{"voice":"v1"},{"voice":"v2"}]`,
	}
	for _, s := range testTable {
		got, err := json.Marshal(s.ToJSON(values[s.Attr]))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want[s.Attr] {
			t.Errorf("%s: got %s, want %s", s.Attr, got, want[s.Attr])
		}
		if !values[s.Attr].Type(t.Context()).Equal(s.AttrType()) {
			t.Errorf("%s: value of type %s, setting of type %s", s.Attr, values[s.Attr].Type(t.Context()), s.AttrType())
		}
	}
	if len(values) != len(testTable) {
		t.Errorf("%d values for %d settings: %v", len(values), len(testTable), values)
	}
}

func TestOverKeepsWhatAnAnswerLeavesOutAndNullsWhatItSendsAsNull(t *testing.T) {
	known, err := testTable.Over(nil, decode(t, fullDocument))
	if err != nil {
		t.Fatal(err)
	}
	known["ratio"] = types.Float64Unknown() // a plan's unknown is no value to keep
	later, err := testTable.Over(known, decode(t, `{"count": null, "config": {"speech": {}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if later["name"].String() != `"Front desk"` {
		t.Errorf("name left out of the answer became %s", later["name"])
	}
	if !later["count"].IsNull() {
		t.Errorf("count sent as null became %s", later["count"])
	}
	if !later["ratio"].IsNull() {
		t.Errorf("ratio left out, known only as unknown, became %s", later["ratio"])
	}
	if !later["stt"].Equal(known["stt"]) {
		t.Errorf("stt left out of config.speech became %s", later["stt"])
	}
	fresh, err := testTable.Over(nil, decode(t, `{}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range testTable {
		if !fresh[s.Attr].IsNull() || fresh[s.Attr].IsUnknown() {
			t.Errorf("%s of an empty answer with nothing known is %s, want null", s.Attr, fresh[s.Attr])
		}
	}
}

func TestOverRefusesValuesOfTheWrongShape(t *testing.T) {
	for doc, wantField := range map[string]string{
		`{"name": 1}`:                        "field name: is a number, expected a string",
		`{"enabled": "yes"}`:                 "field enabled: is a string, expected a boolean",
		`{"count": "3"}`:                     "field count: is a string, expected a whole number",
		`{"count": 1.5}`:                     "field count: is 1.5, expected a whole number",
		`{"ratio": true}`:                    "field ratio: is a boolean, expected a number",
		`{"tags": "a"}`:                      "field tags: is a string, expected a list of strings",
		`{"tags": ["a", 2]}`:                 "field tags: item 1 is a number, expected a string",
		`{"headers": []}`:                    "field headers: is a list, expected an object of strings",
		`{"headers": {"k": null}}`:           "field headers: k is null, expected a string",
		`{"config": {"speech": {"stt": 1}}}`: "field config.speech.stt: is a number, expected an object",
		`{"config": {"speech": {"stt": {"vendor": false}}}}`:     "field config.speech.stt: vendor is a boolean, expected a string",
		`{"config": {"speech": {"tts": {}}}}`:                    "field config.speech.tts: is an object, expected a list of objects",
		`{"config": {"speech": {"tts": [{"voice": "v"}, "x"]}}}`: "field config.speech.tts: item 1: is a string, expected an object",
	} {
		_, err := testTable.Over(nil, decode(t, doc))
		if err == nil || err.Error() != wantField {
			t.Errorf("%s: error %v, want %q", doc, err, wantField)
		}
	}
}

func TestWholeNumbersInAFloatFormAreWhole(t *testing.T) {
	values, err := testTable.Over(nil, decode(t, `{"count": 256.0}`))
	if err != nil {
		t.Fatal(err)
	}
	if wholeText(values["count"]) != "256" {
		t.Errorf("256.0 became %s", values["count"])
	}
	// From 2^53 on, a float no longer tells neighbouring whole numbers
	// apart, so the value it holds may not be the one the API meant.
	if v, err := testTable.Over(nil, decode(t, `{"count": 9007199254740991.0}`)); err != nil || wholeText(v["count"]) != "9007199254740991" {
		t.Errorf("2^53-1 as a float: %v, %v", v, err)
	}
	for _, big := range []string{"9007199254740992.0", "1e300"} {
		if _, err := testTable.Over(nil, decode(t, `{"count": `+big+`}`)); err == nil {
			t.Errorf("%s was taken as a whole number", big)
		}
	}
}

// wholeText prints a whole-number value exactly.
func wholeText(v attr.Value) string {
	n, ok := v.(types.Number)
	if !ok || n.IsNull() || n.IsUnknown() {
		return v.String()
	}
	return n.ValueBigFloat().Text('f', 0)
}

func TestDecodeDocumentNamesTheBrokenField(t *testing.T) {
	_, err := DecodeDocument(map[string]json.RawMessage{"name": []byte(`{`)})
	if err == nil || !strings.HasPrefix(err.Error(), "field name: ") {
		t.Errorf("error %v", err)
	}
	doc, err := DecodeDocument(map[string]json.RawMessage{"n": []byte(`12345678901234567890`)})
	if err != nil || as[json.Number](t, doc["n"]).String() != "12345678901234567890" {
		t.Errorf("a large number lost precision: %v %v", doc, err)
	}
}

func TestBodySendsEachGroupWholeFromThePlannedValues(t *testing.T) {
	planned, err := testTable.Over(nil, decode(t, fullDocument))
	if err != nil {
		t.Fatal(err)
	}
	planned["tags"] = types.ListNull(types.StringType)
	planned["ratio"] = types.Float64Unknown()
	body := testTable.Body([]string{"config", "tags", "ratio", "count"}, planned)
	got, _ := json.Marshal(body)
	want := `{"config":{"speech":{"stt":{"rate":16000,"vendor":"microsoft"},"tts":[{"voice":"v1"},{"voice":"v2"}]}},"count":3}`
	if string(got) != want {
		t.Errorf("body %s, want %s", got, want)
	}
	if len(testTable.Body(nil, planned)) != 0 {
		t.Error("a body of no groups is not empty")
	}
	partial := map[string]attr.Value{"name": types.StringValue("x")}
	if got, _ := json.Marshal(testTable.Body([]string{"name", "config"}, partial)); string(got) != `{"name":"x"}` {
		t.Errorf("values missing from the plan were sent: %s", got)
	}
}

func TestToJSONLeavesOutNullInnerAttributes(t *testing.T) {
	stt := setting(t, "stt")
	v := types.ObjectValueMust(innerTypes(stt.Inner), map[string]attr.Value{
		"vendor": types.StringValue("microsoft"), "rate": types.NumberNull(),
	})
	if got, _ := json.Marshal(stt.ToJSON(v)); string(got) != `{"vendor":"microsoft"}` {
		t.Errorf("got %s", got)
	}
	unknown := types.ObjectValueMust(innerTypes(stt.Inner), map[string]attr.Value{
		"vendor": types.StringUnknown(), "rate": types.NumberValue(big.NewFloat(8000)),
	})
	if got, _ := json.Marshal(stt.ToJSON(unknown)); string(got) != `{"rate":8000}` {
		t.Errorf("got %s", got)
	}
}

func TestSetAt(t *testing.T) {
	obj := SetAt(nil, []string{"speech", "stt"}, "a")
	obj = SetAt(obj, []string{"speech", "tts"}, "b")
	obj = SetAt(obj, []string{"other"}, 1)
	want := map[string]any{"speech": map[string]any{"stt": "a", "tts": "b"}, "other": 1}
	if !reflect.DeepEqual(obj, want) {
		t.Errorf("got %v", obj)
	}
	if SetAt(map[string]any{"x": 1}, nil, "whole") != "whole" {
		t.Error("an empty path does not replace the object")
	}
}

func TestSameComparesAsTheAPISeesIt(t *testing.T) {
	ratio := setting(t, "ratio")
	fromConfig := types.Float64Value(0.3)
	fromAnswer, err := ratio.FromJSON(json.Number("0.3"))
	if err != nil {
		t.Fatal(err)
	}
	if !ratio.Same(fromConfig, fromAnswer) {
		t.Error("0.3 from the configuration and 0.3 from an answer differ")
	}
	if ratio.Same(types.Float64Value(0.3), types.Float64Value(0.4)) {
		t.Error("0.3 and 0.4 are the same")
	}
	for _, c := range []struct {
		a, b attr.Value
		same bool
	}{
		{types.Float64Null(), types.Float64Null(), true},
		{types.Float64Null(), types.Float64Value(0), false},
		{types.Float64Value(0), types.Float64Null(), false},
		{types.Float64Unknown(), types.Float64Unknown(), true},
		{types.Float64Unknown(), types.Float64Value(1), false},
		{nil, types.Float64Value(1), false},
		{types.Float64Value(1), nil, false},
		{nil, nil, false},
	} {
		if got := ratio.Same(c.a, c.b); got != c.same {
			t.Errorf("Same(%v, %v) = %v", c.a, c.b, got)
		}
	}
}

func TestHoldsSecretsAtAnyDepth(t *testing.T) {
	if !setting(t, "headers").HoldsSecrets() {
		t.Error("a sensitive setting holds no secret")
	}
	nested := Setting{Attr: "webhook", Field: []string{"server"}, Kind: KindObject,
		Inner: []Setting{String("url", "url", ""), {Attr: "headers", Field: []string{"headers"}, Kind: KindStringMap, Sensitive: true}}}
	if !nested.HoldsSecrets() {
		t.Error("an object with a sensitive attribute holds no secret")
	}
	if setting(t, "stt").HoldsSecrets() || setting(t, "name").HoldsSecrets() {
		t.Error("a setting without sensitive parts holds a secret")
	}
}

func TestInGroupsKeepsTableOrder(t *testing.T) {
	var names []string
	for _, s := range testTable.InGroups([]string{"tags", "config", "name"}) {
		names = append(names, s.Attr)
	}
	if strings.Join(names, ",") != "name,tags,stt,tts" {
		t.Errorf("got %v", names)
	}
	if len(testTable.InGroups(nil)) != 0 {
		t.Error("no groups selected settings")
	}
}

func TestNullsAndNullOf(t *testing.T) {
	nulls := testTable.Nulls()
	if len(nulls) != len(testTable) {
		t.Fatalf("%d nulls for %d settings", len(nulls), len(testTable))
	}
	for _, s := range testTable {
		v := nulls[s.Attr]
		if !v.IsNull() || !v.Type(t.Context()).Equal(s.AttrType()) {
			t.Errorf("%s: %s of type %s", s.Attr, v, v.Type(t.Context()))
		}
	}
}

func TestFullyKnownLooksInside(t *testing.T) {
	stt := setting(t, "stt")
	inner := types.ObjectValueMust(innerTypes(stt.Inner), map[string]attr.Value{"vendor": types.StringUnknown(), "rate": types.NumberNull()})
	if FullyKnown(inner) {
		t.Error("an object with an unknown attribute is fully known")
	}
	if !FullyKnown(types.StringNull()) || !FullyKnown(types.StringValue("x")) {
		t.Error("a null or a string is not fully known")
	}
}

func TestLookup(t *testing.T) {
	doc := decode(t, `{"a": {"b": {"c": 1}}, "n": null, "s": "x"}`)
	if v, ok := Lookup(doc, []string{"a", "b", "c"}); !ok || as[json.Number](t, v).String() != "1" {
		t.Errorf("a.b.c: %v %v", v, ok)
	}
	for _, path := range [][]string{{"a", "x"}, {"s", "x"}, {"n", "x"}, {"missing"}} {
		if _, ok := Lookup(doc, path); ok {
			t.Errorf("%v is present", path)
		}
	}
	if v, ok := Lookup(doc, []string{"n"}); !ok || v != nil {
		t.Errorf("n sent as null: %v %v", v, ok)
	}
}

// A whole number goes out exactly, past 2^53 too, where a float64 would
// round it to its even neighbour.
func TestToJSONSendsWholeNumbersExactly(t *testing.T) {
	count := setting(t, "count")
	n, _, _ := big.ParseFloat("9007199254740993", 10, 512, big.ToNearestEven)
	if got, _ := json.Marshal(count.ToJSON(types.NumberValue(n))); string(got) != "9007199254740993" {
		t.Errorf("2^53+1 went out as %s", got)
	}
}
