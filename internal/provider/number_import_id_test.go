package provider

import (
	"strings"
	"testing"
)

func TestParseNumberImportID(t *testing.T) {
	t.Parallel()
	cases := []struct {
		raw     string
		want    numberRef
		wantErr string
	}{
		{"a12f9c88-c155-461f-9771-4d240cdc9a04", numberRef{value: "a12f9c88-c155-461f-9771-4d240cdc9a04"}, ""},
		{"64f1c0ffee0123456789abcd", numberRef{value: "64f1c0ffee0123456789abcd"}, ""}, // objectId-shaped: opaque too
		{"  +14155550100 ", numberRef{value: "+14155550100", byE164: true}, ""},
		{"+442071838750", numberRef{value: "+442071838750", byE164: true}, ""},
		{"", numberRef{}, "import ID is empty"},
		{"   ", numberRef{}, "import ID is empty"},
		{"+0123", numberRef{}, "not an E.164 phone number"},
		{"+1 415 555 0100", numberRef{}, `"+1 415 555 0100" starts with "+" but is not an E.164 phone number`},
		{"+1 415 555 0100", numberRef{}, "; write it without spaces or punctuation, as +14155550100"},
		{"+1 (415) 555-0100", numberRef{}, "as +14155550100"},
		{"5035550103", numberRef{}, `"5035550103" looks like a phone number without its "+"`},
		{"5035550103", numberRef{}, "such as +15035550103 for a number in the US or Canada"},
		{"(503) 555-0103", numberRef{}, "such as +15035550103"},
		{"442071838750", numberRef{}, "such as +442071838750 if it starts with its country code"},
		{"123456", numberRef{value: "123456"}, ""},                     // too short for a phone number: an ID
		{"1234567890123456", numberRef{value: "1234567890123456"}, ""}, // too long for E.164: an ID
		{"64f1c0ffee0123456789abcd", numberRef{value: "64f1c0ffee0123456789abcd"}, ""},
		{"+", numberRef{}, "not an E.164 phone number"},
		{"abc/def", numberRef{}, "is not a number ID"},
		{"two words", numberRef{}, "is not a number ID"},
	}
	for _, tc := range cases {
		got, err := parseNumberImportID(tc.raw)
		switch {
		case tc.wantErr == "" && (err != nil || got != tc.want):
			t.Errorf("parseNumberImportID(%q) = %+v, %v; want %+v", tc.raw, got, err, tc.want)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("parseNumberImportID(%q) error = %v; want one containing %q", tc.raw, err, tc.wantErr)
		}
	}
}

// FuzzParseNumberImportID: any input either fails with a message or yields a
// non-empty value that is E.164 exactly when it is read as a phone number.
func FuzzParseNumberImportID(f *testing.F) {
	for _, seed := range []string{"", "+14155550100", "abc-123", "+0", "+1234567890123456", " id ", "a/b", "\x00", "+１２３"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		id, err := parseNumberImportID(raw)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if id.value == "" || id.value != strings.TrimSpace(id.value) {
			t.Fatalf("parsed %q into the value %q", raw, id.value)
		}
		if id.byE164 != isE164(id.value) {
			t.Fatalf("parsed %q as by-number=%v but isE164=%v", raw, id.byE164, isE164(id.value))
		}
		if !id.byE164 && strings.HasPrefix(id.value, "+") {
			t.Fatalf("%q starts with + but was taken as an ID", id.value)
		}
	})
}

// A phone number has 7 to 15 digits; shorter or longer runs of digits are
// taken as IDs.
func TestLooksLikePhoneNumberBounds(t *testing.T) {
	t.Parallel()
	for value, want := range map[string]bool{
		"123456":           false,
		"1234567":          true,
		"123456789012345":  true,
		"1234567890123456": false,
		"(503) 555-0103":   true,
		"503555O103":       false,
	} {
		if got := looksLikePhoneNumber(value); got != want {
			t.Errorf("looksLikePhoneNumber(%q) = %v, want %v", value, got, want)
		}
	}
}
