package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// The webhook's secret is the one setting no answer shows. It is given
// either as webhook_secret (sensitive, kept in state) or as the write-only
// webhook_secret_wo, which only the configuration holds and which is sent
// again whenever webhook_secret_wo_version changes.

// managedSecret is the secret Terraform manages, nil when neither argument
// is set. The write-only value is read from the configuration, the only
// place Terraform gives it; everything else comes from the plan.
func managedSecret(planned, config assistantValues) *string {
	if s := stringPointer(planned[attrWebhookSecret]); s != nil {
		return s
	}
	return stringPointer(config[attrWebhookSecretWO])
}

// secretSending says when a write sends the secret Terraform manages.
type secretSending int

const (
	// secretWithWebhook: the secret is as it was; it is sent only with
	// the webhook it belongs to, when the webhook is sent.
	secretWithWebhook secretSending = iota
	// secretNow: a new secret (a create, a new webhook_secret or a new
	// webhook_secret_wo_version) is sent even when the webhook is not.
	secretNow
)

// secretSendingOf says when an update sends the secret: now for a new
// webhook_secret or a new webhook_secret_wo_version.
func secretSendingOf(planned, state assistantValues) secretSending {
	if secretChanged(planned, state) {
		return secretNow
	}
	return secretWithWebhook
}

func secretChanged(planned, state assistantValues) bool {
	return !planned[attrWebhookSecret].IsNull() && !planned[attrWebhookSecret].Equal(state[attrWebhookSecret]) ||
		!planned[attrWebhookSecretVersion].IsNull() && !planned[attrWebhookSecretVersion].Equal(state[attrWebhookSecretVersion])
}

// requireSecretWhenSent fails a plan that would send the write-only secret
// without having it: an adoption that sets webhook_secret_wo_version, or a
// new webhook_secret_wo_version. A plan that leaves the version as it is
// sends no secret and needs none, so a drift check without the secret
// plans cleanly. state is nil for an adoption.
func requireSecretWhenSent(planned, state, config assistantValues) diag.Diagnostics {
	var diags diag.Diagnostics
	version := planned[attrWebhookSecretVersion]
	if version == nil || version.IsNull() || version.IsUnknown() || !config[attrWebhookSecretWO].IsNull() {
		return diags
	}
	if state != nil && version.Equal(state[attrWebhookSecretVersion]) {
		return diags
	}
	why := "changes webhook_secret_wo_version"
	if state == nil {
		why = "adopts the assistant with webhook_secret_wo_version set"
	}
	diags.AddAttributeError(path.Root(attrWebhookSecretVersion), "webhook_secret_wo is needed to send the secret",
		"This plan "+why+", which sends webhook_secret_wo to the API, but webhook_secret_wo is not set. "+
			"Set webhook_secret_wo (from a variable or an ephemeral value) in the run that changes webhook_secret_wo_version, "+
			"or leave webhook_secret_wo_version as it is: plans that keep the version need no secret.")
	return diags
}
