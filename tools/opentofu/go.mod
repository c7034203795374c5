// Wrapper module that builds the OpenTofu CLI from the Go module proxy, so the
// acceptance tests can run on OpenTofu without downloading a release binary.
module github.com/interactly/terraform-provider-interactly/tools/opentofu

go 1.25.8

// Copied from OpenTofu's own go.mod: replace directives are not inherited.
replace github.com/hashicorp/hcl/v2 => github.com/opentofu/hcl/v2 v2.20.2-0.20251021132045-587d123c2828
