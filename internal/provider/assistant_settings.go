package provider

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// settingKind is the Terraform shape of an assistant setting.
type settingKind int

const (
	kindString settingKind = iota
	kindBool
	kindInt
	kindFloat
	kindStringList
	kindStringMap
	kindObject     // a nested object: inner holds its attributes
	kindObjectList // a list of nested objects: inner holds their attributes
)

// assistantSetting maps one attribute of interactly_assistant (and of its
// data source) to a field of the API's assistant document. The resource's
// and the data source's schemas, the mapping from a document to Terraform
// values and the PATCH body are all built from assistantSettings, so an
// attribute is added in one place.
type assistantSetting struct {
	attr  string   // Terraform attribute name
	field []string // JSON path in the document; inner settings have one element
	kind  settingKind
	desc  string
	inner []assistantSetting
	// sensitive hides the value in plans and output.
	sensitive bool
	// Validators, on the resource only. The docs disagree about some value
	// sets (welcome message modes, models), so only what cannot be wrong is
	// checked: URLs, non-negative numbers.
	stringValidators  []validator.String
	int64Validators   []validator.Int64
	float64Validators []validator.Float64
}

// group is the top-level document field a setting lives in: the unit a
// PATCH sends. Settings that share one (config) are sent together.
func (s assistantSetting) group() string { return s.field[0] }

// httpURLOrEmpty accepts an http or https URL, or "" (which clears the setting).
func httpURLOrEmpty() validator.String {
	return stringvalidator.RegexMatches(regexp.MustCompile(`^(https?://[^\s/?#]+[^\s]*)?$`),
		"must be an http:// or https:// URL, or empty")
}

func nonNegativeInt() []validator.Int64 { return []validator.Int64{int64validator.AtLeast(0)} }

func nonNegativeFloat() []validator.Float64 { return []validator.Float64{float64validator.AtLeast(0)} }

func str(attrName, field, desc string) assistantSetting {
	return assistantSetting{attr: attrName, field: []string{field}, kind: kindString, desc: desc}
}

func boolean(attrName, field, desc string) assistantSetting {
	return assistantSetting{attr: attrName, field: []string{field}, kind: kindBool, desc: desc}
}

func whole(attrName, field, desc string) assistantSetting {
	return assistantSetting{attr: attrName, field: []string{field}, kind: kindInt, desc: desc, int64Validators: nonNegativeInt()}
}

func decimal(attrName, field, desc string) assistantSetting {
	return assistantSetting{attr: attrName, field: []string{field}, kind: kindFloat, desc: desc, float64Validators: nonNegativeFloat()}
}

func stringList(attrName, field, desc string) assistantSetting {
	return assistantSetting{attr: attrName, field: []string{field}, kind: kindStringList, desc: desc}
}

// assistantSettings are the settings the provider manages, in the order of
// the docs' example body.
var assistantSettings = []assistantSetting{
	str("name", "name", "The assistant's name."),
	str("welcome_message", "welcomeMessage", "The first message of a call."),
	str("welcome_message_mode", "welcomeMessageMode", "Who speaks first: for example `assistant-speaks-first`, "+
		"`assistant-waits-for-user` or `automatic` (the API's docs disagree on the list, so any value is passed on)."),
	boolean("welcome_message_interruptions_enabled", "welcomeMessageInterruptionsEnabled", "Whether the caller can interrupt the welcome message."),
	str("llm_provider", "assistantProvider", "The language model's provider, such as `openai`, `azure`, `gemini`, `deepseek`, `bedrock` or `custom-llm`."),
	str("model", "assistantModel", "The language model, such as `gpt-4o-mini` (any value is passed on: the API's lists are out of date)."),
	{attr: "llm_url", field: []string{"assistantLLMUrl"}, kind: kindString,
		desc:             "Base URL of the language model when `llm_provider` is `custom-llm` (the API appends `/chat/completions`). An empty string clears it.",
		stringValidators: []validator.String{httpURLOrEmpty()}},
	str("system_prompt", "assistantSystemPrompt", "The system prompt."),
	decimal("temperature", "assistantTemperature", "The language model's temperature (not negative)."),
	whole("max_tokens", "assistantMaxTokens", "The most tokens of one answer (not negative)."),
	str("response_splitter", "assistantResponseSplitter", "The delimiter that splits answers into lines, such as `\",\"`."),
	{attr: "speech_to_text", field: []string{"config", "speech", "stt"}, kind: kindObject,
		desc: "The speech-to-text setting (`config.speech.stt` in the API).",
		inner: []assistantSetting{
			str("vendor", "vendor", "The speech-to-text vendor, such as `microsoft`."),
			str("languages", "languages", "The language(s) to recognise, such as `en-US`."),
		}},
	{attr: "text_to_speech", field: []string{"config", "speech", "ttsData"}, kind: kindObjectList,
		desc: "The text-to-speech settings (`config.speech.ttsData` in the API), one or more.",
		inner: []assistantSetting{
			str("vendor", "vendor", "The text-to-speech vendor, such as `eleven-labs`."),
			str("language", "language", "The language, such as `en-US`."),
			str("voice", "voice", "The vendor's voice ID."),
		}},
	stringList("hints", "hints", "Keyword hints for transcription."),
	str("background_sound", "backgroundSound", "The background sound, such as `enable`."),
	whole("background_sound_volume", "backgroundSoundVolume", "The background sound's volume (not negative; `50` in the API's example)."),
	boolean("backchanneling_enabled", "assistantBackchannelingEnabled", "Whether the assistant backchannels (\"mm-hmm\") while the caller speaks."),
	boolean("dtmf_input_enabled", "dtmfInputEnabled", "Whether keypad (DTMF) input is enabled."),
	whole("max_call_duration", "maxCallDuration", "The longest call, in seconds."),
	whole("idle_timeout", "idleTimeout", "Seconds of silence before the assistant speaks up."),
	whole("max_idle_messages_in_sequence", "maxIdleMessagesInSequence", "How many idle messages in a row before the call ends."),
	{attr: "start_speaking_options", field: []string{"startSpeakingOptions"}, kind: kindObject,
		desc: "When the assistant starts speaking (`startSpeakingOptions` in the API).",
		inner: []assistantSetting{
			decimal("wait_seconds", "waitSeconds", "Seconds to wait before speaking."),
			str("smart_endpointing", "smartEndpointing", "The end-of-turn detection, such as `Interactly`."),
			decimal("on_punctuation_seconds", "onPunctuationSeconds", "Seconds to wait after punctuation."),
			decimal("on_no_punctuation_seconds", "onNoPunctuationSeconds", "Seconds to wait without punctuation."),
			decimal("on_number_seconds", "onNumberSeconds", "Seconds to wait after a number."),
			decimal("livekit_base_value", "LiveKitBaseValue", "LiveKit's base value."),
			decimal("livekit_scale_value", "LiveKitScaleValue", "LiveKit's scale value."),
		}},
	{attr: "stop_speaking_options", field: []string{"stopSpeakingOptions"}, kind: kindObject,
		desc: "When the assistant stops speaking because the caller talks (`stopSpeakingOptions` in the API).",
		inner: []assistantSetting{
			whole("number_of_words", "numberOfWords", "Words of the caller that stop the assistant."),
			decimal("voice_seconds", "voiceSeconds", "Seconds of the caller's voice that stop the assistant."),
		}},
	stringList("tool_ids", "assistantToolIds", "IDs of the tools the assistant may call."),
	{attr: "predefined_tools", field: []string{"assistantPredefinedTools"}, kind: kindObject,
		desc: "The predefined tools the assistant may use (`assistantPredefinedTools` in the API).",
		inner: []assistantSetting{
			boolean("knowledge_base", "knowledgeBase", "Knowledge base lookups."),
			boolean("end_call", "endCall", "Ending the call."),
			boolean("appointment", "appointment", "Appointments."),
			boolean("volume_control", "volumeControl", "Volume control."),
			boolean("wait_list", "waitList", "The wait list."),
			boolean("call_forward", "callForward", "Call forwarding."),
		}},
	stringList("knowledge_base_ids", "assistantKnowledgeBaseIds", "IDs of the knowledge bases the assistant uses."),
	str("end_call_message", "endCallMessage", "The last message of a call the assistant ends."),
	str("end_call_tool_description", "endCallToolDescription", "When the assistant should end the call, as told to the model."),
	stringList("end_call_phrases", "endCallPhrases", "Phrases that end the call."),
	{attr: "webhook", field: []string{webhookField}, kind: kindObject,
		desc: "The webhook the assistant calls during and after calls (`assistantServer` in the API). Its secret is set with " +
			"`webhook_secret` or `webhook_secret_wo`.",
		inner: []assistantSetting{
			boolean("enabled", "enabled", "Whether the webhook is called. The API requires it whenever the webhook is sent."),
			{attr: "url", field: []string{"url"}, kind: kindString, desc: "The webhook's URL; the API requires it when `enabled` is true.",
				stringValidators: []validator.String{httpURLOrEmpty()}},
			{attr: "timeout_seconds", field: []string{"timeoutSeconds"}, kind: kindInt, desc: "Seconds the API waits for the webhook (20 by default in the API).",
				int64Validators: []validator.Int64{int64validator.AtLeast(1)}},
			{attr: "headers", field: []string{"headers"}, kind: kindStringMap, sensitive: true,
				desc: "Headers sent with every webhook request, usually credentials of your server: sensitive, never logged."},
			stringList("messages", "messages", "The messages sent: `status-update`, `conversation-update`, `end-of-call-report`, `hang`, `error`."),
		}},
}

// webhookField is the document field of the webhook, which also carries the
// secret that no answer shows.
const webhookField = "assistantServer"

// attrType is the Terraform type of the setting's values.
func (s assistantSetting) attrType() attr.Type {
	switch s.kind {
	case kindBool:
		return types.BoolType
	case kindInt:
		return types.Int64Type
	case kindFloat:
		return types.Float64Type
	case kindStringList:
		return types.ListType{ElemType: types.StringType}
	case kindStringMap:
		return types.MapType{ElemType: types.StringType}
	case kindObject:
		return types.ObjectType{AttrTypes: innerTypes(s.inner)}
	case kindObjectList:
		return types.ListType{ElemType: types.ObjectType{AttrTypes: innerTypes(s.inner)}}
	default:
		return types.StringType
	}
}

func innerTypes(inner []assistantSetting) map[string]attr.Type {
	out := make(map[string]attr.Type, len(inner))
	for _, s := range inner {
		out[s.attr] = s.attrType()
	}
	return out
}
