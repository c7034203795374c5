package interactly

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

const numbersPath = "/assistants/v1/numbers"

// Number is the API's number document. Unknown fields are ignored.
type Number struct {
	ID              string   `json:"_id"`
	TeamID          string   `json:"teamId"`
	Number          string   `json:"number"`
	Provider        Provider `json:"provider"`
	AssistantID     string   `json:"assistantId,omitempty"` // empty when none is attached
	InboundEnabled  *bool    `json:"inboundEnabled,omitempty"`
	OutboundEnabled *bool    `json:"outboundEnabled,omitempty"`
	// Label is nil when the answer leaves the field out (or sends null):
	// the API then says nothing about it, which is not the same as "".
	Label *string `json:"label,omitempty"`
}

// Provider is the telephony carrier of a number.
type Provider struct {
	Name string `json:"name"`
}

// validate rejects documents that lack what the API promises in every
// response, so a broken answer fails loudly instead of becoming empty state.
func (n Number) validate() error {
	switch {
	case n.ID == "":
		return errors.New(`number document without "_id"`)
	case n.Number == "":
		return fmt.Errorf(`number document %q without "number"`, n.ID)
	}
	return nil
}

// parseNumberList decodes the list endpoint's answer: a JSON array of valid
// number documents, nothing more. "null" is not a list: a broken answer, not
// an empty team.
func parseNumberList(body []byte) ([]Number, error) {
	var numbers []Number
	if err := decodeStrict(body, &numbers); err != nil {
		return nil, err
	}
	if numbers == nil {
		return nil, errors.New("the answer is null, not a list of numbers")
	}
	for _, n := range numbers {
		if err := n.validate(); err != nil {
			return nil, err
		}
	}
	return numbers, nil
}

// parseNumber decodes one valid number document.
func parseNumber(body []byte) (Number, error) {
	var number Number
	if err := decodeStrict(body, &number); err != nil {
		return Number{}, err
	}
	if err := number.validate(); err != nil {
		return Number{}, err
	}
	return number, nil
}

// UpdateNumberRequest is the body of PUT /assistants/v1/numbers/{id}. Nil
// fields are left out and so left unchanged; an empty AssistantID detaches.
type UpdateNumberRequest struct {
	AssistantID     *string `json:"assistantId,omitempty"`
	InboundEnabled  *bool   `json:"inboundEnabled,omitempty"`
	OutboundEnabled *bool   `json:"outboundEnabled,omitempty"`
}

// ListNumbers calls GET /assistants/v1/numbers, filtered by label when label
// is not empty. It always asks the server; see CachedNumbers for the shared copy.
func (c *Client) ListNumbers(ctx context.Context, label string) ([]Number, error) {
	var query url.Values
	if label != "" {
		query = url.Values{"label": {label}}
	}
	var numbers []Number
	err := c.do(ctx, request{method: http.MethodGet, path: numbersPath, query: query}, func(body []byte) (err error) {
		numbers, err = parseNumberList(body)
		return err
	})
	return numbers, err
}

// UpdateNumber calls PUT /assistants/v1/numbers/{id} and returns the updated
// document, which also refreshes the shared copy of the team's numbers.
// After repeated server failures of writes it fails at once with a
// *WritesSuspended, without a request (see writeBreaker).
func (c *Client) UpdateNumber(ctx context.Context, id string, body UpdateNumberRequest) (Number, error) {
	req := request{method: http.MethodPut, path: numbersPath + "/" + url.PathEscape(id), body: body}
	var number Number
	err := c.write(ctx, func() error {
		return c.do(ctx, req, func(body []byte) (err error) {
			number, err = parseNumber(body)
			return err
		})
	})
	if IsNotFound(err) {
		c.numbers.forget(id)
	}
	if err != nil {
		return Number{}, err
	}
	c.numbers.store(number)
	return number, nil
}

// LabelText is the label, or "" when the answer left it out.
func (n Number) LabelText() string {
	if n.Label == nil {
		return ""
	}
	return *n.Label
}
