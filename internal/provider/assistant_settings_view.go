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

// AssistantKnowledgeBaseIDsAttr is interactly_assistant's list of knowledge
// base IDs, which an export writes as references.
const AssistantKnowledgeBaseIDsAttr = "knowledge_base_ids"

// KnowledgeBaseSettings is the table of interactly_knowledge_base's plain
// settings (title, description, retrain_frequency_minutes).
func KnowledgeBaseSettings() settings.Table { return knowledgeBaseSettings }
