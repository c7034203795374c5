package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Assistant is an assistant document as the emulator stores it: every field
// by its API name, nested settings as JSON objects. The API's docs show the
// document only by example and it has dozens of settings, so the emulator
// keeps it as the API would send it, and checks what a PATCH may change
// against assistantSettings.
type Assistant map[string]any

// ID is the assistant's _id.
func (a Assistant) ID() string { s, _ := a["_id"].(string); return s }

// TeamID is the team that owns the assistant.
func (a Assistant) TeamID() string { s, _ := a["teamId"].(string); return s }

// clone copies a deeply enough that changing the copy (its nested objects
// included) never changes a.
func (a Assistant) clone() Assistant {
	data, _ := json.Marshal(a)
	var out Assistant
	_ = decodeJSONNumbers(data, &out)
	return out
}

// public is the document as answers show it: without the webhook's secret,
// which the API takes but, the emulator assumes, never sends back.
func (a Assistant) public() Assistant {
	out := a.clone()
	if server, ok := out["assistantServer"].(map[string]any); ok {
		delete(server, "secret")
	}
	return out
}

// webhookSecret is the secret the webhook's assistantServer holds, "" when none.
func (a Assistant) webhookSecret() string {
	server, _ := a["assistantServer"].(map[string]any)
	s, _ := server["secret"].(string)
	return s
}

// withDefaults fills the team of a seeded assistant that names none.
func (a Assistant) withDefaults(teamID string) Assistant {
	out := a.clone()
	if out.TeamID() == "" {
		out["teamId"] = teamID
	}
	return out
}

// check validates a seeded assistant as a PATCH would validate its settings;
// the read-only fields the docs' examples show (bargeInEnabled,
// callForwardData, assistantAnalysis) are allowed too.
func (a Assistant) check() error {
	if a.ID() == "" {
		return fmt.Errorf("_id is empty or not a string")
	}
	settings := a.clone()
	for _, readOnly := range []string{"_id", "teamId", "bargeInEnabled", "callForwardData", "assistantAnalysis"} {
		delete(settings, readOnly)
	}
	data, _ := json.Marshal(settings)
	return parseAssistantSettings(data)
}

// generatedAssistant is the document of an assistant a seed lists by ID
// only: as rich as the docs' example, with the ID in its name and prompt so
// that assistants differ.
func generatedAssistant(id, teamID string) Assistant {
	doc := `{
  "name": "Assistant ` + id + `",
  "welcomeMessage": "Hello! How can I help you?",
  "welcomeMessageMode": "assistant-speaks-first",
  "welcomeMessageInterruptionsEnabled": false,
  "assistantProvider": "openai",
  "assistantModel": "gpt-4o-mini",
  "assistantLLMUrl": "",
  "assistantSystemPrompt": "You are AI assistant ` + id + `. Answer briefly and politely.",
  "assistantTemperature": 0,
  "assistantMaxTokens": 256,
  "assistantResponseSplitter": ",",
  "config": {"speech": {"stt": {"vendor": "microsoft", "languages": "en-US"},
    "ttsData": [{"vendor": "eleven-labs", "language": "en-US", "voice": "ZeK6O9RfGNGj0cJT2HoJ"}]}},
  "hints": ["Interactly"],
  "backgroundSound": "enable",
  "backgroundSoundVolume": 50,
  "assistantBackchannelingEnabled": false,
  "dtmfInputEnabled": false,
  "maxCallDuration": 900,
  "idleTimeout": 20,
  "maxIdleMessagesInSequence": 3,
  "startSpeakingOptions": {"waitSeconds": 0, "smartEndpointing": "Interactly", "onPunctuationSeconds": 0,
    "onNoPunctuationSeconds": 0, "onNumberSeconds": 0, "LiveKitBaseValue": 100, "LiveKitScaleValue": 1000},
  "stopSpeakingOptions": {"numberOfWords": 3, "voiceSeconds": 0},
  "assistantToolIds": [],
  "assistantPredefinedTools": {"knowledgeBase": false, "endCall": true, "appointment": false,
    "volumeControl": false, "waitList": false, "callForward": false},
  "assistantKnowledgeBaseIds": [],
  "endCallMessage": "Goodbye!",
  "endCallToolDescription": "Trigger the end call only when the caller says goodbye.",
  "endCallPhrases": ["goodbye", "bye"],
  "assistantServer": {"enabled": false, "url": "", "timeoutSeconds": 20, "headers": {}, "messages": ["end-of-call-report"]},
  "bargeInEnabled": true,
  "callForwardData": [],
  "assistantAnalysis": {"summaryPrompt": "Summarise the call in two sentences."}
}`
	var a Assistant
	if err := decodeJSONNumbers([]byte(doc), &a); err != nil {
		panic("emulator: generated assistant: " + err.Error())
	}
	a["_id"] = id
	a["teamId"] = teamID
	return a
}

// decodeJSONNumbers decodes JSON keeping numbers as json.Number, so that an
// integer stays an integer when the document is sent again.
func decodeJSONNumbers(data []byte, out any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(out)
}
