package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// An adoption records the object as it finds it as the restore point. An
// apply killed after its write and before Terraform saved state (a CI runner
// pre-empted, kill -9) leaves the object changed and not in state; the next
// apply adopts it again and finds it already as configured, so the restore
// point it records is the changed object, not the original. Nothing tells
// the two apart, so an adoption that finds the object exactly as configured
// says so.
//
// The restore point cannot be stated in the configuration: it is a record of
// what Interactly held, checked by nobody if typed in, and a wrong one would
// be put back by every destroy. Setting the object back in the dashboard and
// adopting it again records the true one.

const killedRunAdvice = "That is expected when it was already set so; it is also what an earlier apply leaves when it was killed " +
	"(a CI runner pre-empted or out of memory, kill -9) after changing it in Interactly and before saving state. The restore " +
	"point (restore_point), which on_destroy = \"restore\" puts back, records it as found now. If it had other values before, " +
	"record the true ones: run terraform state rm on this resource, set it back in the Interactly dashboard, and apply again. " +
	"Or set on_destroy = \"keep\" and put it back by hand when you let it go."

// numberHolds reports whether a number, as the listing shows it, already
// holds every value of a PUT: its assistant (none included) when sent, and
// each switch sent, as the API reported it (a switch the answer leaves out
// proves nothing).
func numberHolds(existing interactly.Number, sent interactly.UpdateNumberRequest) bool {
	if sent.AssistantID != nil && *sent.AssistantID != existing.AssistantID {
		return false
	}
	sameSwitch := func(sent, found *bool) bool { return sent == nil || found != nil && *sent == *found }
	return sameSwitch(sent.InboundEnabled, existing.InboundEnabled) && sameSwitch(sent.OutboundEnabled, existing.OutboundEnabled)
}

// warnFoundAsConfigured is the warning of an adoption that found what names
// (such as "number +14155550100") already as configured.
func warnFoundAsConfigured(diags *diag.Diagnostics, attribute, names string) {
	diags.AddAttributeWarning(path.Root(attribute), "The restore point of "+names+" may not be the original",
		"When Terraform adopted "+names+", it already was exactly as this configuration sets it. "+killedRunAdvice)
}
