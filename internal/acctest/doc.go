// Package acctest runs the real Terraform or OpenTofu CLI against the built
// provider binary, the way users run it: a separate provider process found
// through dev_overrides, with nothing in-process. The end-to-end tests of this
// package (secrets in logs, load, request counts) and the benchmark use it.
package acctest
