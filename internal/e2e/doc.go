// Package e2e holds the end-to-end tests: the real Terraform or OpenTofu CLI
// (through package tfcli) against the provider binary built from this
// checkout and an emulator of the API, checking what only a whole run shows:
// saved plans, secrets in logs, load under faults, request counts, Ctrl-C.
// They run with TF_ACC=1 (make testacc).
package e2e
