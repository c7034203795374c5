package livetest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// assistantsPath is where the API's assistants live (the PATCH path is
// documented; the GET path is the provider's assumption, checked here).
const assistantsPath = "/assistants/v1/assistants"

// checkAssistantContract asks what the docs leave open about assistants:
// whether GET /assistants/v1/assistants/{id} reads one (the docs show
// neither method nor path), the shape of a GET and of a PATCH answer, how
// an unknown assistant is answered, and whether a nested object sent in part
// is merged or replaced.
//
// Its only writes go to the test assistant: a PATCH of its name as it is,
// and, to learn merge-or-replace, a PATCH of one switch of
// assistantPredefinedTools (as it is), after which the whole object is
// PATCHed back as found.
func checkAssistantContract(ctx context.Context, r *Report, c *rawClient, id string) {
	path := assistantsPath + "/" + url.PathEscape(id)
	original, ok := getAssistant(ctx, r, c, path, id)
	if !ok {
		return
	}
	var fields []string
	for name := range original {
		fields = append(fields, name)
	}
	slices.Sort(fields)
	r.add(OK, "the test assistant's document has the fields %s", strings.Join(fields, ", "))
	if _, ok := original["teamId"]; !ok {
		r.add(Note, "the assistant document has no teamId (the emulator's default profile sends it): a refresh cannot tell another team's key from a deleted assistant by the team, and relies on the 404's message")
	}
	checkUnknownAssistantID(ctx, r, c)
	checkAssistantPatchAnswer(ctx, r, c, path, original)
	checkNestedMerge(ctx, r, c, path, id, original)
}

// getAssistant reads the assistant and reports the answer.
func getAssistant(ctx context.Context, r *Report, c *rawClient, path, id string) (map[string]json.RawMessage, bool) {
	a, err := c.call(ctx, http.MethodGet, path, nil, nil, "")
	if err != nil {
		r.add(Broken, "%v", err)
		return nil, false
	}
	if a.status != http.StatusOK {
		r.seen(a, c.excerpt(a.body))
		r.add(Broken, "GET %s answered %d: the provider assumes that this reads an assistant; %s must be an assistant of the team", path, a.status, EnvAssistantID)
		return nil, false
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(a.body, &doc); err != nil || doc == nil {
		r.seen(a, c.excerpt(a.body))
		r.add(Broken, "the answer to GET %s is not a JSON object; the provider cannot read it", path)
		return nil, false
	}
	var gotID string
	if json.Unmarshal(doc["_id"], &gotID) != nil || gotID != id {
		r.add(Broken, "the answer to GET %s is not the assistant %s (its _id is %s)", path, id, string(doc["_id"]))
		return nil, false
	}
	r.seen(a, "the assistant document")
	noteContentType(r, a)
	return doc, true
}

// checkUnknownAssistantID reads an assistant no team has: the provider
// removes a vanished assistant from state only when the 404 says so.
func checkUnknownAssistantID(ctx context.Context, r *Report, c *rawClient) {
	bogus := randomID(12)
	a, err := c.call(ctx, http.MethodGet, assistantsPath+"/"+bogus, nil, nil, "")
	if err != nil {
		r.add(Broken, "%v", err)
		return
	}
	r.seen(a, "an assistant that does not exist: "+c.excerpt(a.body))
	apiErr := &interactly.APIError{StatusCode: a.status, Message: interactlyMessage(a.body)}
	switch {
	case a.status != http.StatusNotFound:
		r.add(Note, "an unknown assistant is answered %d, not 404: the provider reports it as an error and never removes a vanished assistant from state by itself", a.status)
	case interactly.IsAssistantNotFound(apiErr):
		r.add(OK, "an unknown assistant is a 404 that says so: a refresh removes a deleted assistant from state")
	default:
		r.add(Note, "an unknown assistant is a 404 that does not speak of an assistant: the provider cannot tell it from a wrong path, and never removes a vanished assistant by itself")
	}
}

// interactlyMessage is the message the provider's client takes from an
// error body: the message (or error) field of a JSON body, else the text.
func interactlyMessage(body []byte) string {
	var doc struct {
		Message any `json:"message"`
		Error   any `json:"error"`
	}
	if json.Unmarshal(body, &doc) == nil {
		for _, v := range []any{doc.Message, doc.Error} {
			if s, ok := v.(string); ok && s != "" {
				return s
			}
		}
	}
	return string(body)
}

// checkAssistantPatchAnswer PATCHes the name as it is and reports what the
// answer is: the document, or something the provider must follow with a GET.
func checkAssistantPatchAnswer(ctx context.Context, r *Report, c *rawClient, path string, original map[string]json.RawMessage) {
	name, ok := original["name"]
	if !ok {
		r.add(Note, "the test assistant has no name, so the shape of a PATCH answer is not checked")
		return
	}
	a, err := c.call(ctx, http.MethodPatch, path, nil, jsonBody(map[string]json.RawMessage{"name": name}), "")
	if err != nil {
		r.add(Broken, "%v", err)
		return
	}
	if a.status < 200 || a.status > 299 {
		r.seen(a, c.excerpt(a.body))
		r.add(Broken, "PATCH %s with the name as it is answered %d", path, a.status)
		return
	}
	var doc map[string]json.RawMessage
	if json.Unmarshal(a.body, &doc) == nil && doc["_id"] != nil {
		r.seen(a, "the updated assistant document")
		return
	}
	r.seen(a, c.excerpt(a.body))
	r.add(Note, "a PATCH does not answer with the assistant document: the provider reads the assistant once after each update")
}

// checkNestedMerge learns whether a nested object sent in part is merged
// into the stored one or replaces it, with assistantPredefinedTools: one of
// its switches is sent as it is, then the whole object is put back.
func checkNestedMerge(ctx context.Context, r *Report, c *rawClient, path, id string, original map[string]json.RawMessage) {
	var tools map[string]json.RawMessage
	if json.Unmarshal(original["assistantPredefinedTools"], &tools) != nil || len(tools) < 2 {
		r.add(Note, "the test assistant has fewer than two predefined tools, so merge-or-replace of nested objects is not checked")
		return
	}
	keys := make([]string, 0, len(tools))
	for k := range tools {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	part := map[string]json.RawMessage{keys[0]: tools[keys[0]]}
	a, err := c.call(ctx, http.MethodPatch, path, nil, jsonBody(map[string]any{"assistantPredefinedTools": part}), "")
	if err != nil || a.status < 200 || a.status > 299 {
		r.add(Broken, "PATCH of one predefined tool failed: %v %s", err, c.excerpt(a.body))
		return
	}
	after, ok := getAssistant(ctx, r, c, path, id)
	if ok {
		var now map[string]json.RawMessage
		_ = json.Unmarshal(after["assistantPredefinedTools"], &now)
		switch {
		case reflect.DeepEqual(now, tools):
			r.add(OK, "a nested object sent in part is merged into the stored one (the provider sends nested objects whole, which is right either way)")
		case len(now) == 1:
			r.add(OK, "a nested object sent in part replaces the stored one (the emulator does the same; the provider sends nested objects whole)")
		default:
			r.add(Note, "a nested object sent in part became %s: neither merged nor replaced", string(after["assistantPredefinedTools"]))
		}
	}
	back, err := c.call(ctx, http.MethodPatch, path, nil, jsonBody(map[string]json.RawMessage{"assistantPredefinedTools": original["assistantPredefinedTools"]}), "")
	switch {
	case err != nil:
		r.add(Broken, "putting the predefined tools back failed: %v", err)
	case back.status < 200 || back.status > 299:
		r.add(Broken, "putting the predefined tools back answered %d: %s", back.status, c.excerpt(back.body))
	default:
		r.add(OK, "put the test assistant's predefined tools back")
	}
}
