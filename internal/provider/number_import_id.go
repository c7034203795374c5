package provider

import (
	"context"
	"fmt"
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
			return numberRef{}, fmt.Errorf("%q starts with \"+\" but is not %s", value, e164Description)
		}
		return numberRef{value: value, byE164: true}, nil
	case strings.ContainsAny(value, " \t\r\n/?#"):
		return numberRef{}, fmt.Errorf("%q is not a number ID: IDs contain no spaces, \"/\", \"?\" or \"#\"; give the number's ID (its \"_id\") or its phone number in E.164 form", value)
	default:
		return numberRef{value: value}, nil
	}
}
