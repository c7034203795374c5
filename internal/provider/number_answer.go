package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// recordAnswer is what the state records after sending sent to a number
// whose last known values are known, given the API's answer.
//
// The answer wins where it speaks. A value the provider sent and the answer
// leaves out is recorded as sent (an update that succeeded applied it); a
// value neither sent nor in the answer keeps its last known value. An answer
// that contradicts what was sent means the API did not apply it, which is
// an error rather than something to record quietly.
func recordAnswer(known numberModel, sent interactly.UpdateNumberRequest, answer interactly.Number) (numberModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	if sent.InboundEnabled != nil {
		known.InboundEnabled = types.BoolPointerValue(sent.InboundEnabled)
	}
	if sent.OutboundEnabled != nil {
		known.OutboundEnabled = types.BoolPointerValue(sent.OutboundEnabled)
	}
	out := known.over(answer)

	contradicts := func(attribute string, sentValue, answered any) {
		diags.AddAttributeError(path.Root(attribute), "The API did not apply "+attribute,
			fmt.Sprintf("Number %s was updated with %s = %v, but the API answered %v. It may refuse the value without an error, "+
				"or someone changed the number at the same moment. Run terraform plan to see the number as it is now, then apply again.",
				answer.Number, attribute, sentValue, answered))
	}
	if sent.AssistantID != nil {
		// An answer without an assistant is taken as leaving the field out,
		// not as a detach: the update succeeded, so what was sent holds.
		if a := answer.AssistantID; a != "" && a != *sent.AssistantID {
			contradicts("assistant_id", fmt.Sprintf("%q", *sent.AssistantID), fmt.Sprintf("%q", a))
		}
		out.AssistantID = stringOrNull(*sent.AssistantID)
	}
	if sent.InboundEnabled != nil && answer.InboundEnabled != nil && *answer.InboundEnabled != *sent.InboundEnabled {
		contradicts("inbound_enabled", *sent.InboundEnabled, *answer.InboundEnabled)
	}
	if sent.OutboundEnabled != nil && answer.OutboundEnabled != nil && *answer.OutboundEnabled != *sent.OutboundEnabled {
		contradicts("outbound_enabled", *sent.OutboundEnabled, *answer.OutboundEnabled)
	}
	return out, diags
}

// checkPlanned fails an apply whose result differs from a value the plan
// showed as known, with an error that says what changed, instead of letting
// Terraform report "inconsistent result after apply" as a provider bug.
func checkPlanned(planned, applied numberModel) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, a := range []struct {
		name             string
		planned, applied attr.Value
	}{
		{"id", planned.ID, applied.ID},
		{"team_id", planned.TeamID, applied.TeamID},
		{"provider_name", planned.ProviderName, applied.ProviderName},
		{"label", planned.Label, applied.Label},
		{"assistant_id", planned.AssistantID, applied.AssistantID},
		{"inbound_enabled", planned.InboundEnabled, applied.InboundEnabled},
		{"outbound_enabled", planned.OutboundEnabled, applied.OutboundEnabled},
	} {
		if a.planned.IsUnknown() || a.planned.Equal(a.applied) {
			continue
		}
		diags.AddAttributeError(path.Root(a.name), "Number changed since the plan",
			fmt.Sprintf("The plan showed %s = %s, but the API now reports %s for number %s. It was changed outside Terraform "+
				"after the plan was made. The update was applied; run terraform plan again to see the number as it is now.",
				a.name, a.planned, a.applied, applied.Number.ValueString()))
	}
	return diags
}
