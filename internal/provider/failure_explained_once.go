package provider

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
)

// A failure that many resources meet alike (a refused key, a failed listing,
// an address that does not answer, updates suspended by the breaker) is
// explained once, and every resource that met it says so in one line of its
// own error.
//
// The one explanation must be the first thing a reader meets, and the
// provider cannot choose which resource's error that is: Terraform and
// OpenTofu sort diagnostics before printing them (warnings before errors,
// then by the file and position of the block each belongs to), and
// instances of one block (count, for_each), which share a position, come
// in no fixed order. So the explanation is a warning, which both print
// before every error, and each error is one self-contained line that names
// the reason and points to it.

// sharedExplanation is one failure that many resources meet alike.
type sharedExplanation struct {
	key   string // the same for every resource that meets this failure
	title string // the summary of the one warning that explains it
	short string // the reason in one line, for each resource's error
}

// sharedExplanationOf tells whether err is a failure many resources meet
// alike, and which.
func sharedExplanationOf(err error) (sharedExplanation, bool) {
	var (
		listing     *interactly.ListingFailure
		suspended   *interactly.WritesSuspended
		unreachable *interactly.Unreachable
	)
	// The key refused is the likeliest reason for a listing that failed,
	// so it comes first: one explanation for the listing and the lookups.
	switch status := interactly.StatusCode(err); {
	case status == http.StatusUnauthorized:
		return sharedExplanation{key: "HTTP 401", title: "The Interactly API refused the API key",
			short: "The Interactly API refused the API key (HTTP 401 Unauthorized)."}, true
	case status == http.StatusForbidden:
		return sharedExplanation{key: "HTTP 403", title: "The API key has no access",
			short: "The API key has no access to this (HTTP 403 Forbidden)."}, true
	case errors.As(err, &unreachable):
		return sharedExplanation{key: "unreachable", title: "The Interactly API does not answer",
			short: "No request reached the Interactly API: the connection to base_url failed."}, true
	case errors.As(err, &suspended):
		return sharedExplanation{key: fmt.Sprintf("suspended %p", suspended), title: "Updates suspended after repeated server failures",
			short: fmt.Sprintf("Not sent, so nothing changed: the provider suspended updates after %d server failures in a row.", suspended.Failures)}, true
	case errors.As(err, &listing):
		return sharedExplanation{key: fmt.Sprintf("listing %p", listing), title: "Listing the team's numbers failed",
			short: "Listing the team's numbers failed: " + shortCause(listing.Err) + "."}, true
	}
	return sharedExplanation{}, false
}

// departureShared is the shared explanation of a listing that lacks a
// number without being evidence that it left (see judgeDeparture): every
// number of the team meets it alike.
func departureShared(d departure, title string, listing []interactly.Number, object string) sharedExplanation {
	short := "The API key lists no numbers at all, so nothing shows that the " + object + " left the team: it was kept in state."
	if d == otherTeam {
		short = "The API key lists the numbers of " + listedTeams(listing) + ", not of the team that owns this " + object + ": it was kept in state."
	}
	return sharedExplanation{key: "departure " + title, title: title, short: short}
}

// notInListingShared is the shared explanation of imports that miss from
// the listing of the API key's team.
func notInListingShared(listing []interactly.Number) sharedExplanation {
	seen := "no numbers at all"
	if len(listing) > 0 {
		seen = fmt.Sprintf("%d numbers of %s", len(listing), listedTeams(listing))
	}
	return sharedExplanation{key: "not in listing", title: "Numbers to import are not in the API key's team",
		short: "The API key lists " + seen + ", and not this one."}
}

// shortCause names what a failed call met, in a few words.
func shortCause(err error) string {
	var beyond *transport.WaitBeyondDeadlineError
	if errors.As(err, &beyond) {
		if beyond.Status != 0 {
			return fmt.Sprintf("the API answered HTTP %d and asked for a wait that would pass the operation's deadline", beyond.Status)
		}
		return "the wait before a retry would pass the operation's deadline"
	}
	var apiErr *interactly.APIError
	if errors.As(err, &apiErr) {
		return fmt.Sprintf("HTTP %d %s", apiErr.StatusCode, http.StatusText(apiErr.StatusCode))
	}
	var requestErr *interactly.RequestError
	if errors.As(err, &requestErr) {
		return "no valid answer came"
	}
	return "it failed"
}

// explainOnce reports a failure of e's kind for the resource whose error
// is summary: the first to meet it adds the warning that explains it in
// full, every one adds its own one-line error.
func (f *failureReports) explainOnce(diags *diag.Diagnostics, e sharedExplanation, summary, full string) {
	if f.explainedBy(e.key, summary) == "" {
		diags.AddWarning(e.title, full+"\n\nEvery resource and data source that met this failure fails with an error "+
			"that says so in one line.")
	}
	diags.AddError(summary, e.short+" Explained in full, with what to do, in the warning \""+e.title+"\", printed before the errors.")
}
