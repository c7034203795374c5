package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// The settings of interactly_assistant (and of its data source), described
// once: the resource's and the data source's schemas, the mapping from an
// assistant document to Terraform values and the PATCH body are all built
// from this table by the settings engine. The docs disagree about some value
// sets (welcome message modes, models), so only what cannot be wrong is
// validated: URLs, non-negative numbers.

// assistantSettings are the settings the provider manages, in the order of
// the docs' example body.
var assistantSettings = settings.Table{
	settings.String("name", "name", "The assistant's name."),
	settings.String("welcome_message", "welcomeMessage", "The first message of a call."),
	settings.String("welcome_message_mode", "welcomeMessageMode", "Who speaks first: for example `assistant-speaks-first`, "+
		"`assistant-waits-for-user` or `automatic` (the API's docs disagree on the list, so any value is passed on)."),
	settings.Bool("welcome_message_interruptions_enabled", "welcomeMessageInterruptionsEnabled", "Whether the caller can interrupt the welcome message."),
	settings.String("llm_provider", "assistantProvider", "The language model's provider, such as `openai`, `azure`, `gemini`, `deepseek`, `bedrock` or `custom-llm`."),
	settings.String("model", "assistantModel", "The language model, such as `gpt-4o-mini` (any value is passed on: the API's lists are out of date)."),
	{Attr: "llm_url", Field: []string{"assistantLLMUrl"}, Kind: settings.KindString,
		Desc:             "Base URL of the language model when `llm_provider` is `custom-llm` (the API appends `/chat/completions`). An empty string clears it.",
		StringValidators: []validator.String{settings.HTTPURLOrEmpty()}},
	settings.String("system_prompt", "assistantSystemPrompt", "The system prompt."),
	settings.Decimal("temperature", "assistantTemperature", "The language model's temperature (not negative)."),
	settings.Whole("max_tokens", "assistantMaxTokens", "The most tokens of one answer (not negative)."),
	settings.String("response_splitter", "assistantResponseSplitter", "The delimiter that splits answers into lines, such as `\",\"`."),
	{Attr: "speech_to_text", Field: []string{"config", "speech", "stt"}, Kind: settings.KindObject,
		Desc: "The speech-to-text setting (`config.speech.stt` in the API).",
		Inner: []settings.Setting{
			settings.String("vendor", "vendor", "The speech-to-text vendor, such as `microsoft`."),
			settings.String("languages", "languages", "The language(s) to recognise, such as `en-US`."),
		}},
	{Attr: "text_to_speech", Field: []string{"config", "speech", "ttsData"}, Kind: settings.KindObjectList,
		Desc: "The text-to-speech settings (`config.speech.ttsData` in the API), one or more.",
		Inner: []settings.Setting{
			settings.String("vendor", "vendor", "The text-to-speech vendor, such as `eleven-labs`."),
			settings.String("language", "language", "The language, such as `en-US`."),
			settings.String("voice", "voice", "The vendor's voice ID."),
		}},
	settings.StringList("hints", "hints", "Keyword hints for transcription."),
	settings.String("background_sound", "backgroundSound", "The background sound, such as `enable`."),
	settings.Whole("background_sound_volume", "backgroundSoundVolume", "The background sound's volume (not negative; `50` in the API's example)."),
	settings.Bool("backchanneling_enabled", "assistantBackchannelingEnabled", "Whether the assistant backchannels (\"mm-hmm\") while the caller speaks."),
	settings.Bool("dtmf_input_enabled", "dtmfInputEnabled", "Whether keypad (DTMF) input is enabled."),
	settings.Whole("max_call_duration", "maxCallDuration", "The longest call, in seconds."),
	settings.Whole("idle_timeout", "idleTimeout", "Seconds of silence before the assistant speaks up."),
	settings.Whole("max_idle_messages_in_sequence", "maxIdleMessagesInSequence", "How many idle messages in a row before the call ends."),
	{Attr: "start_speaking_options", Field: []string{"startSpeakingOptions"}, Kind: settings.KindObject,
		Desc: "When the assistant starts speaking (`startSpeakingOptions` in the API).",
		Inner: []settings.Setting{
			settings.Decimal("wait_seconds", "waitSeconds", "Seconds to wait before speaking."),
			settings.String("smart_endpointing", "smartEndpointing", "The end-of-turn detection, such as `Interactly`."),
			settings.Decimal("on_punctuation_seconds", "onPunctuationSeconds", "Seconds to wait after punctuation."),
			settings.Decimal("on_no_punctuation_seconds", "onNoPunctuationSeconds", "Seconds to wait without punctuation."),
			settings.Decimal("on_number_seconds", "onNumberSeconds", "Seconds to wait after a number."),
			settings.Decimal("livekit_base_value", "LiveKitBaseValue", "LiveKit's base value."),
			settings.Decimal("livekit_scale_value", "LiveKitScaleValue", "LiveKit's scale value."),
		}},
	{Attr: "stop_speaking_options", Field: []string{"stopSpeakingOptions"}, Kind: settings.KindObject,
		Desc: "When the assistant stops speaking because the caller talks (`stopSpeakingOptions` in the API).",
		Inner: []settings.Setting{
			settings.Whole("number_of_words", "numberOfWords", "Words of the caller that stop the assistant."),
			settings.Decimal("voice_seconds", "voiceSeconds", "Seconds of the caller's voice that stop the assistant."),
		}},
	settings.StringList("tool_ids", "assistantToolIds", "IDs of the tools the assistant may call."),
	{Attr: "predefined_tools", Field: []string{"assistantPredefinedTools"}, Kind: settings.KindObject,
		Desc: "The predefined tools the assistant may use (`assistantPredefinedTools` in the API).",
		Inner: []settings.Setting{
			settings.Bool("knowledge_base", "knowledgeBase", "Knowledge base lookups."),
			settings.Bool("end_call", "endCall", "Ending the call."),
			settings.Bool("appointment", "appointment", "Appointments."),
			settings.Bool("volume_control", "volumeControl", "Volume control."),
			settings.Bool("wait_list", "waitList", "The wait list."),
			settings.Bool("call_forward", "callForward", "Call forwarding."),
		}},
	settings.StringList("knowledge_base_ids", "assistantKnowledgeBaseIds", "IDs of the knowledge bases the assistant uses."),
	settings.String("end_call_message", "endCallMessage", "The last message of a call the assistant ends."),
	settings.String("end_call_tool_description", "endCallToolDescription", "When the assistant should end the call, as told to the model."),
	settings.StringList("end_call_phrases", "endCallPhrases", "Phrases that end the call."),
	{Attr: "webhook", Field: []string{webhookField}, Kind: settings.KindObject,
		Desc: "The webhook the assistant calls during and after calls (`assistantServer` in the API). Its secret is set with " +
			"`webhook_secret` or `webhook_secret_wo`.",
		Inner: []settings.Setting{
			settings.Bool("enabled", "enabled", "Whether the webhook is called. The API requires it whenever the webhook is sent."),
			{Attr: "url", Field: []string{"url"}, Kind: settings.KindString, Desc: "The webhook's URL; the API requires it when `enabled` is true.",
				StringValidators: []validator.String{settings.HTTPURLOrEmpty()}},
			{Attr: "timeout_seconds", Field: []string{"timeoutSeconds"}, Kind: settings.KindInt, Desc: "Seconds the API waits for the webhook (20 by default in the API).",
				Int64Validators: []validator.Int64{int64validator.AtLeast(1)}},
			{Attr: "headers", Field: []string{"headers"}, Kind: settings.KindStringMap, Sensitive: true,
				Desc: "Headers sent with every webhook request, usually credentials of your server: sensitive, never logged."},
			settings.StringList("messages", "messages", "The messages sent: `status-update`, `conversation-update`, `end-of-call-report`, `hang`, `error`."),
		}},
}

// webhookField is the document field of the webhook, which also carries the
// secret that no answer shows.
const webhookField = "assistantServer"
