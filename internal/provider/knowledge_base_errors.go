package provider

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// isKnowledgeBaseCall reports whether a request path is one of the
// knowledge base and file routes.
func isKnowledgeBaseCall(path string) bool { return strings.HasPrefix(path, "/kb/") }

// knowledgeBaseRemedy is the advice after a refused or failed call about a
// knowledge base or a file, where the advice written for numbers would
// mislead; ok is false where the common advice holds (401, 429, a failed
// read). A 404 and a create's server error get none here: the caller says
// what they mean for the knowledge base.
func knowledgeBaseRemedy(apiErr *interactly.APIError) (hint string, ok bool) {
	switch status := apiErr.StatusCode; {
	case status == http.StatusForbidden:
		return "The API key is valid but has no access to this. Use a key of the team that owns the knowledge base.", true
	case status == http.StatusNotFound:
		return "", true
	case status >= 400 && status < 500 && status != http.StatusUnauthorized && status != http.StatusTooManyRequests:
		return "The API refused the request; its message says why. Correct the configuration and apply again.", true
	case status >= 500 && apiErr.Method == http.MethodPost:
		return "", true
	case status >= 500 && apiErr.Method != http.MethodGet:
		return "The Interactly API had a server fault. The change may or may not have been applied: run terraform plan to see " +
			"the knowledge base as it is now, and apply again if it still differs.", true
	}
	return "", false
}

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
