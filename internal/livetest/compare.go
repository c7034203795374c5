package livetest

import (
	"fmt"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// diffNumbers lists the documented fields in which two number documents
// differ, as "field: before -> after". Absent, null and "" are the same
// thing to the provider, so they compare equal.
func diffNumbers(before, after interactly.Number) []string {
	var diffs []string
	add := func(field, a, b string) {
		if a != b {
			diffs = append(diffs, fmt.Sprintf("%s: %s -> %s", field, a, b))
		}
	}
	add("_id", quoted(before.ID), quoted(after.ID))
	add("number", quoted(before.Number), quoted(after.Number))
	add("teamId", quoted(before.TeamID), quoted(after.TeamID))
	add("provider.name", quoted(before.Provider.Name), quoted(after.Provider.Name))
	add("assistantId", quoted(before.AssistantID), quoted(after.AssistantID))
	add("inboundEnabled", boolText(before.InboundEnabled), boolText(after.InboundEnabled))
	add("outboundEnabled", boolText(before.OutboundEnabled), boolText(after.OutboundEnabled))
	add("label", quoted(before.LabelText()), quoted(after.LabelText()))
	return diffs
}

// describe is a one-line summary of a number for the log.
func describe(n interactly.Number) string {
	return fmt.Sprintf("%s (_id %s): assistantId %s, inboundEnabled %s, outboundEnabled %s, label %s",
		n.Number, n.ID, quoted(n.AssistantID), boolText(n.InboundEnabled), boolText(n.OutboundEnabled), quoted(n.LabelText()))
}

func quoted(s string) string {
	if s == "" {
		return "(none)"
	}
	return fmt.Sprintf("%q", s)
}

func boolText(b *bool) string {
	if b == nil {
		return "(not reported)"
	}
	return fmt.Sprint(*b)
}

func ptr[T any](v T) *T { return &v }
