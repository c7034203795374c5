package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Descriptions of the number document's attributes, shared by every schema
// that shows a number so the docs say the same thing everywhere.
const (
	descNumberID       = "The number's ID in Interactly (`_id`)."
	descNumberE164     = "The phone number in E.164 form, such as `+14155550100`."
	descNumberTeamID   = "ID of the team that owns the number."
	descNumberLabel    = "The number's friendly name in Interactly."
	descNumberProvider = "The telephony carrier of the number, such as `twilio`."
	descNumberAssist   = "ID of the assistant attached to the number; null when none is."
	descNumberInbound  = "Whether inbound calls are enabled; null when the API does not say."
	descNumberOutbound = "Whether outbound calls are enabled; null when the API does not say."
)

// numberLookupAttributes is the schema of the interactly_number data source:
// the number document, with id, number and label also arguments that look a
// number up by one of them.
func numberLookupAttributes() map[string]schema.Attribute {
	key := func(desc, how string, validators ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc + " " + how,
			Optional:            true,
			Computed:            true,
			Validators:          validators,
		}
	}
	return numberDocumentAttributesWith(
		key(descNumberID, "Set it to look the number up by ID."),
		key(descNumberE164, "Set it to look the number up by phone number.", e164Validator()),
		key(descNumberLabel, "Set it to look the number up by label; exactly one number must have it.", labelValidator()),
	)
}

// numberDocumentAttributes is the read-only schema of a number document:
// the elements of interactly_numbers.
func numberDocumentAttributes() map[string]schema.Attribute {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	return numberDocumentAttributesWith(computed(descNumberID), computed(descNumberE164), computed(descNumberLabel))
}

// numberDocumentAttributesWith is the schema of a number document with the
// given attributes of its three keys.
func numberDocumentAttributesWith(id, number, label schema.StringAttribute) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":               id,
		"number":           number,
		"label":            label,
		"team_id":          schema.StringAttribute{MarkdownDescription: descNumberTeamID, Computed: true},
		"provider_name":    schema.StringAttribute{MarkdownDescription: descNumberProvider, Computed: true},
		"assistant_id":     schema.StringAttribute{MarkdownDescription: descNumberAssist, Computed: true},
		"inbound_enabled":  schema.BoolAttribute{MarkdownDescription: descNumberInbound, Computed: true},
		"outbound_enabled": schema.BoolAttribute{MarkdownDescription: descNumberOutbound, Computed: true},
	}
}

// labelValidator rejects an empty label, which would look up unlabelled
// numbers in one data source and every number in the other.
func labelValidator() validator.String {
	return notEmptyString{hint: "give a label, or omit the attribute"}
}
