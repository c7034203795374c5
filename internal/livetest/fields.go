package livetest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// document is a number document as the API sent it, field by field.
type document map[string]json.RawMessage

// documentedField is one field of the documented number document.
type documentedField struct {
	name     string
	required bool   // "required in response" in the docs
	kind     string // the JSON kind the client decodes it as
}

var documentedFields = []documentedField{
	{"_id", true, "string"},
	{"teamId", true, "string"},
	{"number", true, "string"},
	{"provider", true, "object"},
	{"assistantId", false, "string"},
	{"inboundEnabled", false, "boolean"},
	{"outboundEnabled", false, "boolean"},
	{"label", false, "string"},
}

// kindOf names what a field holds: "absent", "null", "empty string",
// "string", "boolean", "number", "object" or "array".
func kindOf(raw json.RawMessage, present bool) string {
	if !present {
		return "absent"
	}
	text := strings.TrimSpace(string(raw))
	switch {
	case text == "null":
		return "null"
	case text == `""`:
		return "empty string"
	case strings.HasPrefix(text, `"`):
		return "string"
	case text == "true" || text == "false":
		return "boolean"
	case strings.HasPrefix(text, "{"):
		return "object"
	case strings.HasPrefix(text, "["):
		return "array"
	default:
		return "number"
	}
}

// censusFields reports, over every document of a list, what each documented
// field holds, and which fields the docs do not mention. A required field
// that is missing, null or empty, or any field of the wrong kind (which the
// client could not decode) breaks the provider.
func censusFields(r *Report, docs []document) {
	total := len(docs)
	for _, field := range documentedFields {
		counts := map[string]int{}
		for _, doc := range docs {
			raw, present := doc[field.name]
			counts[kindOf(raw, present)]++
		}
		summary := summarizeKinds(counts, total)
		wrongKind := 0
		for kind, n := range counts {
			if !decodable(kind, field.kind) {
				wrongKind += n
			}
		}
		switch {
		case wrongKind > 0:
			r.add(Broken, "field %s: %s; the client decodes it as a %s and would fail", field.name, summary, field.kind)
		case field.required && counts[field.kind] != total:
			r.add(Broken, "field %s: %s; the docs mark it required in every answer", field.name, summary)
		case field.required:
			r.add(OK, "field %s: %s", field.name, summary)
		case counts[field.kind] == total:
			r.add(OK, "field %s: %s", field.name, summary)
		default:
			r.add(Note, "field %s: %s (optional; the provider reads absent, null and \"\" alike)", field.name, summary)
		}
	}
	providerNames := 0
	for _, doc := range docs {
		var provider struct {
			Name *string `json:"name"`
		}
		if json.Unmarshal(doc["provider"], &provider) == nil && provider.Name != nil && *provider.Name != "" {
			providerNames++
		}
	}
	if providerNames != total {
		r.add(Broken, "field provider.name: a non-empty string in %d of %d numbers; the docs mark it required", providerNames, total)
	}

	extra := map[string]int{}
	for _, doc := range docs {
		for name := range doc {
			if !slices.ContainsFunc(documentedFields, func(f documentedField) bool { return f.name == name }) {
				extra[name]++
			}
		}
	}
	if len(extra) > 0 {
		names := make([]string, 0, len(extra))
		for name, n := range extra {
			names = append(names, fmt.Sprintf("%s (%d of %d)", name, n, total))
		}
		slices.Sort(names)
		r.add(Note, "fields the docs do not mention (the provider ignores them): %s", strings.Join(names, ", "))
	} else {
		r.add(OK, "no fields beyond the documented ones")
	}
}

// decodable says whether the client can decode a value of kind into a
// field of the kind want: absent and null always, "" as a string.
func decodable(kind, want string) bool {
	switch kind {
	case want, "absent", "null":
		return true
	case "empty string":
		return want == "string"
	}
	return false
}

func summarizeKinds(counts map[string]int, total int) string {
	kinds := make([]string, 0, len(counts))
	for kind := range counts {
		kinds = append(kinds, kind)
	}
	slices.Sort(kinds)
	parts := make([]string, 0, len(kinds))
	for _, kind := range kinds {
		if counts[kind] == total {
			return kind + " in all " + fmt.Sprint(total)
		}
		parts = append(parts, fmt.Sprintf("%s in %d", kind, counts[kind]))
	}
	return strings.Join(parts, ", ") + fmt.Sprintf(" (of %d)", total)
}

// text returns a string field's value, "" when absent, null or not a string.
func (d document) text(name string) string {
	var s string
	if json.Unmarshal(d[name], &s) != nil {
		return ""
	}
	return s
}
