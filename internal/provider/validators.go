package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// e164Pattern is the E.164 form: "+", then 2 to 15 digits, the first not 0.
var e164Pattern = regexp.MustCompile(`^\+[1-9][0-9]{1,14}$`)

const e164Description = "an E.164 phone number: `+` then 2 to 15 digits, the first not 0 (for example `+14155550100`)"

// isE164 reports whether s is in E.164 form.
func isE164(s string) bool { return e164Pattern.MatchString(s) }

// e164Validator checks a phone number attribute at plan time, suggesting the
// E.164 form of a number written the way people write phone numbers.
func e164Validator() validator.String {
	return stringCheck{
		description: "must be " + e164Description,
		summary:     "Invalid phone number",
		check: func(value string) error {
			if isE164(value) {
				return nil
			}
			return fmt.Errorf("%q must be %s%s", value, e164Description, e164Hint(value))
		},
	}
}

// e164Hint suggests the E.164 form of value, or says nothing when it cannot
// tell one: "+1 415 555 0100" is +14155550100 without its spaces, and
// "4155550100" lacks its "+" and country code.
func e164Hint(value string) string {
	compact := "+" + phoneDigits(value)
	switch {
	case strings.HasPrefix(value, "+") && isE164(compact):
		return "; write it without spaces or punctuation, as " + compact
	case looksLikePhoneNumber(value):
		return "; with its \"+\" and country code it would be " + e164Suggestion(phoneDigits(value))
	}
	return ""
}

// notEmptyString rejects "", for attributes where omission already has a
// meaning and an empty string would be an ambiguous way to say the same.
type notEmptyString struct {
	hint string // what to write instead
}

func (v notEmptyString) Description(context.Context) string {
	return "must not be an empty string; " + v.hint
}

func (v notEmptyString) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v notEmptyString) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueString() != "" {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Empty "+req.Path.String(),
		req.Path.String()+" must not be an empty string: "+v.hint)
}

// stringCheck is a string validator made of a description and a check of
// the configured value; an error from check becomes the diagnostic's detail.
type stringCheck struct {
	description string
	summary     string
	check       func(value string) error
}

func (v stringCheck) Description(context.Context) string { return v.description }

func (v stringCheck) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, v.summary, err.Error()+".")
	}
}

// baseURLValidator checks base_url at validate time with the client's own
// rules, so terraform validate and configure agree.
func baseURLValidator() validator.String {
	return stringCheck{
		description: "must be an absolute https:// URL (http:// only for a loopback host)",
		summary:     "Invalid Interactly base URL",
		check: func(value string) error {
			_, err := interactly.ParseBaseURL(value)
			return err
		},
	}
}
