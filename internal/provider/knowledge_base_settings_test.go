package provider

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// The document is sent whole: every plain field, no description as "".
func TestKnowledgeBaseSettingsBodyIsWhole(t *testing.T) {
	m := nullKnowledgeBaseModel()
	m.Title, m.RetrainFrequencyMinutes = types.StringValue("FAQ"), types.NumberValue(big.NewFloat(60))
	body := m.settingsBody()
	if len(body) != 3 || body["title"] != "FAQ" || body["description"] != "" || body["retrain_frequency_minutes"] != int64(60) {
		t.Errorf("body = %#v, want title, description \"\" and retrain_frequency_minutes", body)
	}
}

// An answer that leaves a field out says nothing about it: the known value
// stays. An empty description is none.
func TestKnowledgeBaseSettingsOfAnAnswer(t *testing.T) {
	known := nullKnowledgeBaseModel()
	known.Title, known.Description, known.RetrainFrequencyMinutes = types.StringValue("old"), types.StringValue("kept"), types.NumberValue(big.NewFloat(120))
	for _, tc := range []struct {
		answer      string
		title, desc string
		retrain     int64
	}{
		{`{"id":"k","title":"new"}`, "new", "kept", 120},
		{`{"id":"k","title":"new","description":"","retrain_frequency_minutes":0}`, "new", "", 0},
		{`{"id":"k","title":"new","description":"d","retrain_frequency_minutes":1440}`, "new", "d", 1440},
	} {
		var fields map[string]json.RawMessage
		_ = json.Unmarshal([]byte(tc.answer), &fields)
		var diags diag.Diagnostics
		title, desc, retrain := settingsOf(interactly.KnowledgeBase{ID: "k", Fields: fields}, known.settingValues(), &diags)
		if diags.HasError() || title.ValueString() != tc.title || desc.ValueString() != tc.desc || desc.IsNull() != (tc.desc == "") || retrain.ValueBigFloat().Cmp(big.NewFloat(float64(tc.retrain))) != 0 {
			t.Errorf("%s: %v %v %v %v", tc.answer, title, desc, retrain, diags)
		}
	}
}
