package provider

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
