package provider

import (
	"context"
	"encoding/json"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// An assistant's restore point, for on_destroy = "restore", is two private
// state entries: the document fields of its settings as they were when
// Terraform adopted it (at create or import), and the fields Terraform has
// changed since. Destroy PATCHes back those fields only, as they were; a
// setting changed in the dashboard and never by Terraform stays as it is.
const (
	assistantRestorePointKey = "assistant_restore_point"
	assistantChangedKey      = "assistant_changed"
)

// privateStore is the private state of a create, update or import
// response, or of a request that reads it.
type privateStore interface {
	privateReader
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// privateReader is the private state of a request that only reads it.
type privateReader interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

// saveAssistantRestorePoint records the settings of a as adopted.
func saveAssistantRestorePoint(ctx context.Context, private privateStore, a interactly.Assistant) diag.Diagnostics {
	snapshot := map[string]json.RawMessage{}
	for _, s := range assistantSettings {
		if raw, ok := a.Fields[s.Group()]; ok {
			snapshot[s.Group()] = raw
		}
	}
	data, _ := json.Marshal(snapshot) // raw messages that came from valid JSON
	diags := private.SetKey(ctx, assistantRestorePointKey, data)
	diags.Append(private.SetKey(ctx, assistantChangedKey, []byte("[]"))...)
	return diags
}

// recordChangedFields adds the document fields a PATCH sent to those
// Terraform has changed since adoption.
func recordChangedFields(ctx context.Context, private privateStore, fields []string) diag.Diagnostics {
	changed, diags := loadChangedFields(ctx, private)
	if diags.HasError() {
		return diags
	}
	for _, f := range fields {
		changed[f] = true
	}
	data, _ := json.Marshal(slices.Sorted(maps.Keys(changed)))
	return private.SetKey(ctx, assistantChangedKey, data)
}

func loadChangedFields(ctx context.Context, private privateReader) (map[string]bool, diag.Diagnostics) {
	data, diags := private.GetKey(ctx, assistantChangedKey)
	changed := map[string]bool{}
	if diags.HasError() || len(data) == 0 {
		return changed, diags
	}
	var fields []string
	if err := json.Unmarshal(data, &fields); err != nil {
		diags.AddError("Unable to read the assistant's restore point", "The private state entry "+assistantChangedKey+" is not valid: "+err.Error())
	}
	for _, f := range fields {
		changed[f] = true
	}
	return changed, diags
}

// assistantRestoreBody is the PATCH that puts back what Terraform changed.
// unrestorable lists the fields it cannot put back: those the API did not
// report (or reported as null) when Terraform adopted the assistant. found
// is false when no restore point was saved.
func assistantRestoreBody(ctx context.Context, private privateReader) (body interactly.AssistantUpdate, unrestorable []string, found bool, diags diag.Diagnostics) {
	data, diags := private.GetKey(ctx, assistantRestorePointKey)
	if diags.HasError() || len(data) == 0 {
		return nil, nil, false, diags
	}
	var snapshot map[string]json.RawMessage
	if err := json.Unmarshal(data, &snapshot); err != nil {
		diags.AddError("Unable to read the assistant's restore point", "The private state entry "+assistantRestorePointKey+" is not valid: "+err.Error())
		return nil, nil, false, diags
	}
	changed, d := loadChangedFields(ctx, private)
	diags.Append(d...)
	body = interactly.AssistantUpdate{}
	for _, field := range slices.Sorted(maps.Keys(changed)) {
		if raw, ok := snapshot[field]; ok && string(raw) != "null" {
			body[field] = raw
		} else {
			unrestorable = append(unrestorable, field)
		}
	}
	return body, unrestorable, true, diags
}
