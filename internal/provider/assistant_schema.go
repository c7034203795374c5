package provider

import (
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// The schemas of interactly_assistant and of its data source are built from
// assistantSettings. On the resource every setting is optional: set means
// enforced, omitted means left as it is in Interactly and recorded from the
// API. On the data source every setting is read-only.

const omittedSettingNote = " When omitted, it is left as it is in Interactly and recorded in state (null while the API has never reported it)."

// resourceSettingAttributes are the resource's attributes of settings.
func resourceSettingAttributes() map[string]schema.Attribute {
	return assistantSettings.ResourceAttributes(omittedSettingNote)
}

// dataSourceSettingAttributes are the data source's read-only attributes of
// settings.
func dataSourceSettingAttributes() map[string]dschema.Attribute {
	return assistantSettings.DataSourceAttributes()
}
