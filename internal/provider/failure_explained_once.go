package provider

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
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
	short string // the reason in one line, for failures that are no API error
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
		return sharedExplanation{key: "HTTP 401", title: "The Interactly API refused the API key"}, true
	case status == http.StatusForbidden:
		return sharedExplanation{key: "HTTP 403", title: "The API key has no access"}, true
	case errors.As(err, &unreachable):
		return sharedExplanation{key: "unreachable", title: "The Interactly API does not answer"}, true
	case errors.As(err, &suspended):
		return sharedExplanation{key: fmt.Sprintf("suspended %p", suspended), title: "Updates suspended after repeated server failures"}, true
	case errors.As(err, &listing):
		return sharedExplanation{key: fmt.Sprintf("listing %p", listing), title: "Listing the team's numbers failed"}, true
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
// the listing of the API key's team; what names the one missed.
func notInListingShared(listing []interactly.Number, what string) sharedExplanation {
	seen := "no numbers at all"
	if len(listing) > 0 {
		seen = fmt.Sprintf("%d numbers of %s", len(listing), listedTeams(listing))
	}
	return sharedExplanation{key: "not in listing", title: "Numbers to import are not in the API key's team",
		short: "The API key lists " + seen + ", and none with " + what + "."}
}

// explainOnce reports a failure of e's kind for the resource whose error
// is summary: the first to meet it adds the warning that explains it in
// full; every one adds its own error, one self-contained line: cause (what
// failed and why, "" for e's own words) and where to read what to do.
func (f *failureReports) explainOnce(diags *diag.Diagnostics, e sharedExplanation, summary, full, cause string) {
	if f.explainedBy(e.key, summary) == "" {
		diags.AddWarning(e.title, full+"\n\nEvery resource and data source that met this failure fails with an error "+
			"that says so in one line.")
	}
	if cause == "" {
		cause = e.short
	}
	diags.AddError(summary, cause+"\n\nExplained in full, with what to do, in the warning \""+e.title+"\", printed before the errors.")
}
