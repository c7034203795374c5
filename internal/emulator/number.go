package emulator

import (
	"fmt"
	"regexp"
)

// Number is the number document as the API returns it.
type Number struct {
	ID              string   `json:"_id"`
	TeamID          string   `json:"teamId"`
	Number          string   `json:"number"`
	Provider        Provider `json:"provider"`
	AssistantID     string   `json:"assistantId,omitempty"` // omitted when none
	InboundEnabled  bool     `json:"inboundEnabled"`
	OutboundEnabled bool     `json:"outboundEnabled"`
	Label           string   `json:"label,omitempty"`
}

// Provider is the telephony carrier of a number.
type Provider struct {
	Name string `json:"name"`
}

// defaultProvider is the only carrier the API documents.
const defaultProvider = "twilio"

// e164 is the phone number format the API documents: a plus sign, then at
// most 15 digits, the first of which (the country code's) is not zero.
var e164 = regexp.MustCompile(`^\+[1-9][0-9]{1,14}$`)

func checkE164(number string) error {
	if !e164.MatchString(number) {
		return fmt.Errorf("number %q is not in E.164 form (a + then 2 to 15 digits, e.g. +14155550100)", number)
	}
	return nil
}

// withDefaults fills the fields a seed may leave out.
func (n Number) withDefaults(teamID string) Number {
	if n.TeamID == "" {
		n.TeamID = teamID
	}
	if n.Provider.Name == "" {
		n.Provider.Name = defaultProvider
	}
	return n
}
