// Package tfcli runs the real Terraform or OpenTofu CLI against the built
// provider binary, the way users run it: a separate provider process found
// through dev_overrides, with nothing in-process. The end-to-end tests, the
// live acceptance suite and the benchmark drive the CLI through it.
package tfcli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Source addresses under which the provider is overridden: the same
// "interactly/interactly" resolves to a different registry host in each engine.
var providerAddresses = []string{
	"registry.terraform.io/interactly/interactly",
	"registry.opentofu.org/interactly/interactly",
}

// CLIPath returns the Terraform or OpenTofu binary to run: TF_ACC_TERRAFORM_PATH
// when set (as terraform-plugin-testing does), else terraform on PATH.
func CLIPath() (string, error) {
	if path := os.Getenv("TF_ACC_TERRAFORM_PATH"); path != "" {
		return path, nil
	}
	path, err := exec.LookPath("terraform")
	if err != nil {
		return "", errors.New("no Terraform CLI: set TF_ACC_TERRAFORM_PATH or put terraform on PATH (make tools builds one)")
	}
	return path, nil
}

// BuildProvider compiles the provider into dir and returns the binary's path.
func BuildProvider(ctx context.Context, dir, version string) (string, error) {
	root, err := moduleRoot(ctx)
	if err != nil {
		return "", err
	}
	binary := filepath.Join(dir, "terraform-provider-interactly")
	cmd := exec.CommandContext(ctx, "go", "build", "-ldflags", "-X main.version="+version, "-o", binary, ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the provider: %v\n%s", err, out)
	}
	return binary, nil
}

func moduleRoot(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("finding the module root: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("not inside the provider's Go module")
	}
	return filepath.Dir(gomod), nil
}

// Workspace is a directory with a configuration, its state and a CLI
// configuration of its own whose dev_overrides serve local provider builds.
type Workspace struct {
	Dir string
	CLI string
	// Env is added to every command's environment (after the defaults).
	Env []string
}

// NewWorkspace prepares dir. overrides maps provider source addresses (such
// as "registry.terraform.io/hashicorp/time") to directories holding their
// binaries; the Interactly provider's addresses are added for providerDir.
func NewWorkspace(dir, cli, providerDir string, overrides map[string]string) (*Workspace, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var rc strings.Builder
	rc.WriteString("provider_installation {\n  dev_overrides {\n")
	for _, address := range providerAddresses {
		fmt.Fprintf(&rc, "    %q = %q\n", address, providerDir)
	}
	for address, path := range overrides {
		fmt.Fprintf(&rc, "    %q = %q\n", address, path)
	}
	rc.WriteString("  }\n  direct {}\n}\n")
	if err := os.WriteFile(filepath.Join(dir, "cli.tfrc"), []byte(rc.String()), 0o644); err != nil {
		return nil, err
	}
	return &Workspace{Dir: dir, CLI: cli}, nil
}

// WriteFile writes a file of the workspace, such as main.tf.
func (w *Workspace) WriteFile(name, content string) error {
	return os.WriteFile(filepath.Join(w.Dir, name), []byte(content), 0o644)
}

// Result is what one CLI command did.
type Result struct {
	Args     []string
	Stdout   string
	Stderr   string
	ExitCode int
	Duration time.Duration
}

func (r Result) String() string {
	return fmt.Sprintf("%s exited %d after %v\nstdout:\n%s\nstderr:\n%s",
		strings.Join(r.Args, " "), r.ExitCode, r.Duration.Round(time.Millisecond), r.Stdout, r.Stderr)
}

// Run runs the CLI with args in the workspace. A non-zero exit is not an
// error (plan -detailed-exitcode uses 2); failing to start is.
func (w *Workspace) Run(ctx context.Context, args ...string) (Result, error) {
	cmd := w.Command(ctx, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	result := Result{Args: args, Stdout: stdout.String(), Stderr: stderr.String(), Duration: time.Since(start)}
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		result.ExitCode = exitErr.ExitCode()
	case err != nil:
		return result, err
	}
	return result, nil
}

// Command prepares the CLI with args in the workspace, for callers that need
// the process itself (to interrupt it, say).
func (w *Workspace) Command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, w.CLI, args...)
	cmd.Dir = w.Dir
	cmd.Env = append(cleanEnv(), "TF_CLI_CONFIG_FILE="+filepath.Join(w.Dir, "cli.tfrc"),
		"CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_INPUT=0")
	cmd.Env = append(cmd.Env, w.Env...)
	return cmd
}

// MustSucceed runs a command that must exit 0 and returns its result.
func (w *Workspace) MustSucceed(ctx context.Context, args ...string) (Result, error) {
	result, err := w.Run(ctx, args...)
	if err == nil && result.ExitCode != 0 {
		err = fmt.Errorf("command failed: %s", result)
	}
	return result, err
}

// cleanEnv is this process's environment without the variables that would
// change how the CLI or the provider behaves (logging, test harness, the
// user's credentials), so every run starts from the same place.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "TF_") || strings.HasPrefix(name, "INTERACTLY_") {
			continue
		}
		env = append(env, kv)
	}
	return env
}
