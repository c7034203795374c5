package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// doubtful404 explains a 404 that does not say the assistant is missing.
const doubtful404 = "The API answered 404 without saying that the assistant is missing (the message does not speak of an assistant, " +
	"or there is none). That is also what a wrong base_url, a proxy, or an API whose path for reading assistants has moved answer, " +
	"so the provider does not take it as evidence. Check base_url (or " + envBaseURL + "): it must be the API's root, such as " +
	interactly.DefaultBaseURL + ". If the assistant was deleted in the dashboard, remove it from the configuration, or run " +
	"terraform state rm on it."

// addAssistantLookupError reports a failed GET of the assistant to adopt or
// to import; found says whether the plan had found it.
func addAssistantLookupError(ctx context.Context, diags *diag.Diagnostics, reports *failureReports, id string, err error, found planFinding) {
	switch {
	case interactly.IsAssistantNotFound(err):
		summary, detail := assistantNotInTeam(id)
		if found == foundByThePlan {
			summary = "Assistant left the team after the plan"
			detail = "The team had the assistant when the plan was made, but no longer does; nothing was changed. " + detail
		}
		diags.AddAttributeError(path.Root(attrAssistantID), summary, detail)
	case interactly.StatusCode(err) == http.StatusNotFound:
		diags.AddError("Unable to look up assistant "+id, err.Error()+"\n\n"+doubtful404)
	default:
		addFailure(ctx, diags, reports, "Unable to look up assistant "+id, err)
	}
}

func assistantNotInTeam(id string) (summary, detail string) {
	return "Assistant not found in the team", fmt.Sprintf("The Interactly team of this API key has no assistant %q. "+
		"interactly_assistant adopts assistants the team already has; it cannot create them. Create the assistant in the "+
		"Interactly dashboard, or correct assistant_id (the assistant's \"_id\"), and check that the API key belongs to the "+
		"team that owns it.", id)
}

// addAssistantWriteError reports a failed PATCH of an assistant.
func addAssistantWriteError(ctx context.Context, diags *diag.Diagnostics, reports *failureReports, summary string, err error) {
	status := interactly.StatusCode(err)
	var timedOut *operationTimeout
	switch {
	case errors.As(context.Cause(ctx), &timedOut), errors.Is(err, context.Canceled):
		addFailure(ctx, diags, reports, summary, err)
		diags.AddWarning(summary+": the change may have been applied",
			"The update went out but its answer did not come back in time. State keeps the last known values; "+
				"run terraform plan to see the assistant as it is now, and apply again if it still differs.")
	case interactly.IsAssistantNotFound(err):
		diags.AddError(summary, err.Error()+"\n\nThe assistant is no longer in the team (deleted in the dashboard?). "+
			"Run terraform plan: it drops the assistant from state. Remove it from the configuration if it is gone for good.")
	case status == http.StatusNotFound:
		diags.AddError(summary, err.Error()+"\n\n"+doubtful404)
	case status == http.StatusBadRequest:
		named := "Check the values in the configuration against the Interactly dashboard (a tool or knowledge base ID of " +
			"another team, say, or a webhook enabled without url)."
		if attrs := settingsNamedIn(err.Error()); len(attrs) > 0 {
			named = "The API's message names " + strings.Join(attrs, ", ") + ": check that value in the configuration."
		}
		diags.AddError(summary, err.Error()+"\n\nThe API refused a setting. "+named)
	case status >= 500 || status == 0:
		diags.AddError(summary, err.Error()+"\n\nThe API had a fault while updating the assistant, or its answer broke off: "+
			"the change may or may not have been applied. State keeps the last known values; run terraform plan to see the "+
			"assistant as it is now, and apply again if it still differs.")
	default:
		addFailure(ctx, diags, reports, summary, err)
	}
}

// settingsNamedIn lists the attributes whose API fields a message names,
// so that an error can say which setting the API refused.
func settingsNamedIn(message string) []string {
	var out []string
	var walk func(settings []settings.Setting, attrPrefix, fieldPrefix string)
	walk = func(settings []settings.Setting, attrPrefix, fieldPrefix string) {
		for _, s := range settings {
			name, field := attrPrefix+s.Attr, fieldPrefix+strings.Join(s.Field, ".")
			if len(s.Inner) > 0 {
				walk(s.Inner, name+".", field+".")
				continue
			}
			if regexp.MustCompile(`\b` + regexp.QuoteMeta(field) + `\b`).MatchString(message) {
				out = append(out, name+" ("+field+")")
			}
		}
	}
	walk(assistantSettings, "", "")
	return out
}

// gone decides what a failed GET during a refresh means. It reports true
// only on clear evidence that the assistant left the team: a 404 that says
// so (see interactly.IsAssistantNotFound), while the API key belongs to the
// team recorded in state as far as the team's numbers show. Anything else is
// an error, and state stays as it was.
func (r *assistantResource) gone(ctx context.Context, id, team string, err error, diags *diag.Diagnostics) bool {
	if !interactly.IsAssistantNotFound(err) {
		if interactly.StatusCode(err) == http.StatusNotFound {
			diags.AddError("Unable to read assistant "+id, err.Error()+"\n\n"+doubtful404)
		} else {
			addFailure(ctx, diags, r.reports(), "Unable to read assistant "+id, err)
		}
		return false
	}
	if team != "" {
		// Another team's key sees none of this team's assistants, and the
		// API may answer exactly as for a deleted one. The team's numbers
		// tell which team the key belongs to, by the rule numbers follow.
		numbers, listErr := r.client.CachedNumbers(ctx)
		if listErr != nil {
			diags.AddError("Unable to confirm that assistant "+id+" is gone",
				"The API answered that the team has no assistant "+id+", but listing the team's numbers to confirm that the API key "+
					"belongs to the assistant's team failed, so the assistant stays in state.\n\n"+listErr.Error())
			return false
		}
		switch judgeDeparture(types.StringValue(team), numbers) {
		case otherTeam:
			diags.AddError("API key of another team",
				fmt.Sprintf("The API answered that it has no assistant %s, but the API key in %s lists the numbers of %s, while the "+
					"assistant belongs to team %s (recorded in state). The key is probably another team's. The assistant stays in "+
					"state; set %s to a key of team %s, then run terraform again.", id, r.keySource(), listedTeams(numbers), team, r.keySource(), team))
			return false
		case emptyTeam:
			diags.AddError("Unable to confirm that assistant "+id+" is gone",
				fmt.Sprintf("The API answered that it has no assistant %s, and the API key in %s lists no numbers at all, so nothing "+
					"shows that the key belongs to team %s, which owns the assistant. The assistant stays in state. Check the key; "+
					"if the assistant really was deleted, remove it from state with terraform state rm.", id, r.keySource(), team))
			return false
		}
	}
	diags.AddWarning("Assistant "+id+" removed from state",
		"The API answered that the team has no assistant "+id+" (deleted in the dashboard?), so Terraform forgets it. A destroy "+
			"needs nothing more; a plan proposes to adopt it again, which fails while the team lacks it: remove it from the "+
			"configuration, or create it again in the dashboard and adopt the new one.")
	return true
}
