package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// numberRef names one number of the team: by its ID, or by its E.164 value.
// Import IDs parse into one, and the interactly_number data source builds one
// from its id or number argument.
type numberRef struct {
	value  string
	byE164 bool
}

// String describes the reference for messages, such as "ID abc".
func (id numberRef) String() string {
	if id.byE164 {
		return "phone number " + id.value
	}
	return "ID " + id.value
}

// lookup finds the number in the team's shared listing.
func (id numberRef) lookup(ctx context.Context, client *interactly.Client) (interactly.Number, bool, error) {
	if id.byE164 {
		return client.CachedNumberByE164(ctx, id.value)
	}
	return client.CachedNumber(ctx, id.value)
}

// parseNumberImportID reads an import ID. A value that starts with "+" is a
// phone number and must be E.164; anything else is taken as the opaque ID.
func parseNumberImportID(raw string) (numberRef, error) {
	value := strings.TrimSpace(raw)
	switch {
	case value == "":
		return numberRef{}, fmt.Errorf("the import ID is empty; give the number's ID (its \"_id\") or its phone number in E.164 form, such as +14155550100")
	case strings.HasPrefix(value, "+"):
		if !isE164(value) {
			return numberRef{}, fmt.Errorf("%q starts with \"+\" but is not %s%s", value, e164Description, e164Hint(value))
		}
		return numberRef{value: value, byE164: true}, nil
	case looksLikePhoneNumber(value):
		return numberRef{}, fmt.Errorf("%q looks like a phone number without its \"+\": give the phone number in E.164 form, \"+\" then the country code "+
			"and the number, such as %s, or give the number's ID (its \"_id\")", value, e164Suggestion(phoneDigits(value)))
	case strings.ContainsAny(value, " \t\r\n/?#"):
		return numberRef{}, fmt.Errorf("%q is not a number ID: IDs contain no spaces, \"/\", \"?\" or \"#\"; give the number's ID (its \"_id\") or its phone number in E.164 form", value)
	default:
		return numberRef{value: value}, nil
	}
}

// phoneLike is a phone number as people write it: digits, spaces and the
// punctuation of local formats, such as "(503) 555-0103" or "503.555.0103".
var phoneLike = regexp.MustCompile(`^[0-9 ().-]+$`)

// looksLikePhoneNumber reports whether an import ID is a phone number
// written without "+": 7 to 15 digits with at most the punctuation of
// local formats. Number IDs are UUIDs or 24-character object IDs, never
// that short and all digits, so nothing importable is refused.
func looksLikePhoneNumber(value string) bool {
	digits := len(phoneDigits(value))
	return phoneLike.MatchString(value) && digits >= 7 && digits <= 15
}

// phoneDigits keeps only the digits of value.
func phoneDigits(value string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, value)
}

// e164Suggestion guesses the E.164 form of digits written without "+":
// ten digits are a North American number without its country code 1
// (the commonest case of this slip); anything else may already start
// with its country code.
func e164Suggestion(digits string) string {
	if len(digits) == 10 {
		return "+1" + digits + " for a number in the US or Canada"
	}
	return "+" + digits + " if it starts with its country code"
}
