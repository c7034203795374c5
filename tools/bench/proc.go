package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// memSampler finds the provider processes Terraform starts and records their
// peak resident memory. Terraform runs each plugin as a separate process
// (often several in one command: schema, validate, plan, apply), so the only
// way to see the provider's memory from outside is /proc.
//
// VmHWM ("high water mark") in /proc/PID/status is the peak RSS the kernel
// has recorded for the process so far. It only grows, so polling every
// interval and keeping the largest value seen gives the peak up to the last
// poll; a spike in the final interval before exit can be missed, which is
// why the interval is short.
type memSampler struct {
	interval time.Duration
	// targets maps a resolved executable path to the name results are
	// reported under ("interactly", "time_static").
	targets map[string]string
	// root is the directory holding every workspace of the run. Only
	// processes whose working directory is below it count, so that someone
	// else running the same time provider binary on this shared machine
	// does not leak into the figures (plugins inherit Terraform's cwd).
	root string
	// ignoreExe is the Terraform CLI's resolved path: a freshly forked
	// child still shows it until it execs the plugin, so a PID showing it
	// must be looked at again on the next poll instead of being written off.
	ignoreExe string
}

// newMemSampler resolves symlinks (os.MkdirTemp may sit below one) so the
// paths compare equal to what /proc/PID/exe and /proc/PID/cwd say.
func newMemSampler(interval time.Duration, root, cli string, targets map[string]string) (*memSampler, error) {
	m := &memSampler{interval: interval, targets: make(map[string]string, len(targets))}
	for path, name := range targets {
		resolved, err := filepath.EvalSymlinks(path)
		if err != nil {
			return nil, err
		}
		m.targets[resolved] = name
	}
	var err error
	if m.root, err = filepath.EvalSymlinks(root); err != nil {
		return nil, err
	}
	if m.ignoreExe, err = filepath.EvalSymlinks(cli); err != nil {
		return nil, err
	}
	return m, nil
}

// during runs fn while polling /proc, and returns the peak VmHWM in kB seen
// for each target name (absent when no process of it was seen).
func (m *memSampler) during(fn func() error) (map[string]int64, error) {
	var (
		// Only the polling goroutine touches these until done is
		// closed, so they need no lock.
		peaks = make(map[string]int64)
		// known caches what each PID is: a target name, or "" for a
		// process to ignore. A PID is only cached once it has exec'd
		// something other than the CLI (see ignoreExe).
		known = make(map[int]string)
		stop  = make(chan struct{})
		done  = make(chan struct{})
	)
	go func() {
		defer close(done)
		ticker := time.NewTicker(m.interval)
		defer ticker.Stop()
		for {
			m.poll(known, peaks)
			select {
			case <-stop:
				return
			case <-ticker.C:
			}
		}
	}()
	err := fn()
	close(stop)
	<-done
	return peaks, err
}

// poll looks at every process once.
func (m *memSampler) poll(known map[int]string, peaks map[string]int64) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue // not a process
		}
		name, seen := known[pid]
		if !seen {
			name = m.classify(pid, known)
		}
		if name == "" {
			continue
		}
		// Read when first seen too, not only later: a short-lived
		// plugin process may live less than one interval.
		if kb, err := readVmHWM(pid); err == nil && kb > peaks[name] {
			peaks[name] = kb
		}
	}
}

// classify tells whether pid is one of the targets, caching the answer
// unless the process may still exec into a target.
func (m *memSampler) classify(pid int, known map[int]string) string {
	proc := "/proc/" + strconv.Itoa(pid)
	exe, err := os.Readlink(proc + "/exe")
	if err != nil {
		// Another user's process (no permission) or one that has
		// exited: neither will become ours.
		known[pid] = ""
		return ""
	}
	if exe == m.ignoreExe {
		return "" // a Terraform process, or a child about to exec a plugin
	}
	name := m.targets[exe]
	if name != "" {
		cwd, err := os.Readlink(proc + "/cwd")
		if err != nil || !within(cwd, m.root) {
			name = ""
		}
	}
	known[pid] = name
	return name
}

func within(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

func readVmHWM(pid int) (int64, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return parseVmHWM(f)
}

// parseVmHWM reads the "VmHWM:    12345 kB" line of a /proc/PID/status file
// and returns the value in kB.
func parseVmHWM(r io.Reader) (int64, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		value, ok := strings.CutPrefix(sc.Text(), "VmHWM:")
		if !ok {
			continue
		}
		fields := strings.Fields(value)
		if len(fields) != 2 || fields[1] != "kB" {
			return 0, fmt.Errorf("unexpected VmHWM line %q", sc.Text())
		}
		return strconv.ParseInt(fields[0], 10, 64)
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	// Kernel threads have no VmHWM line.
	return 0, errors.New("no VmHWM line")
}
