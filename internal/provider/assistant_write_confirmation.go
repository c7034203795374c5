package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// writeOutcome is what a failed or successful PATCH left in the API.
type writeOutcome int

const (
	// written: the API holds what was sent (or there was nothing to send).
	written writeOutcome = iota
	// refused: nothing reached the API, nothing changed.
	refused
	// unknownOutcome: the PATCH may or may not have been applied.
	unknownOutcome
)

// confirmAssistantWrite reads the assistant once after a PATCH that may have
// been applied (see confirmWrite) and returns what it holds when every
// setting sent is there as sent. A setting the answer leaves out proves
// nothing, so it leaves the outcome unknown.
func (r *assistantResource) confirmAssistantWrite(ctx context.Context, w assistantWrite, groups []string) (assistantValues, bool) {
	var confirmed assistantValues
	applied := confirmWrite(ctx, func(ctx context.Context) (bool, error) {
		current, err := r.client.GetAssistant(ctx, w.id)
		if err != nil {
			return false, err
		}
		answered, diags := w.known.withDocument(current)
		if diags.HasError() || !holdsAllSent(w, groups, answered, current) {
			return false, nil
		}
		confirmed = answered
		return true, nil
	})
	return confirmed, applied
}

// holdsAllSent reports whether the document shows every setting w sent in
// groups, each as sent.
func holdsAllSent(w assistantWrite, groups []string, answered assistantValues, current interactly.Assistant) bool {
	doc, err := assistantDocument(current)
	if err != nil {
		return false
	}
	for _, s := range assistantSettings.InGroups(groups) {
		if w.planned[s.Attr].IsNull() {
			continue
		}
		if _, present := settings.Lookup(doc, s.Field); !present || !s.Same(w.planned[s.Attr], answered[s.Attr]) {
			return false
		}
	}
	return true
}

// warnWriteConfirmed says that a write whose answer was lost was found
// applied.
func warnWriteConfirmed(diags *diag.Diagnostics, what string, err error) {
	diags.AddWarning(what+": the update went through",
		"The update's answer did not come back ("+err.Error()+"), so the provider read it once more: it already is as planned, "+
			"so the apply goes on as if the answer had come.")
}
