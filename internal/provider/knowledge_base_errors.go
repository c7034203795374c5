package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// doubtfulKnowledgeBase404 explains a 404 that does not say the knowledge
// base is missing.
const doubtfulKnowledgeBase404 = "The API answered 404 without saying that the knowledge base is missing (the message does not speak of " +
	"a knowledge base, or there is none). A wrong base_url or a proxy answers that way too, so the provider does not take it as " +
	"evidence and keeps the knowledge base in state. Check base_url (or " + envBaseURL + "). If the knowledge base was deleted in " +
	"the dashboard, run terraform state rm on it."

// importAdvice tells how to bring a knowledge base that may exist into
// state instead of creating another.
const importAdvice = "The API cannot list knowledge bases, so the provider cannot look for it, and it never sends a create twice " +
	"on its own. Look for it in the Interactly dashboard: if it is there, import it (terraform import <resource address> <ID>, " +
	"or an import block with that id) before applying again, or the next apply creates a second one; if it is not, apply again."

// heldFiles says which uploaded files a knowledge base that may exist holds.
func heldFiles(uploaded []string) string {
	if len(uploaded) == 0 {
		return ""
	}
	return fmt.Sprintf(" It would hold the files uploaded for it (%s): an import brings them in as file_ids; if it does not exist, "+
		"they are in the team, held by nothing.", strings.Join(uploaded, ", "))
}

// addAmbiguousCreate reports a create that failed but may have reached the API.
func addAmbiguousCreate(ctx context.Context, diags *diag.Diagnostics, reports *failureReports, title string, uploaded []string, err error) {
	addFailure(ctx, diags, reports, fmt.Sprintf("Knowledge base %q may have been created", title),
		fmt.Errorf("%w\n\nThe create may have reached the API before it failed, so a knowledge base titled %q may now exist in the team.%s\n\n%s",
			err, title, heldFiles(uploaded), importAdvice))
}

// addUnnamedCreate reports a create the API accepted without saying the
// new knowledge base's ID.
func addUnnamedCreate(diags *diag.Diagnostics, title string, uploaded []string, message string) {
	answer := "an empty answer"
	if message != "" {
		answer = fmt.Sprintf("%q", message)
	}
	diags.AddError(fmt.Sprintf("Knowledge base %q was created, but the API did not say its ID", title),
		fmt.Sprintf("The API accepted the create and answered %s, without the new knowledge base's ID, so Terraform cannot "+
			"manage it: a knowledge base titled %q now exists in the team.%s\n\n%s", answer, title, heldFiles(uploaded), importAdvice))
}
