// Package tfconfig renders the Terraform configurations that the end-to-end
// tests and the benchmark apply.
package tfconfig

import (
	"fmt"
	"strings"
)

// NumberSpec is one number of a generated configuration.
type NumberSpec struct {
	Key       string // the for_each key
	Number    string
	Assistant string // "" for none
	Inbound   *bool
	Outbound  *bool
}

// NumbersConfig renders a configuration that adopts every number in specs
// through one for_each over a map from a local. The benchmark's floor
// (TimeStaticConfig) has the same shape, because Terraform's own cost
// depends on it.
func NumbersConfig(specs []NumberSpec) string {
	var b strings.Builder
	b.WriteString(RequiredProviders(`interactly = { source = "interactly/interactly" }`))
	b.WriteString("locals {\n  numbers = {\n")
	for _, s := range specs {
		fmt.Fprintf(&b, "    %q = { number = %q, assistant = %s, inbound = %s, outbound = %s }\n",
			s.Key, s.Number, hclString(s.Assistant), hclBool(s.Inbound), hclBool(s.Outbound))
	}
	b.WriteString("  }\n}\n\n")
	b.WriteString(`resource "interactly_number" "n" {
  for_each         = local.numbers
  number           = each.value.number
  assistant_id     = each.value.assistant
  inbound_enabled  = each.value.inbound
  outbound_enabled = each.value.outbound
}
`)
	return b.String()
}

// TimeStaticConfig renders n time_static resources in the same for_each
// shape as NumbersConfig: the cost of a framework resource that calls no API.
func TimeStaticConfig(keys []string) string {
	var b strings.Builder
	b.WriteString(RequiredProviders(`time = { source = "hashicorp/time" }`))
	b.WriteString("locals {\n  numbers = {\n")
	for i, key := range keys {
		fmt.Fprintf(&b, "    %q = { rfc3339 = %q }\n", key, fmt.Sprintf("2026-01-01T00:%02d:%02dZ", i/60%60, i%60))
	}
	b.WriteString("  }\n}\n\n")
	b.WriteString(`resource "time_static" "n" {
  for_each = local.numbers
  rfc3339  = each.value.rfc3339
}
`)
	return b.String()
}

// RequiredProviders is a terraform block that requires one provider, given
// as its required_providers entry.
func RequiredProviders(entry string) string {
	return "terraform {\n  required_providers {\n    " + entry + "\n  }\n}\n\n"
}

func hclString(s string) string {
	if s == "" {
		return "null"
	}
	return fmt.Sprintf("%q", s)
}

func hclBool(b *bool) string {
	if b == nil {
		return "null"
	}
	return fmt.Sprint(*b)
}
