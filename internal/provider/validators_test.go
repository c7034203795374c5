package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestIsE164(t *testing.T) {
	t.Parallel()
	valid := []string{"+14155550100", "+442071838750", "+12", "+123456789012345"}
	invalid := []string{"", "+", "+1", "14155550100", "+04155550100", "+1234567890123456", "+1 415", "+1-415", "++1415", "+1415a", "+١٢٣"}
	for _, s := range valid {
		if !isE164(s) {
			t.Errorf("isE164(%q) = false", s)
		}
	}
	for _, s := range invalid {
		if isE164(s) {
			t.Errorf("isE164(%q) = true", s)
		}
	}
}

// referenceE164 states the E.164 rule digit by digit, without a regexp.
func referenceE164(s string) bool {
	if len(s) < 3 || len(s) > 16 || s[0] != '+' || s[1] < '1' || s[1] > '9' {
		return false
	}
	for i := 2; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func FuzzIsE164(f *testing.F) {
	for _, seed := range []string{"+14155550100", "+0", "+1", "+123456789012345", "+1234567890123456", "", "+1\n", "+12\x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isE164(s), referenceE164(s); got != want {
			t.Fatalf("isE164(%q) = %v, want %v", s, got, want)
		}
	})
}

func TestNotEmptyString(t *testing.T) {
	t.Parallel()
	v := notEmptyString{hint: "omit it"}
	for value, wantErr := range map[types.String]bool{
		types.StringValue(""):  true,
		types.StringValue("x"): false,
		types.StringNull():     false,
		types.StringUnknown():  false,
	} {
		resp := &validator.StringResponse{}
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("assistant_id"), ConfigValue: value}, resp)
		if resp.Diagnostics.HasError() != wantErr {
			t.Errorf("%v: error = %v, want %v", value, resp.Diagnostics, wantErr)
		}
		if wantErr && resp.Diagnostics[0].Detail() != "assistant_id must not be an empty string: omit it" {
			t.Errorf("detail = %q", resp.Diagnostics[0].Detail())
		}
	}
}

func TestProviderArgumentValidators(t *testing.T) {
	t.Parallel()
	cases := []struct {
		validator validator.String
		value     string
		err       string // "" for valid
	}{
		{baseURLValidator(), "https://api-prod.interactly.ai", ""},
		{baseURLValidator(), "http://127.0.0.1:8080", ""},
		{baseURLValidator(), "api.example.com", `has no scheme: add https:// in front`},
		{baseURLValidator(), "https:///v1", "has no host"},
		{baseURLValidator(), "http://api.example.com", "not loopback"},
		{e164Validator(), "+14155550100", ""},
		{e164Validator(), "4155550100", `"4155550100" must be an E.164 phone number`},
		{e164Validator(), "4155550100", `with its "+" and country code it would be +14155550100 for a number in the US or Canada`},
		{e164Validator(), "(415) 555-0100", "it would be +14155550100"},
		{e164Validator(), "+1 415-555-0100", "write it without spaces or punctuation, as +14155550100"},
		{e164Validator(), "+04155550100", `"+04155550100" must be an E.164 phone number`},
		{e164Validator(), "front desk", `"front desk" must be an E.164 phone number`},
		{durationValidator("request_timeout"), "30s", ""},
		{durationValidator("request_timeout"), "1m30s", ""},
		{durationValidator("request_timeout"), "0s", `request_timeout = "0s" must be longer than zero`},
		{durationValidator("request_timeout"), "-1m", `request_timeout = "-1m" must be longer than zero`},
		{durationValidator("request_timeout"), "30", `request_timeout = "30" has no unit: write "30s" for 30 seconds or "30m" for 30 minutes`},
		{durationValidator("timeouts.read"), "1.5", `timeouts.read = "1.5" has no unit: write "1.5s"`},
		{durationValidator("request_timeout"), "soon", `request_timeout = "soon" is not a duration: write a number and a unit`},
	}
	for _, tc := range cases {
		resp := &validator.StringResponse{}
		tc.validator.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("x"), ConfigValue: types.StringValue(tc.value)}, resp)
		switch {
		case tc.err == "" && resp.Diagnostics.HasError():
			t.Errorf("%q: unexpected %v", tc.value, resp.Diagnostics)
		case tc.err != "" && (!resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics[0].Detail(), tc.err)):
			t.Errorf("%q: diagnostics %v, want one containing %q", tc.value, resp.Diagnostics, tc.err)
		}
	}
}
