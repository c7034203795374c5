package interactly

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
)

// secretFields are the JSON fields whose values are secrets wherever they
// appear in a body: the assistant webhook's secret and headers (which
// usually carry credentials of the team's own server), and the carrier
// credentials of a number import.
var secretFields = map[string]bool{"secret": true, "headers": true, "authtoken": true, "apisecret": true}

const redacted = "[REDACTED]"

// redactBody replaces the values of secret fields in a JSON body, at any
// depth, for the log. A body that is not JSON (cut short, say) has them
// replaced by pattern instead.
func redactBody(body []byte) []byte {
	var doc any
	if json.Unmarshal(body, &doc) == nil {
		if !redactValue(doc) {
			return body // unchanged, as the API sent it
		}
		if out, err := json.Marshal(doc); err == nil {
			return out
		}
	}
	return secretFieldPattern.ReplaceAll(body, []byte(`"$1":"`+redacted+`"`))
}

// secretFieldPattern finds a secret field and its value (a string, or an
// object of strings such as headers) in text that is not valid JSON.
var secretFieldPattern = regexp.MustCompile(`(?i)"(secret|headers|authToken|apiSecret)"\s*:\s*("(?:[^"\\]|\\.)*"?|\{[^}]*\}?)`)

// redactValue replaces secret fields in v in place and reports whether it
// replaced any.
func redactValue(v any) bool {
	changed := false
	switch v := v.(type) {
	case map[string]any:
		for k, inner := range v {
			if secretFields[strings.ToLower(k)] && inner != nil {
				v[k] = redacted
				changed = true
			} else if redactValue(inner) {
				changed = true
			}
		}
	case []any:
		for _, inner := range v {
			if redactValue(inner) {
				changed = true
			}
		}
	}
	return changed
}

// secretValues collects the strings held in secret fields of a request
// body, to keep them out of errors.
func secretValues(body any) []string {
	data, err := json.Marshal(body)
	if err != nil {
		return nil
	}
	return secretValuesIn(data)
}

// secretValuesIn is secretValues of a JSON body already encoded.
func secretValuesIn(data []byte) []string {
	var doc any
	if json.Unmarshal(data, &doc) != nil {
		return nil
	}
	var out []string
	var walk func(v any, secret bool)
	walk = func(v any, secret bool) {
		switch v := v.(type) {
		case string:
			if secret && v != "" {
				out = append(out, v)
			}
		case map[string]any:
			for k, inner := range v {
				walk(inner, secret || secretFields[strings.ToLower(k)])
			}
		case []any:
			for _, inner := range v {
				walk(inner, secret)
			}
		}
	}
	walk(doc, false)
	return out
}

// scrub replaces every secret in text.
func scrub(text []byte, secrets []string) []byte {
	for _, secret := range secrets {
		text = bytes.ReplaceAll(text, []byte(secret), []byte(redacted))
	}
	return text
}

// scrubSecrets removes secrets from err's text: an APIError's message (the
// API may quote the body it refused) is rewritten in place, any other error
// is wrapped in one that prints without them.
func scrubSecrets(err error, secrets []string) error {
	if err == nil || len(secrets) == 0 {
		return err
	}
	scrub := func(s string) string {
		for _, secret := range secrets {
			s = strings.ReplaceAll(s, secret, redacted)
		}
		return s
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		apiErr.Message = scrub(apiErr.Message)
	}
	if text := err.Error(); scrub(text) != text {
		return redactedError{msg: scrub(text), err: err}
	}
	return err
}
