package provider

import (
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// knowledgeBaseSettings are the knowledge base document's plain fields. The
// table gives the data source its attributes and the resource its
// descriptions, maps answers to values and writes the request body; the URL
// lists (nested in the API's docs[]) and the files (split between uploads
// and file_ids) have mappings of their own, in knowledge_base_model.go.
var knowledgeBaseSettings = settings.Table{
	settings.String("title", "title", "The knowledge base's title."),
	settings.String("description", "description", "What the knowledge base holds; null when it has none."),
	{Attr: "retrain_frequency_minutes", Field: []string{"retrain_frequency_minutes"}, Kind: settings.KindInt,
		Desc: "How often the knowledge base crawls its pages again, in minutes: `0` never, otherwise a multiple of 60, " +
			"such as `1440` for daily."},
}

// settingDesc is the table's description of a setting.
func settingDesc(attrName string) string {
	for _, s := range knowledgeBaseSettings {
		if s.Attr == attrName {
			return s.Desc
		}
	}
	panic("no knowledge base setting " + attrName)
}

// settingValues are m's values of the table's settings.
func (m knowledgeBaseModel) settingValues() settings.Values {
	return settings.Values{"title": m.Title, "description": m.Description, "retrain_frequency_minutes": m.RetrainFrequencyMinutes}
}

// settingsBody is the request body's plain fields: every one, since the
// document is sent whole, with no description sent as "" so that a PUT
// clears one.
func (m knowledgeBaseModel) settingsBody() map[string]any {
	values := m.settingValues()
	if values["description"].IsNull() {
		values["description"] = types.StringValue("")
	}
	groups := make([]string, len(knowledgeBaseSettings))
	for i, s := range knowledgeBaseSettings {
		groups[i] = s.Group()
	}
	return knowledgeBaseSettings.Body(groups, values)
}

// settingsOf maps an answer's plain fields over known values: a field the
// answer leaves out keeps its known value. No description ("") is null, and
// a retrain frequency nobody ever reported is the API's default, 0.
func settingsOf(kb interactly.KnowledgeBase, known settings.Values, diags *diag.Diagnostics) (title, description types.String, retrain types.Number) {
	doc, err := settings.DecodeDocument(kb.Fields)
	var values settings.Values
	if err == nil {
		values, err = knowledgeBaseSettings.Over(known, doc)
	}
	if err != nil {
		diags.AddError("Unexpected answer about knowledge base "+kb.ID, "The API's answer does not hold a knowledge base document: "+err.Error())
		return types.StringValue(kb.Title), descriptionValue(kb.Description), types.NumberValue(big.NewFloat(0))
	}
	title, _ = values["title"].(types.String)
	description, _ = values["description"].(types.String)
	if description.ValueString() == "" {
		description = types.StringNull()
	}
	retrain, _ = values["retrain_frequency_minutes"].(types.Number)
	if retrain.IsNull() {
		retrain = types.NumberValue(big.NewFloat(0))
	}
	return title, description, retrain
}

// nullSettings are the table's settings at null, what a data source or an
// import starts from.
func nullSettings() map[string]attr.Value { return knowledgeBaseSettings.Nulls() }
