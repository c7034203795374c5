package interactly

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// A JSON body keeps its shape with every secret field replaced, nested ones
// included; a body without secrets is left exactly as sent.
func TestRedactBodyOfJSON(t *testing.T) {
	t.Parallel()
	// A header value with a brace defeats any pattern; JSON is redacted by
	// its structure.
	body := []byte(`{"name":"A","assistantServer":{"url":"https://h","secret":"whsec-1","headers":{"Authorization":"Bearer t-2}tail-3"}}}`)
	out := redactBody(body)
	if strings.Contains(string(out), "whsec-1") || strings.Contains(string(out), "t-2") || strings.Contains(string(out), "tail-3") {
		t.Errorf("a secret stayed in %s", out)
	}
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil || doc["name"] != "A" {
		t.Errorf("the redacted body is not the same document: %s (%v)", out, err)
	}
	plain := []byte(`{ "name" : "A" }`)
	if out := redactBody(plain); string(out) != string(plain) {
		t.Errorf("a body without secrets became %s", out)
	}
}

// A body cut short is not JSON; its secret fields are replaced by pattern.
func TestRedactBodyCutShort(t *testing.T) {
	t.Parallel()
	out := string(redactBody([]byte(`{"assistantServer":{"secret":"whsec-1","headers":{"X":"t-2"},"url":"htt`)))
	if strings.Contains(out, "whsec-1") || strings.Contains(out, "t-2") || !strings.Contains(out, redacted) {
		t.Errorf("a cut body kept a secret or lost the marker: %s", out)
	}
}

// An error that quotes a secret prints without it, whatever its kind.
func TestScrubSecretsFromAnyError(t *testing.T) {
	t.Parallel()
	plain := errors.New("refused body {\"secret\":\"whsec-1\"}")
	if got := scrubSecrets(plain, []string{"whsec-1"}); strings.Contains(got.Error(), "whsec-1") || !errors.Is(got, plain) {
		t.Errorf("scrubbed: %v (unwraps to the original: %v)", got, errors.Is(got, plain))
	}
	clean := errors.New("nothing to hide")
	if got := scrubSecrets(clean, []string{"whsec-1"}); got != clean {
		t.Errorf("an error without secrets was wrapped: %v", got)
	}
}
