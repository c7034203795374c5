package settings

import (
	"context"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// numberError is what v says of value at the attribute "retries", or "" when
// it accepts it.
func numberError(t *testing.T, v validator.Number, value types.Number) string {
	t.Helper()
	resp := &validator.NumberResponse{}
	v.ValidateNumber(context.Background(), validator.NumberRequest{Path: path.Root("retries"), ConfigValue: value}, resp)
	if !resp.Diagnostics.HasError() {
		return ""
	}
	return resp.Diagnostics[0].Summary() + ": " + resp.Diagnostics[0].Detail()
}

// checkNumberErrors checks what v says of each value written as a key of
// cases: the error it gives, or "" for none.
func checkNumberErrors(t *testing.T, v validator.Number, cases map[string]string) {
	t.Helper()
	for text, want := range cases {
		if got := numberError(t, v, parsedNumber(t, text)); got != want {
			t.Errorf("retries = %s: got %q, want %q", text, got, want)
		}
	}
}

func parsedNumber(t *testing.T, text string) types.Number {
	t.Helper()
	n, _, err := big.ParseFloat(text, 10, 512, big.ToNearestEven)
	if err != nil {
		t.Fatal(err)
	}
	return types.NumberValue(n)
}

// Values are told back as written, the bounds are both included, and the
// error names who needs the whole number.
func TestWholeBetweenSpeaksOfTheValueAsWritten(t *testing.T) {
	v := WholeBetween(0, 100, "the provider")
	cases := map[string]string{
		"0":          "",
		"100":        "",
		"7":          "",
		"-1":         "Value out of range: retries must be between 0 and 100, got: -1.",
		"101":        "Value out of range: retries must be between 0 and 100, got: 101.",
		"4294967297": "Value out of range: retries must be between 0 and 100, got: 4294967297.",
		"1.5":        "Not a whole number: retries = 1.5: the provider takes retries as a whole number. Write it without a fraction, such as 2.",
		"-2.5":       "Not a whole number: retries = -2.5: the provider takes retries as a whole number. Write it without a fraction, such as -3.",
	}
	checkNumberErrors(t, v, cases)
	for _, unset := range []types.Number{types.NumberNull(), types.NumberUnknown()} {
		if got := numberError(t, v, unset); got != "" {
			t.Errorf("%v: got %q, want no error", unset, got)
		}
	}
	if got := v.Description(context.Background()); got != "must be a whole number between 0 and 100" {
		t.Errorf("description %q", got)
	}
}

// A range whose upper bound is int64's largest value is still a range: its
// errors and description name both bounds, as every other range's do.
func TestWholeBetweenUpToTheLargestInt64IsStillARange(t *testing.T) {
	v := WholeBetween(1, math.MaxInt64, "the provider")
	cases := map[string]string{
		"1":                   "",
		"9223372036854775807": "",
		"0":                   "Value out of range: retries must be between 1 and 9223372036854775807, got: 0.",
		"9223372036854775808": "Value out of range: retries must be between 1 and 9223372036854775807, got: 9223372036854775808.",
	}
	checkNumberErrors(t, v, cases)
	if got := v.Description(context.Background()); got != "must be a whole number between 1 and 9223372036854775807" {
		t.Errorf("description %q", got)
	}
}

func TestWholeAtLeastHasNoUpperBoundButTheAPIs(t *testing.T) {
	v := WholeAtLeast(1)
	cases := map[string]string{
		"1":                     "",
		"9223372036854775807":   "",
		"0":                     "Value out of range: retries must be at least 1, got 0.",
		"9223372036854775808":   "Value out of range: retries = 9223372036854775808 is larger than the API can hold (at most 9223372036854775807).",
		"1e30":                  "Value out of range: retries = 1e+30 is larger than the API can hold (at most 9223372036854775807).",
		"999999999999999999999": "Value out of range: retries = 999999999999999999999 is larger than the API can hold (at most 9223372036854775807).",
		"1e21":                  "Value out of range: retries = 1e+21 is larger than the API can hold (at most 9223372036854775807).",
		"2.25":                  "Not a whole number: retries = 2.25: the API takes retries as a whole number. Write it without a fraction, such as 2.",
	}
	checkNumberErrors(t, v, cases)
	if got := v.MarkdownDescription(context.Background()); !strings.Contains(got, "at least 1") {
		t.Errorf("description %q", got)
	}
}
