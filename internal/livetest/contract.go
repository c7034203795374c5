package livetest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// CheckContract asks the API the questions its docs leave open and reports
// the answers: which fields a number document carries, how the label
// filter, an unknown number ID, an unknown assistant ID and a wrong key are
// answered, with the status and Content-Type of each answer.
//
// It changes nothing for good. Its only requests that could change
// anything are PATCHes of the test assistant that put back what they change
// (see checkAssistantContract), PUTs to the test number (naming its current assistant, and
// an assistant that does not exist, which it reverts at once if the API
// accepts it) and PUTs with an empty body to IDs that are not in the team.
func CheckContract(ctx context.Context, s Settings) *Report {
	r := &Report{Target: s.BaseURL}
	c, err := newRawClient(s)
	if err != nil {
		r.add(Broken, "%v", err)
		return r
	}
	docs, ok := checkList(ctx, r, c, nil)
	if !ok {
		return r
	}
	if len(docs) == 0 {
		r.add(Broken, "the team of this key has no numbers; %s must be one of them", EnvNumber)
		return r
	}
	censusFields(r, docs)
	i := slices.IndexFunc(docs, func(d document) bool { return d.text("number") == s.Number })
	if i < 0 {
		r.add(Broken, "%s %s is not among the %d numbers of the team of this key", EnvNumber, s.Number, len(docs))
		return r
	}
	test := docs[i]
	compact, _ := json.Marshal(test)
	r.add(OK, "the test number as found: %s", compact)
	original, err := decodeNumber(test)
	if err != nil {
		r.add(Broken, "the test number's document does not decode: %v", err)
		return r
	}

	checkLabelFilter(ctx, r, c, original)
	checkNoOpUpdate(ctx, r, c, original)
	checkUnknownNumber(ctx, r, c, docs, randomUUID(), "a UUID")
	checkUnknownNumber(ctx, r, c, docs, randomID(12), "24 hex digits, like an objectId")
	checkUnknownAssistant(ctx, r, c, original)
	checkWrongKey(ctx, r, c)
	checkAssistantContract(ctx, r, c, s.AssistantID)
	if s.KnowledgeBaseID == "" {
		r.add(Note, "%s is not set: knowledge bases and files were not checked", EnvKnowledgeBaseID)
	} else {
		checkKnowledgeBaseContract(ctx, r, c, s)
	}
	return r
}

// checkList lists the numbers (filtered by query) and reports the answer.
func checkList(ctx context.Context, r *Report, c *rawClient, query url.Values) ([]document, bool) {
	a, err := c.call(ctx, http.MethodGet, numbersPath, query, nil, "")
	if err != nil {
		r.add(Broken, "%v", err)
		return nil, false
	}
	if a.status != http.StatusOK {
		r.seen(a, c.excerpt(a.body))
		r.add(Broken, "listing the numbers answered %d; the provider needs 200 with a JSON array", a.status)
		return nil, false
	}
	var docs []document
	if err := json.Unmarshal(a.body, &docs); err != nil || docs == nil {
		r.seen(a, c.excerpt(a.body))
		r.add(Broken, "the list is not a JSON array of objects; the provider cannot read it")
		return nil, false
	}
	r.seen(a, fmt.Sprintf("%d number(s)", len(docs)))
	noteContentType(r, a)
	return docs, true
}

// checkLabelFilter lists by the test number's label, and by a label no
// number has: the label lookups of the data sources rely on the filter.
func checkLabelFilter(ctx context.Context, r *Report, c *rawClient, test interactly.Number) {
	if test.LabelText() != "" {
		docs, ok := checkList(ctx, r, c, url.Values{"label": {test.LabelText()}})
		if ok {
			other := slices.IndexFunc(docs, func(d document) bool { return d.text("label") != test.LabelText() })
			found := slices.ContainsFunc(docs, func(d document) bool { return d.text("_id") == test.ID })
			switch {
			case !found:
				r.add(Broken, "the list filtered by the test number's label %q leaves the test number out", test.LabelText())
			case other >= 0:
				r.add(Broken, "the list filtered by label %q holds a number labelled %q: the API does not filter exactly", test.LabelText(), docs[other].text("label"))
			default:
				r.add(OK, "the label filter keeps exactly the %d number(s) labelled %q", len(docs), test.LabelText())
			}
		}
	} else {
		r.add(Note, "the test number has no label: the label filter is checked only with a label no number has")
	}
	docs, ok := checkList(ctx, r, c, url.Values{"label": {"livetest-no-such-label-" + randomID(4)}})
	switch {
	case !ok:
	case len(docs) != 0:
		r.add(Broken, "the list filtered by a label no number has holds %d numbers: the API ignores the label filter", len(docs))
	default:
		r.add(OK, "a label no number has gives an empty list")
	}
}

// checkNoOpUpdate sends the update the provider sends most, naming only the
// current assistant: it must answer 200 with the document, and leave the
// fields it does not name as they were.
func checkNoOpUpdate(ctx context.Context, r *Report, c *rawClient, test interactly.Number) {
	a, err := c.call(ctx, http.MethodPut, numbersPath+"/"+url.PathEscape(test.ID), nil, jsonBody(map[string]string{"assistantId": test.AssistantID}), "")
	if err != nil {
		r.add(Broken, "%v", err)
		return
	}
	if a.status != http.StatusOK {
		r.seen(a, c.excerpt(a.body))
		r.add(Broken, "an update of the test number naming only its current assistant answered %d; the provider's updates are this call and need 200", a.status)
		return
	}
	var doc document
	if err := json.Unmarshal(a.body, &doc); err != nil {
		r.seen(a, c.excerpt(a.body))
		r.add(Broken, "the update's answer is not a JSON object; the provider reads the updated number from it")
		return
	}
	r.seen(a, "a number document")
	noteContentType(r, a)
	updated, err := decodeNumber(doc)
	if err != nil {
		r.add(Broken, "the update's answer does not decode: %v", err)
		return
	}
	if diffs := diffNumbers(test, updated); len(diffs) > 0 {
		r.add(Broken, "an update naming only the current assistant answered a different number (%s); the provider relies on omitted fields being left as they were",
			strings.Join(diffs, "; "))
		return
	}
	r.add(OK, "an update naming only the current assistant answers the number unchanged")
}

// checkUnknownNumber updates an ID that is not in the team, with an empty
// body: the provider takes a 404 to mean that the number is gone.
func checkUnknownNumber(ctx context.Context, r *Report, c *rawClient, docs []document, id, shape string) {
	if slices.ContainsFunc(docs, func(d document) bool { return d.text("_id") == id }) {
		r.add(Note, "skipped the unknown-ID probe: the random ID %s is in the team", id)
		return
	}
	a, err := c.call(ctx, http.MethodPut, numbersPath+"/"+url.PathEscape(id), nil, []byte("{}"), "")
	if err != nil {
		r.add(Broken, "%v", err)
		return
	}
	r.seen(a, "an ID that is not in the team ("+shape+"): "+c.excerpt(a.body))
	switch {
	case a.status >= 200 && a.status < 300:
		r.add(Broken, "an update of an ID the team does not have succeeded; the provider could not tell that a number is gone")
	case a.status == http.StatusNotFound:
		r.add(OK, "an unknown number ID is a 404, as the provider expects")
		noteErrorBody(r, a)
	default:
		r.add(Note, "an unknown number ID (%s) is a %d, not the 404 the provider and the emulator expect; the provider reports it as an error", shape, a.status)
		noteErrorBody(r, a)
	}
}

// checkUnknownAssistant tries to attach an assistant that does not exist to
// the test number. The provider expects a 4xx other than 404 (a 404 would be
// reported as "the number is no longer in the team").
func checkUnknownAssistant(ctx context.Context, r *Report, c *rawClient, test interactly.Number) {
	bogus := randomUUID()
	path := numbersPath + "/" + url.PathEscape(test.ID)
	a, err := c.call(ctx, http.MethodPut, path, nil, jsonBody(map[string]string{"assistantId": bogus}), "")
	if err != nil {
		r.add(Broken, "%v", err)
		return
	}
	r.seen(a, "attaching an assistant that does not exist: "+c.excerpt(a.body))
	switch {
	case a.status >= 200 && a.status < 300:
		r.add(Note, "the API accepted an assistant ID that does not exist (the emulator answers 400): a typo in assistant_id is not caught by apply")
		// Put the assistant back at once: the steps that follow record the
		// number as it is when they start.
		back, err := c.call(ctx, http.MethodPut, path, nil, jsonBody(map[string]string{"assistantId": test.AssistantID}), "")
		switch {
		case err != nil:
			r.add(Broken, "putting the test number's assistant back failed: %v", err)
		case back.status != http.StatusOK:
			r.add(Broken, "putting the test number's assistant back answered %d: %s", back.status, c.excerpt(back.body))
		default:
			r.add(OK, "put the test number's assistant back")
		}
		return
	case a.status == http.StatusNotFound:
		r.add(Broken, "an unknown assistant ID is a 404, which the provider reports as the number being gone from the team")
	case a.status >= 500:
		r.add(Broken, "an unknown assistant ID is a %d, which the provider retries and reports as a server fault", a.status)
	default:
		r.add(OK, "an unknown assistant ID is refused with %d", a.status)
	}
	noteErrorBody(r, a)
	// A refused update must change nothing.
	docs, ok := checkList(ctx, r, c, nil)
	if !ok {
		return
	}
	i := slices.IndexFunc(docs, func(d document) bool { return d.text("_id") == test.ID })
	if i < 0 {
		r.add(Broken, "the test number is gone from the list after the refused update")
		return
	}
	if now, err := decodeNumber(docs[i]); err == nil {
		if diffs := diffNumbers(test, now); len(diffs) > 0 {
			r.add(Broken, "the refused update changed the test number anyway: %s", strings.Join(diffs, "; "))
		}
	}
}

// checkWrongKey lists with a key that no team has.
func checkWrongKey(ctx context.Context, r *Report, c *rawClient) {
	a, err := c.call(ctx, http.MethodGet, numbersPath, nil, nil, "livetest-wrong-key-"+randomID(8))
	if err != nil {
		r.add(Broken, "%v", err)
		return
	}
	r.seen(a, "with a wrong API key: "+c.excerpt(a.body))
	switch {
	case a.status >= 200 && a.status < 300:
		r.add(Broken, "the API answered a wrong key with %d", a.status)
	case a.status == http.StatusUnauthorized:
		r.add(OK, "a wrong key is a 401, which the provider explains as a bad api_key")
	default:
		r.add(Note, "a wrong key is a %d, not the 401 the provider and the emulator expect", a.status)
	}
	noteErrorBody(r, a)
}

// noteContentType flags a successful answer that does not say it is JSON.
func noteContentType(r *Report, a answer) {
	if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.contentType)), "application/json") {
		r.add(Note, "%s %s answered with Content-Type %q, not application/json (the provider decodes the body regardless)", a.method, a.path, a.contentType)
	}
}

// noteErrorBody says what shape an error body has: the provider quotes its
// "message" (or "error") field, or else an excerpt of the text.
func noteErrorBody(r *Report, a answer) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(a.body, &fields) != nil {
		r.add(Note, "the %d error body is not a JSON object (Content-Type %q); the provider quotes an excerpt of it", a.status, a.contentType)
		return
	}
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	slices.Sort(names)
	level := OK
	if _, ok := fields["message"]; !ok {
		if _, ok := fields["error"]; !ok {
			level = Note
		}
	}
	r.add(level, "the %d error body is a JSON object with fields %s", a.status, strings.Join(names, ", "))
}

func decodeNumber(doc document) (interactly.Number, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return interactly.Number{}, err
	}
	var n interactly.Number
	err = json.Unmarshal(raw, &n)
	return n, err
}

func jsonBody(v any) []byte {
	b, _ := json.Marshal(v) // maps of strings always encode
	return b
}
