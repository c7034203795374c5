package provider

import (
	"context"
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
