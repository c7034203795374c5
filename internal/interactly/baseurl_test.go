package interactly_test

import (
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// A base URL without a scheme is told to add one, in our words rather than
// Go's URL parser's ("first path segment in URL cannot contain colon").
func TestBaseURLWithoutSchemeSaysToAddOne(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"127.0.0.1:8080":         `add http:// in front for a local emulator, as in "http://127.0.0.1:8080"`,
		"localhost:8080":         `as in "http://localhost:8080"`,
		"[::1]:8080":             `as in "http://[::1]:8080"`,
		"api-prod.interactly.ai": `add https:// in front, as in "https://api-prod.interactly.ai"`,
		"api.example.com:443/v1": `as in "https://api.example.com:443/v1"`,
	}
	for raw, want := range cases {
		_, err := interactly.ParseBaseURL(raw)
		if err == nil || !strings.Contains(err.Error(), "has no scheme") || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseBaseURL(%q) = %v; want it to say it has no scheme and %s", raw, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "first path segment") {
			t.Errorf("ParseBaseURL(%q) relays Go's parser: %v", raw, err)
		}
	}
}
