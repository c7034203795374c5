package provider

import (
	"context"
	"encoding/json"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// An assistant's restore point, for on_destroy = "restore", is two parts:
// the document fields of its settings as they were when Terraform adopted
// it (at create or import), in state (restore_point), where it survives
// the replacement of a tainted adoption as a number's does; and, in private
// state, the fields Terraform has changed since. Destroy PATCHes back those
// fields only, as they were; a setting changed in the dashboard and never
// by Terraform stays as it is.
const assistantChangedKey = "assistant_changed"

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

// assistantRestorePoint is the restore_point of a as adopted: the document
// fields of its settings, as JSON.
func assistantRestorePoint(a interactly.Assistant) types.String {
	snapshot := map[string]json.RawMessage{}
	for _, s := range assistantSettings {
		if raw, ok := a.Fields[s.Group()]; ok {
			snapshot[s.Group()] = raw
		}
	}
	data, _ := json.Marshal(snapshot) // raw messages that came from valid JSON
	return types.StringValue(string(data))
}

// startChangedFields records that Terraform has changed none of an
// assistant it adopts yet.
func startChangedFields(ctx context.Context, private privateStore) diag.Diagnostics {
	return private.SetKey(ctx, assistantChangedKey, []byte("[]"))
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

// assistantRestoreBody is the PATCH that puts back what Terraform changed,
// from the restore point in state. unrestorable lists the fields it cannot
// put back: those the API did not report (or reported as null) when
// Terraform adopted the assistant. found is false when state holds no
// restore point.
func assistantRestoreBody(ctx context.Context, private privateReader, point types.String) (body interactly.AssistantUpdate, unrestorable []string, found bool, diags diag.Diagnostics) {
	if point.IsNull() || point.IsUnknown() || point.ValueString() == "" {
		return nil, nil, false, diags
	}
	var snapshot map[string]json.RawMessage
	if err := json.Unmarshal([]byte(point.ValueString()), &snapshot); err != nil {
		diags.AddError("Unable to read the assistant's restore point", "The restore_point in state is not valid: "+err.Error())
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

// restorePointText is the restore_point of an assistant's state.
func restorePointText(state assistantValues) types.String {
	point, _ := state[attrRestorePoint].(types.String)
	return point
}

// fullyKnownString reports whether v is a known, non-null string.
func fullyKnownString(v attr.Value) bool {
	s, ok := v.(types.String)
	return ok && !s.IsNull() && !s.IsUnknown()
}

// configuredGroups lists the document fields of the settings a
// configuration sets.
func configuredGroups(config assistantValues) []string {
	set := map[string]bool{}
	for _, s := range assistantSettings {
		if v, ok := config[s.Attr]; ok && !v.IsNull() {
			set[s.Group()] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}
