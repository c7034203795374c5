package provider

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// assistantOf maps a document to values, as the resource records it.
func assistantOf(t *testing.T, doc string) assistantValues {
	t.Helper()
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(doc), &fields); err != nil {
		t.Fatal(err)
	}
	values, err := settingsOver(nil, interactly.Assistant{ID: "asst-1", Fields: fields})
	if err != nil {
		t.Fatal(err)
	}
	values[attrAssistantID] = types.StringValue("asst-1")
	values[attrTeamID] = types.StringValue("team-1")
	return values
}

const knownAssistant = `{"name": "Front desk", "assistantMaxTokens": 256, "assistantTemperature": 0.3,
  "config": {"speech": {"stt": {"vendor": "microsoft", "languages": "en-US"}, "ttsData": [{"vendor": "eleven-labs", "voice": "v1"}]}},
  "assistantServer": {"enabled": true, "url": "https://hooks.example/a", "headers": {"X-Token": "secret-header"}}}`

func bodyJSON(t *testing.T, w assistantWrite) string {
	t.Helper()
	b, err := json.Marshal(w.body(w.groups()))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAssistantWriteSendsWhatThePlanChangesEachGroupWhole(t *testing.T) {
	known := assistantOf(t, knownAssistant)
	planned := assistantOf(t, knownAssistant)
	planned["max_tokens"] = types.Int64Value(512)
	planned["text_to_speech"] = types.ListUnknown(planned["text_to_speech"].Type(t.Context()).(types.ListType).ElemType)
	planned["speech_to_text"] = mustObject(t, planned["speech_to_text"], map[string]attr.Value{
		"vendor": types.StringValue("google"), "languages": types.StringValue("en-US"),
	})
	w := newAssistantWrite(planned, known, everySetting, nil, secretWithWebhook)
	if got := strings.Join(w.groups(), ","); got != "assistantMaxTokens,config" {
		t.Errorf("groups %s", got)
	}
	// config is sent whole: the changed speech_to_text with the
	// text_to_speech the plan left unknown, filled from what is known.
	want := `{"assistantMaxTokens":512,"config":{"speech":{"stt":{"languages":"en-US","vendor":"google"},` +
		`"ttsData":[{"vendor":"eleven-labs","voice":"v1"}]}}}`
	if got := bodyJSON(t, w); got != want {
		t.Errorf("body %s\nwant %s", got, want)
	}
	if none := newAssistantWrite(known, known, everySetting, nil, secretWithWebhook); len(none.groups()) != 0 {
		t.Errorf("an unchanged plan sends %v", none.groups())
	}
}

func TestAssistantWriteOfACreateEnforcesOnlyWhatIsConfigured(t *testing.T) {
	known := assistantOf(t, knownAssistant)
	planned := assistantOf(t, `{"name": "Reception", "assistantMaxTokens": 100}`)
	config := assistantValues{"name": types.StringValue("Reception"), "max_tokens": types.Int64Null()}
	w := newAssistantWrite(planned, known, configuredIn(config), nil, secretNow)
	if got := bodyJSON(t, w); got != `{"name":"Reception"}` {
		t.Errorf("body %s", got)
	}
}

func TestAssistantWriteNeverSendsANullSetting(t *testing.T) {
	known := assistantOf(t, knownAssistant)
	planned := assistantOf(t, knownAssistant)
	planned["name"] = types.StringNull()
	if got := newAssistantWrite(planned, known, everySetting, nil, secretWithWebhook).groups(); len(got) != 0 {
		t.Errorf("a null planned name is sent: %v", got)
	}
}

func TestAssistantWriteSendsTheSecretWithTheWebhook(t *testing.T) {
	known := assistantOf(t, knownAssistant)
	secret := "s3cret"
	// A new secret is sent on its own, inside the webhook sent whole.
	w := newAssistantWrite(known, known, everySetting, &secret, secretNow)
	want := `{"assistantServer":{"enabled":true,"headers":{"X-Token":"secret-header"},"secret":"s3cret","url":"https://hooks.example/a"}}`
	if got := bodyJSON(t, w); got != want {
		t.Errorf("body %s\nwant %s", got, want)
	}
	// An unchanged secret rides only with a webhook that is sent anyway.
	if got := newAssistantWrite(known, known, everySetting, &secret, secretWithWebhook).groups(); len(got) != 0 {
		t.Errorf("an unchanged secret is sent: %v", got)
	}
	planned := assistantOf(t, knownAssistant)
	planned["name"] = types.StringValue("Other")
	if got := bodyJSON(t, newAssistantWrite(planned, known, everySetting, &secret, secretWithWebhook)); got != `{"name":"Other"}` {
		t.Errorf("body %s", got)
	}
	// No secret to send: secretNow alone sends nothing.
	if got := newAssistantWrite(known, known, everySetting, nil, secretNow).groups(); len(got) != 0 {
		t.Errorf("no secret, yet %v is sent", got)
	}
	// A webhook without settings still carries its new secret.
	bare := assistantOf(t, `{"name": "Front desk"}`)
	if got := bodyJSON(t, newAssistantWrite(bare, bare, everySetting, &secret, secretNow)); got != `{"assistantServer":{"secret":"s3cret"}}` {
		t.Errorf("body %s", got)
	}
}

func TestAssistantWriteChecksTheAnswerWithoutShowingSecrets(t *testing.T) {
	known := assistantOf(t, knownAssistant)
	planned := assistantOf(t, knownAssistant)
	planned["max_tokens"] = types.Int64Value(512)
	planned["webhook"] = mustObject(t, planned["webhook"], map[string]attr.Value{
		"headers": types.MapValueMust(types.StringType, map[string]attr.Value{"X-Token": types.StringValue("new-header")}),
	})
	w := newAssistantWrite(planned, known, everySetting, nil, secretWithWebhook)
	groups := w.groups()

	same := interactly.Assistant{ID: "asst-1", Fields: map[string]json.RawMessage{
		"assistantMaxTokens": []byte(`512`),
		"assistantServer":    []byte(`{"enabled": true, "url": "https://hooks.example/a", "headers": {"X-Token": "new-header"}}`),
	}}
	answered, err := settingsOver(known, same)
	if err != nil {
		t.Fatal(err)
	}
	if diags := w.checkAnswer(groups, answered, same); diags.HasError() {
		t.Errorf("an answer that holds what was sent: %v", diags)
	}

	other := interactly.Assistant{ID: "asst-1", Fields: map[string]json.RawMessage{
		"assistantMaxTokens": []byte(`256`),
		"assistantServer":    []byte(`{"enabled": true, "url": "https://hooks.example/a", "headers": {"X-Token": "old-header"}}`),
	}}
	answered, err = settingsOver(known, other)
	if err != nil {
		t.Fatal(err)
	}
	diags := w.checkAnswer(groups, answered, other)
	if diags.ErrorsCount() != 2 {
		t.Fatalf("%d errors for two contradicted settings: %v", diags.ErrorsCount(), diags)
	}
	text := ""
	for _, d := range diags {
		text += d.Summary() + " " + d.Detail() + "\n"
	}
	if !strings.Contains(text, "The API did not apply max_tokens") || !strings.Contains(text, "sent 512; the API answered 256") {
		t.Errorf("max_tokens contradiction not explained: %s", text)
	}
	if strings.Contains(text, "new-header") || strings.Contains(text, "old-header") {
		t.Errorf("a webhook header reached an error: %s", text)
	}

	// A setting the answer leaves out says nothing.
	silent := interactly.Assistant{ID: "asst-1", Fields: map[string]json.RawMessage{}}
	answered, _ = settingsOver(known, silent)
	if diags := w.checkAnswer(groups, answered, silent); diags.HasError() {
		t.Errorf("an answer that leaves the settings out: %v", diags)
	}
}

func TestAssistantWriteResultIsThePlanWithTheAnsweredTeam(t *testing.T) {
	known := assistantOf(t, knownAssistant)
	known[attrTeamID] = types.StringNull() // an answer that did not name the team
	planned := assistantOf(t, knownAssistant)
	planned[attrTeamID] = types.StringUnknown()
	w := newAssistantWrite(planned, known, everySetting, nil, secretWithWebhook)
	answered := assistantValues{attrTeamID: types.StringValue("team-2"), "name": types.StringValue("Changed since")}
	got := w.result(answered)
	if got[attrTeamID].String() != `"team-2"` {
		t.Errorf("team %s", got[attrTeamID])
	}
	if got["name"].String() != `"Front desk"` {
		t.Errorf("the result takes %s from the answer, not the plan", got["name"])
	}
	planned[attrTeamID] = types.StringValue("team-1")
	if got := newAssistantWrite(planned, known, everySetting, nil, secretWithWebhook).result(answered); got[attrTeamID].String() != `"team-1"` {
		t.Errorf("a known team was replaced by %s", got[attrTeamID])
	}
}

func TestStringPointer(t *testing.T) {
	if p := stringPointer(types.StringValue("x")); p == nil || *p != "x" {
		t.Errorf("got %v", p)
	}
	for _, v := range []attr.Value{types.StringNull(), types.StringUnknown(), types.Int64Value(1), nil} {
		if p := stringPointer(v); p != nil {
			t.Errorf("%v: got %q", v, *p)
		}
	}
}

// mustObject is o with the given attributes replaced.
func mustObject(t *testing.T, o attr.Value, with map[string]attr.Value) types.Object {
	t.Helper()
	obj, ok := o.(types.Object)
	if !ok {
		t.Fatalf("%T is not an object", o)
	}
	attrs := obj.Attributes()
	merged := make(map[string]attr.Value, len(attrs))
	for k, v := range attrs {
		merged[k] = v
	}
	for k, v := range with {
		merged[k] = v
	}
	out, diags := types.ObjectValue(obj.AttributeTypes(t.Context()), merged)
	if diags.HasError() {
		t.Fatal(diags)
	}
	return out
}
