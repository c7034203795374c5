package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// restorePointKey names the private state entry that remembers a number as it
// was before Terraform adopted it, for on_destroy = "restore". Private state
// is kept by Terraform with the resource but never shown in plans.
const restorePointKey = "restore_point"

// privateState is the part of the framework's private state API used here;
// create and import responses and read/delete requests all provide it.
type privateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// restoreRequest is the PUT body that puts n back as it is now: its assistant
// (or none) and both switches as the API reported them.
func restoreRequest(n interactly.Number) interactly.UpdateNumberRequest {
	assistant := n.AssistantID
	return interactly.UpdateNumberRequest{
		AssistantID:     &assistant,
		InboundEnabled:  n.InboundEnabled,
		OutboundEnabled: n.OutboundEnabled,
	}
}

func saveRestorePoint(ctx context.Context, private privateState, n interactly.Number) diag.Diagnostics {
	data, err := json.Marshal(restoreRequest(n))
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Unable to record the number's restore point", err.Error())
		return diags
	}
	return private.SetKey(ctx, restorePointKey, data)
}

// loadRestorePoint returns the saved PUT body; found is false when none was saved.
func loadRestorePoint(ctx context.Context, private privateState) (body interactly.UpdateNumberRequest, found bool, diags diag.Diagnostics) {
	data, diags := private.GetKey(ctx, restorePointKey)
	if diags.HasError() || len(data) == 0 {
		return body, false, diags
	}
	if err := json.Unmarshal(data, &body); err != nil {
		diags.AddError("Unable to read the number's restore point",
			"The private state entry "+restorePointKey+" is not valid: "+err.Error())
		return body, false, diags
	}
	return body, true, diags
}
