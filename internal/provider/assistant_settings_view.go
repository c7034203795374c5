package provider

import "github.com/interactly/terraform-provider-interactly/internal/provider/settings"

// Tools outside the provider (cmd/interactly-export) write configuration
// for interactly_assistant. They read the settings from the table that
// builds the schema, so an attribute's name and its document field are
// written down once.

// Attributes of interactly_assistant that are not settings, for writers of
// its configuration.
const (
	AssistantIDAttr            = attrAssistantID
	AssistantWebhookSecretAttr = attrWebhookSecret
	AssistantWebhookAttr       = "webhook"
	AssistantSystemPromptAttr  = "system_prompt"
)

// AssistantSettings is the table of interactly_assistant's settings.
func AssistantSettings() settings.Table { return assistantSettings }
