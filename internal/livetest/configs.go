package livetest

import (
	"fmt"
	"strings"
)

const requiredProviders = `terraform {
  required_providers {
    interactly = { source = "interactly/interactly" }
  }
}

`

// numberConfig is the suite's interactly_number resource. A nil switch is
// left out of the configuration (the provider then leaves it as it is), and
// so is an empty onDestroy (the default, "detach").
func numberConfig(number, assistantID string, inbound, outbound *bool, onDestroy string) string {
	var b strings.Builder
	b.WriteString(requiredProviders)
	b.WriteString("resource \"interactly_number\" \"test\" {\n")
	fmt.Fprintf(&b, "  number       = %q\n", number)
	fmt.Fprintf(&b, "  assistant_id = %q\n", assistantID)
	if inbound != nil {
		fmt.Fprintf(&b, "  inbound_enabled  = %t\n", *inbound)
	}
	if outbound != nil {
		fmt.Fprintf(&b, "  outbound_enabled = %t\n", *outbound)
	}
	if onDestroy != "" {
		fmt.Fprintf(&b, "  on_destroy   = %q\n", onDestroy)
	}
	b.WriteString("}\n")
	return b.String()
}

// importBlock imports the suite's resource by id (an _id or a phone number).
func importBlock(id string) string {
	return fmt.Sprintf("import {\n  to = interactly_number.test\n  id = %q\n}\n", id)
}

// dataConfig looks the test number up by ID and by phone number, by label
// when byLabel is set, and lists the numbers with listLabel (every number
// when it is empty). Each data source is an output of the same name.
func dataConfig(id, number, byLabel, listLabel string) string {
	var b strings.Builder
	b.WriteString(requiredProviders)
	lookup := func(name, attribute, value string) {
		fmt.Fprintf(&b, "data \"interactly_number\" %q {\n  %s = %q\n}\n\noutput %q {\n  value = data.interactly_number.%s\n}\n\n",
			name, attribute, value, name, name)
	}
	lookup("by_id", "id", id)
	lookup("by_number", "number", number)
	if byLabel != "" {
		lookup("by_label", "label", byLabel)
	}
	b.WriteString("data \"interactly_numbers\" \"listed\" {\n")
	if listLabel != "" {
		fmt.Fprintf(&b, "  label = %q\n", listLabel)
	}
	b.WriteString("}\n\noutput \"listed\" {\n  value = data.interactly_numbers.listed\n}\n")
	return b.String()
}
