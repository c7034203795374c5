package provider

// Tools outside the provider (cmd/interactly-export) write configuration
// for interactly_assistant. They read the settings from the same table that
// builds the schema, so an attribute's name and its document field are
// written down once.

// SettingKind is the Terraform shape of a setting, as SettingView reports it.
type SettingKind int

// The shapes a setting can have.
const (
	SettingString SettingKind = iota
	SettingBool
	SettingInt
	SettingFloat
	SettingStringList
	SettingStringMap
	SettingObject     // a nested object: Inner holds its attributes
	SettingObjectList // a list of nested objects: Inner holds their attributes
)

// SettingView is a read-only copy of one row of the assistant's settings table.
type SettingView struct {
	Attr      string   // the attribute of interactly_assistant
	Field     []string // the JSON path in the assistant document
	Kind      SettingKind
	Sensitive bool
	Inner     []SettingView
}

// Attributes of interactly_assistant that are not settings, for writers of
// its configuration.
const (
	AssistantIDAttr            = attrAssistantID
	AssistantWebhookSecretAttr = attrWebhookSecret
	AssistantWebhookAttr       = "webhook"
	AssistantSystemPromptAttr  = "system_prompt"
)

// AssistantSettings describes every setting of interactly_assistant, in the
// table's order.
func AssistantSettings() []SettingView { return viewsOf(assistantSettings) }

func viewsOf(settings []assistantSetting) []SettingView {
	out := make([]SettingView, len(settings))
	for i, s := range settings {
		out[i] = SettingView{Attr: s.attr, Field: append([]string(nil), s.field...), Kind: SettingKind(s.kind),
			Sensitive: s.sensitive, Inner: viewsOf(s.inner)}
	}
	return out
}
