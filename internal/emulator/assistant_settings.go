package emulator

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
)

// assistantSettings is what PATCH /assistants/v1/assistants/{id} accepts:
// the fields of the docs' example body and of the webhooks guide, each
// optional. Decoding it strictly rejects unknown fields and wrong types.
type assistantSettings struct {
	Name                               *string          `json:"name"`
	WelcomeMessage                     *string          `json:"welcomeMessage"`
	WelcomeMessageMode                 *string          `json:"welcomeMessageMode"`
	WelcomeMessageInterruptionsEnabled *bool            `json:"welcomeMessageInterruptionsEnabled"`
	AssistantProvider                  *string          `json:"assistantProvider"`
	AssistantModel                     *string          `json:"assistantModel"`
	AssistantLLMURL                    *string          `json:"assistantLLMUrl"`
	AssistantSystemPrompt              *string          `json:"assistantSystemPrompt"`
	AssistantTemperature               *float64         `json:"assistantTemperature"`
	AssistantMaxTokens                 *int64           `json:"assistantMaxTokens"`
	AssistantResponseSplitter          *string          `json:"assistantResponseSplitter"`
	Config                             *assistantConfig `json:"config"`
	Hints                              []string         `json:"hints"`
	BackgroundSound                    *string          `json:"backgroundSound"`
	BackgroundSoundVolume              *float64         `json:"backgroundSoundVolume"`
	AssistantBackchannelingEnabled     *bool            `json:"assistantBackchannelingEnabled"`
	DTMFInputEnabled                   *bool            `json:"dtmfInputEnabled"`
	MaxCallDuration                    *int64           `json:"maxCallDuration"`
	IdleTimeout                        *int64           `json:"idleTimeout"`
	MaxIdleMessagesInSequence          *int64           `json:"maxIdleMessagesInSequence"`
	StartSpeakingOptions               map[string]any   `json:"startSpeakingOptions"`
	StopSpeakingOptions                map[string]any   `json:"stopSpeakingOptions"`
	AssistantToolIDs                   []string         `json:"assistantToolIds"`
	AssistantPredefinedTools           *predefinedTools `json:"assistantPredefinedTools"`
	AssistantKnowledgeBaseIDs          []string         `json:"assistantKnowledgeBaseIds"`
	EndCallMessage                     *string          `json:"endCallMessage"`
	EndCallToolDescription             *string          `json:"endCallToolDescription"`
	EndCallPhrases                     []string         `json:"endCallPhrases"`
	AssistantServer                    *assistantServer `json:"assistantServer"`
}

type assistantConfig struct {
	Speech *struct {
		STT *struct {
			Vendor    *string `json:"vendor"`
			Languages *string `json:"languages"`
		} `json:"stt"`
		TTSData []struct {
			Vendor   *string `json:"vendor"`
			Language *string `json:"language"`
			Voice    *string `json:"voice"`
		} `json:"ttsData"`
	} `json:"speech"`
}

type predefinedTools struct {
	KnowledgeBase *bool `json:"knowledgeBase"`
	EndCall       *bool `json:"endCall"`
	Appointment   *bool `json:"appointment"`
	VolumeControl *bool `json:"volumeControl"`
	WaitList      *bool `json:"waitList"`
	CallForward   *bool `json:"callForward"`
}

type assistantServer struct {
	Enabled        *bool             `json:"enabled"`
	URL            *string           `json:"url"`
	TimeoutSeconds *int64            `json:"timeoutSeconds"`
	Secret         *string           `json:"secret"`
	Headers        map[string]string `json:"headers"`
	Messages       []string          `json:"messages"`
}

// webhookMessages are the messages the webhooks guide lists.
var webhookMessages = []string{"status-update", "conversation-update", "end-of-call-report", "hang", "error"}

// acceptedAssistantFields names the fields a PATCH accepts, for messages.
const acceptedAssistantFields = "the assistant's settings (name, welcomeMessage, ..., endCallPhrases, assistantServer); " +
	"_id, teamId, bargeInEnabled, callForwardData and assistantAnalysis cannot be changed"

// parseAssistantSettings decodes and checks a PATCH body. Messages never
// quote the webhook's secret or headers.
func parseAssistantSettings(body []byte) error {
	var s assistantSettings
	if err := decodeStrict(bytes.NewReader(body), &s); err != nil {
		return err
	}
	return s.check()
}

// check rejects what the docs say cannot be: negative counts and durations,
// a webhook without "enabled", an enabled webhook without a URL, and webhook
// messages the guide does not list. Values the docs disagree about (welcome
// message modes, models) are accepted.
func (s assistantSettings) check() error {
	var errs []error
	for name, v := range map[string]*int64{
		"assistantMaxTokens": s.AssistantMaxTokens, "maxCallDuration": s.MaxCallDuration,
		"idleTimeout": s.IdleTimeout, "maxIdleMessagesInSequence": s.MaxIdleMessagesInSequence,
	} {
		if v != nil && *v < 0 {
			errs = append(errs, fmt.Errorf("%s must not be negative, got %d", name, *v))
		}
	}
	if v := s.BackgroundSoundVolume; v != nil && (*v < 0 || *v > 100) {
		errs = append(errs, fmt.Errorf("backgroundSoundVolume must be between 0 and 100, got %g", *v))
	}
	if server := s.AssistantServer; server != nil {
		switch {
		case server.Enabled == nil:
			errs = append(errs, errors.New("assistantServer.enabled is required"))
		case *server.Enabled && (server.URL == nil || *server.URL == ""):
			errs = append(errs, errors.New("assistantServer.url is required when assistantServer.enabled is true"))
		}
		if t := server.TimeoutSeconds; t != nil && *t <= 0 {
			errs = append(errs, fmt.Errorf("assistantServer.timeoutSeconds must be positive, got %d", *t))
		}
		for _, m := range server.Messages {
			if !slices.Contains(webhookMessages, m) {
				errs = append(errs, fmt.Errorf("assistantServer.messages: unknown message %q; the messages are %v", m, webhookMessages))
			}
		}
	}
	return errors.Join(errs...)
}
