package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// assistantValues holds Terraform values by attribute name: the settings of
// one assistant, and the other attributes of the resource or data source.
type assistantValues map[string]attr.Value

// assistantDocument decodes an assistant's fields for the settings engine.
func assistantDocument(a interactly.Assistant) (map[string]any, error) {
	doc, err := settings.DecodeDocument(a.Fields)
	if err != nil {
		return nil, fmt.Errorf("assistant %s: %w", a.ID, err)
	}
	return doc, nil
}

// settingsOver maps an assistant document to Terraform values over known:
// the one mapping that the resource and the data source share (see
// settings.Table.Over for what an answer that leaves a field out means).
func settingsOver(known assistantValues, a interactly.Assistant) (assistantValues, error) {
	doc, err := assistantDocument(a)
	if err != nil {
		return nil, err
	}
	values, err := assistantSettings.Over(known, doc)
	if err != nil {
		return nil, fmt.Errorf("assistant %s: %w", a.ID, err)
	}
	return values, nil
}
