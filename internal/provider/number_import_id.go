package provider

import (
	"fmt"
	"strings"
)

// numberImportID is a parsed import ID of interactly_number: the number's ID,
// or, as a convenience, its E.164 value.
type numberImportID struct {
	value  string
	byE164 bool
}

func (id numberImportID) kind() string {
	if id.byE164 {
		return "phone number"
	}
	return "ID"
}

// parseNumberImportID reads an import ID. A value that starts with "+" is a
// phone number and must be E.164; anything else is taken as the opaque ID.
func parseNumberImportID(raw string) (numberImportID, error) {
	value := strings.TrimSpace(raw)
	switch {
	case value == "":
		return numberImportID{}, fmt.Errorf("the import ID is empty; give the number's ID (its \"_id\") or its phone number in E.164 form, such as +14155550100")
	case strings.HasPrefix(value, "+"):
		if !isE164(value) {
			return numberImportID{}, fmt.Errorf("%q starts with \"+\" but is not %s", value, e164Description)
		}
		return numberImportID{value: value, byE164: true}, nil
	case strings.ContainsAny(value, " \t\r\n/?#"):
		return numberImportID{}, fmt.Errorf("%q is not a number ID: IDs contain no spaces, \"/\", \"?\" or \"#\"; give the number's ID (its \"_id\") or its phone number in E.164 form", value)
	default:
		return numberImportID{value: value}, nil
	}
}
