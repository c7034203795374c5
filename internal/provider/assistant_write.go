package provider

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// assistantWrite is one PATCH that makes an assistant what the plan says.
type assistantWrite struct {
	id      string
	planned assistantValues // every setting known: unknowns filled from known
	known   assistantValues // the assistant as last known: state, or the GET of a create
	// enforced says which settings the write enforces: on update every
	// setting (the plan holds the state's value for one the configuration
	// omits or ignore_changes ignores, so it never differs from known); on
	// create only those the configuration sets.
	enforced func(attrName string) bool
	// secret is the webhook secret Terraform manages, nil for none: sent
	// whenever the webhook is, and on its own when it is new.
	secret        *string
	secretChanged bool
}

// newAssistantWrite fills what the plan left unknown (settings of an
// assistant that could not be looked up at plan time, the ID) from known.
func newAssistantWrite(planned, known assistantValues, enforced func(string) bool, secret *string, sending secretSending) assistantWrite {
	filled := maps.Clone(planned)
	for name, v := range planned {
		if v.IsUnknown() {
			if k, ok := known[name]; ok {
				filled[name] = k
			}
		}
	}
	return assistantWrite{
		id: known.text(attrAssistantID), planned: filled, known: known, enforced: enforced,
		secret: secret, secretChanged: sending == secretNow && secret != nil,
	}
}

// groups lists the document fields the PATCH sends: those of every enforced
// setting whose planned value differs from the known one, and the webhook's
// when a secret is to be sent.
func (w assistantWrite) groups() []string {
	changed := map[string]bool{}
	for _, s := range assistantSettings {
		if w.enforced(s.Attr) && !w.planned[s.Attr].IsNull() && !s.Same(w.planned[s.Attr], w.known[s.Attr]) {
			changed[s.Group()] = true
		}
	}
	if w.secretChanged {
		changed[webhookField] = true
	}
	return slices.Sorted(maps.Keys(changed))
}

// body is the PATCH body for groups, each sent whole from the planned
// values (see settings.Table.Body), the webhook with the secret Terraform
// manages.
func (w assistantWrite) body(groups []string) interactly.AssistantUpdate {
	body := interactly.AssistantUpdate(assistantSettings.Body(groups, w.planned))
	if w.secret != nil && slices.Contains(groups, webhookField) {
		server, _ := body[webhookField].(map[string]any)
		if server == nil {
			server = map[string]any{}
		}
		// The secret always travels with the webhook it belongs to,
		// so that replacing the webhook whole cannot drop it.
		server["secret"] = *w.secret
		body[webhookField] = server
	}
	return body
}

// checkAnswer compares what the API answered after the PATCH with what was
// sent. An answer that contradicts a value sent means the API did not apply
// it, an error rather than something to record quietly; a setting the
// answer leaves out says nothing. Values of sensitive settings are never
// shown.
func (w assistantWrite) checkAnswer(groups []string, answered assistantValues, answer interactly.Assistant) diag.Diagnostics {
	var diags diag.Diagnostics
	doc, err := assistantDocument(answer)
	if err != nil {
		return diags
	}
	for _, s := range assistantSettings.InGroups(groups) {
		if _, present := settings.Lookup(doc, s.Field); !present || w.planned[s.Attr].IsNull() {
			continue
		}
		if sent, got := w.planned[s.Attr], answered[s.Attr]; !s.Same(sent, got) {
			values := ""
			if !s.HoldsSecrets() {
				values = fmt.Sprintf(" The provider sent %s; the API answered %s.", sent, got)
			}
			diags.AddAttributeError(path.Root(s.Attr), "The API did not apply "+s.Attr,
				fmt.Sprintf("Assistant %s was updated with a new %s, but the API's answer holds another value.%s It may refuse the value "+
					"without an error, or someone changed the assistant at the same moment. Run terraform plan to see the assistant "+
					"as it is now, then apply again.", w.id, s.Attr, values))
		}
	}
	return diags
}

// result is what state records after a successful write: the plan, every
// value of which is now known. A setting the write did not send may have
// changed in the dashboard since the plan; the next refresh shows that as
// drift, as it would any other change.
func (w assistantWrite) result(answered assistantValues) assistantValues {
	out := maps.Clone(w.planned)
	if team, ok := answered[attrTeamID]; ok && (out[attrTeamID] == nil || out[attrTeamID].IsUnknown() || out[attrTeamID].IsNull()) {
		out[attrTeamID] = team
	}
	return out
}

// configuredIn reports which attributes a configuration sets, for the
// writes of a create: a setting it omits is left as it is.
func configuredIn(config assistantValues) func(string) bool {
	return func(name string) bool {
		v, ok := config[name]
		return ok && !v.IsNull()
	}
}

// everySetting enforces every setting: an update, whose plan already holds
// the state's value for what is omitted or ignored.
func everySetting(string) bool { return true }

// stringPointer is the value of a known, non-null string, nil otherwise.
func stringPointer(v attr.Value) *string {
	s, ok := v.(types.String)
	if !ok || s.IsNull() || s.IsUnknown() {
		return nil
	}
	value := s.ValueString()
	return &value
}
