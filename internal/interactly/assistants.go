package interactly

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// assistantsPath is where assistants live. The PATCH path is documented; the
// GET of one assistant is assumed to share it (the docs show neither its
// method nor its path), which the live contract check confirms.
const assistantsPath = "/assistants/v1/assistants"

// Assistant is the API's assistant document.
//
// The document has dozens of settings, some nested, that the API adds to
// over time and that its docs show only by example. The client keeps every
// field as the API sent it, so that nothing it was not taught about is lost
// between a read and a write; the provider maps the settings it manages.
type Assistant struct {
	ID     string
	TeamID string // "" when the answer leaves it out
	// Fields holds every field of the document, _id and teamId included,
	// as raw JSON. A field the answer leaves out is absent; one it sends
	// as null is present and holds null.
	Fields map[string]json.RawMessage
}

// AssistantUpdate is a PATCH body: settings by their API field names. Nested
// settings are sent whole.
type AssistantUpdate map[string]any

// parseAssistant decodes one assistant document: a JSON object with a
// non-empty string _id.
func parseAssistant(body []byte) (Assistant, error) {
	var fields map[string]json.RawMessage
	if err := decodeStrict(body, &fields); err != nil {
		return Assistant{}, err
	}
	if fields == nil {
		return Assistant{}, errors.New("the answer is null, not an assistant document")
	}
	a := Assistant{Fields: fields}
	if err := json.Unmarshal(fields["_id"], &a.ID); err != nil || a.ID == "" {
		return Assistant{}, errors.New(`assistant document without a string "_id"`)
	}
	if raw, ok := fields["teamId"]; ok {
		_ = json.Unmarshal(raw, &a.TeamID) // null or another type: unknown team
	}
	return a, nil
}

// GetAssistant calls GET /assistants/v1/assistants/{id}.
func (c *Client) GetAssistant(ctx context.Context, id string) (Assistant, error) {
	var assistant Assistant
	err := c.do(ctx, request{method: http.MethodGet, path: assistantPath(id)}, func(body []byte) (err error) {
		assistant, err = parseAssistant(body)
		if err == nil && assistant.ID != id {
			err = fmt.Errorf("asked for assistant %q, the answer is assistant %q", id, assistant.ID)
		}
		return err
	})
	if err != nil {
		return Assistant{}, err
	}
	return assistant, nil
}

// UpdateAssistant calls PATCH /assistants/v1/assistants/{id}. The docs do not
// show the answer: when it is the assistant's document, isDocument is true
// and updated holds it; any other successful answer (an empty body, an
// acknowledgement) leaves isDocument false, and the caller reads the
// assistant to learn what it holds now.
//
// The webhook's secret and headers in body never appear in the error, even
// when the API quotes them back.
func (c *Client) UpdateAssistant(ctx context.Context, id string, body AssistantUpdate) (updated Assistant, isDocument bool, err error) {
	err = c.do(ctx, request{method: http.MethodPatch, path: assistantPath(id), body: body}, func(answer []byte) error {
		if len(bytes.TrimSpace(answer)) == 0 {
			return nil
		}
		if !json.Valid(answer) {
			return errors.New("the answer is not JSON")
		}
		if !isDocumentShaped(answer) {
			return nil // an acknowledgement, not the document
		}
		doc, err := parseAssistant(answer)
		if err != nil {
			return err
		}
		if doc.ID != id {
			return fmt.Errorf("updated assistant %q, the answer is assistant %q", id, doc.ID)
		}
		updated, isDocument = doc, true
		return nil
	})
	if err != nil {
		return Assistant{}, false, scrubSecrets(err, secretValues(body))
	}
	return updated, isDocument, nil
}

// isDocumentShaped reports whether a valid JSON answer is an object with an
// _id: an assistant document, which must then decode as one.
func isDocumentShaped(answer []byte) bool {
	var probe map[string]json.RawMessage
	return json.Unmarshal(answer, &probe) == nil && probe["_id"] != nil
}

func assistantPath(id string) string { return assistantsPath + "/" + url.PathEscape(id) }
