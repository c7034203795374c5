package tfcli

import (
	"context"
	"fmt"
	"strings"
)

// Engines a CLI can be.
const (
	Terraform = "Terraform"
	OpenTofu  = "OpenTofu"
)

// CLIVersion is what a CLI says it is: its engine and version.
type CLIVersion struct {
	Engine       string // Terraform or OpenTofu
	Major, Minor int
	Text         string // the first line of its version output, such as "Terraform v1.11.4"
}

// Version asks the workspace's CLI which engine and version it is, so that a
// test of a feature only some CLIs have can skip elsewhere, saying why.
func (w *Workspace) Version(ctx context.Context) (CLIVersion, error) {
	result, err := w.MustSucceed(ctx, "version")
	if err != nil {
		return CLIVersion{}, err
	}
	return ParseVersion(result.Stdout)
}

// ParseVersion reads the first line of `terraform version` or `tofu
// version`, such as "Terraform v1.14.0" or "OpenTofu v1.12.6".
func ParseVersion(output string) (CLIVersion, error) {
	first, _, _ := strings.Cut(strings.TrimSpace(output), "\n")
	v := CLIVersion{Text: first}
	var patch int
	if _, err := fmt.Sscanf(first, "%s v%d.%d.%d", &v.Engine, &v.Major, &v.Minor, &patch); err != nil ||
		(v.Engine != Terraform && v.Engine != OpenTofu) {
		return CLIVersion{}, fmt.Errorf("unexpected version output %q", first)
	}
	return v, nil
}

// AtLeast reports whether the CLI is engine at major.minor or later.
func (v CLIVersion) AtLeast(engine string, major, minor int) bool {
	return v.Engine == engine && (v.Major > major || v.Major == major && v.Minor >= minor)
}
