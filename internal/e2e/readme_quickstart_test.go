//go:build unix

package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
)

// The README's emulator quick start, run as written: the shell commands
// between its quickstart markers, in a copy of the working tree (a fresh
// clone, uncommitted changes included), with bash. It fails when the README
// drifts from what works. The one liberty taken: the emulator's address is
// replaced by a free port, so that the test never meets a port in use.
const (
	quickStartBegin   = "<!-- quickstart:begin -->"
	quickStartEnd     = "<!-- quickstart:end -->"
	quickStartAddress = "127.0.0.1:8080"
)

func TestAccReadmeQuickStart(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("end-to-end test: set TF_ACC=1 (make testacc runs it)")
	}
	cli, err := tfcli.CLIPath()
	if err != nil {
		t.Fatal(err)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	script, err := quickStartCommands(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	addr := freeLoopbackAddress(t)
	if !strings.Contains(script, quickStartAddress) {
		t.Fatalf("the quick start no longer starts the emulator on %s; update this test:\n%s", quickStartAddress, script)
	}
	script = strings.ReplaceAll(script, quickStartAddress, addr)

	clone := filepath.Join(t.TempDir(), "clone")
	copyWorkingTree(t, root, clone)
	// "terraform" on PATH is the CLI under test, whichever it is.
	cliDir := t.TempDir()
	if err := os.Symlink(cli, filepath.Join(cliDir, "terraform")); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-e", "-o", "pipefail", "-c", script)
	cmd.Dir = clone
	cmd.Env = append(quickStartEnv(), "PATH="+cliDir+string(os.PathListSeparator)+os.Getenv("PATH"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	// Its own process group, so that whatever the script leaves running
	// (the emulator, when it fails before stopping it) is killed with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
	begin := time.Now()
	err = cmd.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) //nolint:errcheck // the group is usually gone already
	if err = cmd.Wait(); errors.Is(err, exec.ErrWaitDelay) {
		t.Fatalf("the README quick start left a process running (the emulator?) after its last command\n--- script ---\n%s\n--- output ---\n%s", script, out.String())
	} else if err != nil {
		t.Fatalf("the README quick start failed: %v\n--- script ---\n%s\n--- output ---\n%s", err, script, out.String())
	}
	t.Logf("the quick start ran in %v", time.Since(begin).Round(time.Second))

	plain := ansiEscapes.ReplaceAllString(out.String(), "")
	// The demo's every resource is created, then destroyed.
	demo, err := os.ReadFile(filepath.Join(root, "demo", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	n := len(regexp.MustCompile(`(?m)^resource "`).FindAll(demo, -1))
	for _, want := range []string{
		fmt.Sprintf("Plan: %d to add", n), fmt.Sprintf("Apply complete! Resources: %d added", n), fmt.Sprintf("Destroy complete! Resources: %d destroyed", n),
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("the quick start's output lacks %q:\n%s", want, plain)
		}
	}
	// The README's last command stops the emulator.
	if !portClosesWithin(addr, 5*time.Second) {
		t.Errorf("the emulator still listens on %s after the quick start's last command", addr)
	}
}

// ansiEscapes matches the colour codes of the CLI's output, which the
// quick start leaves on, as a user would.
var ansiEscapes = regexp.MustCompile("\x1b\\[[0-9;]*m")

// quickStartCommands returns the shell commands of the sh block between the
// quickstart markers of a README.
func quickStartCommands(readme string) (string, error) {
	_, rest, ok := strings.Cut(readme, quickStartBegin)
	if !ok {
		return "", errors.New("README.md has no " + quickStartBegin + " marker")
	}
	section, _, ok := strings.Cut(rest, quickStartEnd)
	if !ok {
		return "", errors.New("README.md has no " + quickStartEnd + " marker after " + quickStartBegin)
	}
	_, block, ok := strings.Cut(section, "```sh\n")
	if !ok {
		return "", errors.New("no ```sh block between the quickstart markers of README.md")
	}
	commands, _, ok := strings.Cut(block, "```")
	if !ok {
		return "", errors.New("the ```sh block between the quickstart markers of README.md is not closed")
	}
	return commands, nil
}

// quickStartEnv is this process's environment without what would change how
// the CLI or the provider behaves (the test harness's TF_ variables, the
// user's Interactly settings), as in a fresh shell.
func quickStartEnv() []string {
	env := []string{"CHECKPOINT_DISABLE=1", "TF_INPUT=0"}
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "TF_") || strings.HasPrefix(name, "INTERACTLY_") || name == "PATH" {
			continue
		}
		env = append(env, kv)
	}
	return env
}

// copyWorkingTree copies the files git tracks or would track (not ignored)
// from root to dir: what a fresh clone holds, with uncommitted changes.
func copyWorkingTree(t *testing.T, root, dir string) {
	t.Helper()
	out, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatalf("listing the working tree: %v", err)
	}
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		src := filepath.Join(root, name)
		info, err := os.Lstat(src)
		if errors.Is(err, os.ErrNotExist) || (err == nil && !info.Mode().IsRegular()) {
			continue // deleted but not yet committed, or not a plain file
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := copyFile(src, filepath.Join(dir, name), info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
}

func copyFile(src, dst string, perm os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// freeLoopbackAddress returns a loopback address with a port nobody listens
// on right now.
func freeLoopbackAddress(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// portClosesWithin reports whether addr stops accepting connections within
// d, polling.
func portClosesWithin(addr string, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			return true
		}
		conn.Close()
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(100 * time.Millisecond)
	}
}
