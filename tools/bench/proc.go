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

// procSampler watches, through /proc, the processes one Terraform command
// runs: the provider processes (Terraform starts each plugin as a separate
// process, often several times in one command: schema, validate, plan,
// apply) and Terraform itself. It records their peak memory and CPU time,
// which no other vantage point gives: the provider's memory is the benchmark's
// target, and the CPU split tells Terraform's cost from the provider's.
//
// Peak memory is VmHWM ("high water mark") of /proc/PID/status: the peak RSS
// the kernel has recorded for the process. It only grows, so polling every
// interval and keeping the largest value seen gives the peak up to the last
// poll; a spike in the last interval before exit can be missed, which is why
// the interval is short.
type procSampler struct {
	interval time.Duration
	// targets maps a resolved executable path to the name results are
	// reported under ("interactly", "time_static").
	targets map[string]string
	// root is the directory holding every workspace of the run. Only
	// processes whose working directory is below it count, so that someone
	// else running the same binaries on this shared machine does not leak
	// into the figures (plugins inherit Terraform's cwd).
	root string
	// cli is the Terraform CLI's resolved path. Its processes are reported
	// as "terraform". A freshly forked child also shows it until it execs
	// the plugin, so a PID showing it is looked at again on every poll.
	cli string
	// self is this program's resolved path, which the child that is about
	// to exec Terraform shows until it does: also looked at again.
	self string
}

// procTerraform is the name the CLI's own processes are reported under.
const procTerraform = "terraform"

// usage is what the sampler saw of one kind of process during a command.
type usage struct {
	PeakKB int64   // the largest VmHWM of any one process
	CPU    float64 // user+system CPU seconds, summed over the processes
}

// clockTicks is USER_HZ, the unit of the CPU times in /proc/PID/stat: 100 on
// every Linux architecture Go runs on (reading it needs cgo's sysconf).
const clockTicks = 100

// newProcSampler resolves symlinks (os.MkdirTemp may sit below one) so the
// paths compare equal to what /proc/PID/exe and /proc/PID/cwd say.
func newProcSampler(interval time.Duration, root, cli string, targets map[string]string) (*procSampler, error) {
	m := &procSampler{interval: interval, targets: make(map[string]string, len(targets))}
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
	if m.cli, err = filepath.EvalSymlinks(cli); err != nil {
		return nil, err
	}
	if m.self, err = os.Executable(); err != nil {
		return nil, err
	}
	if m.self, err = filepath.EvalSymlinks(m.self); err != nil {
		return nil, err
	}
	return m, nil
}

// pollState is what polls remember between them. Only the polling
// goroutine touches it until it is done, so it needs no lock.
type pollState struct {
	// known caches what each PID is: a name, or "" for a process to
	// ignore. Processes that may still exec are never cached (see
	// procSampler.cli and procSampler.self).
	known map[int]string
	name  map[int]string  // the last name seen of each watched PID
	peak  map[int]int64   // the last VmHWM read of each watched PID
	cpu   map[int]float64 // the last CPU seconds read of each watched PID
}

// during runs fn while polling /proc, and returns what it saw of each name
// (absent when no process of it was seen).
func (m *procSampler) during(fn func() error) (map[string]usage, error) {
	st := pollState{known: map[int]string{}, name: map[int]string{}, peak: map[int]int64{}, cpu: map[int]float64{}}
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		ticker := time.NewTicker(m.interval)
		defer ticker.Stop()
		for {
			m.poll(&st)
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

	seen := make(map[string]usage)
	for pid, name := range st.name {
		u := seen[name]
		u.PeakKB = max(u.PeakKB, st.peak[pid])
		u.CPU += st.cpu[pid]
		seen[name] = u
	}
	return seen, err
}

// poll looks at every process once.
func (m *procSampler) poll(st *pollState) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue // not a process
		}
		name, cached := st.known[pid]
		if !cached {
			name = m.classify(pid, st.known)
		}
		if name == "" {
			continue
		}
		// Read when first seen too, not only later: a short-lived
		// plugin process may live less than one interval.
		proc := "/proc/" + strconv.Itoa(pid)
		kb, err := readVmHWM(proc + "/status")
		if err != nil {
			continue // it has just exited; keep what the last poll saw
		}
		st.name[pid] = name
		st.peak[pid] = max(st.peak[pid], kb)
		if stat, err := os.ReadFile(proc + "/stat"); err == nil {
			if cpu, err := parseStatCPU(string(stat)); err == nil {
				st.cpu[pid] = cpu
			}
		}
	}
}

// classify tells whose pid is, caching the answer unless the process may
// still exec into something else.
func (m *procSampler) classify(pid int, known map[int]string) string {
	proc := "/proc/" + strconv.Itoa(pid)
	exe, err := os.Readlink(proc + "/exe")
	if err != nil {
		// Another user's process (no permission) or one that has
		// exited: neither will become ours.
		known[pid] = ""
		return ""
	}
	name, isCLI := m.targets[exe], exe == m.cli
	if isCLI {
		name = procTerraform
	}
	if name != "" {
		cwd, err := os.Readlink(proc + "/cwd")
		if err != nil || !within(cwd, m.root) {
			name = ""
		}
	}
	if !isCLI && exe != m.self {
		known[pid] = name
	}
	return name
}

func within(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

func readVmHWM(path string) (int64, error) {
	f, err := os.Open(path)
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

// parseStatCPU returns the user+system CPU seconds of a /proc/PID/stat line.
// The command name (field 2) is in parentheses and may hold spaces, so the
// fields are counted from the last ')'.
func parseStatCPU(stat string) (float64, error) {
	i := strings.LastIndexByte(stat, ')')
	if i < 0 {
		return 0, errors.New("no command name in /proc/PID/stat")
	}
	fields := strings.Fields(stat[i+1:])
	// fields[0] is field 3 (state); utime and stime are fields 14 and 15.
	if len(fields) < 13 {
		return 0, errors.New("short /proc/PID/stat")
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64)
	stime, err2 := strconv.ParseInt(fields[12], 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, err
	}
	return float64(utime+stime) / clockTicks, nil
}
