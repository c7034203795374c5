package interactly

import (
	"errors"
	"net/http"
	"strings"
)

// IsAssistantNotFound reports whether err is clear evidence that the API has
// no such assistant for this key: a 404 whose message speaks of an
// assistant.
//
// A 404 alone is not enough. A wrong base_url, a proxy, or a GET path that
// is not the API's (the docs do not show it) also answer 404, with messages
// such as "Cannot GET /assistants/v1/assistants/x", "no route GET ..." or an
// HTML page. Those name the assistant only inside the path they quote, so
// words that hold a "/" are left out before looking for "assistant". A 404
// without a message (some APIs send none) is doubtful, and so is not
// evidence either.
func IsAssistantNotFound(err error) bool { return isNotFoundOf(err, "assistant") }

// IsKnowledgeBaseNotFound is IsAssistantNotFound for a knowledge base: a 404
// whose message speaks of a knowledge base.
func IsKnowledgeBaseNotFound(err error) bool { return isNotFoundOf(err, "knowledge") }

// IsFileNotFound is IsAssistantNotFound for an uploaded file.
func IsFileNotFound(err error) bool { return isNotFoundOf(err, "file") }

// isNotFoundOf reports whether err is a 404 whose message, outside the
// words that hold a "/", speaks of what.
func isNotFoundOf(err error, what string) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
		return false
	}
	for _, word := range strings.Fields(strings.ToLower(apiErr.Message)) {
		if !strings.Contains(word, "/") && strings.Contains(word, what) {
			return true
		}
	}
	return false
}
