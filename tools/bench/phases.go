package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// The emulator routes whose counts the report shows apart.
const (
	routeList   = "GET /assistants/v1/numbers"
	routeUpdate = "PUT /assistants/v1/numbers/{id}"
)

// The two providers compared, in the names the report uses.
const (
	provInteractly = "interactly"
	provTime       = "time_static"
)

// The phases, in the order they run on one workspace.
var phases = []string{"create", "refresh", "update", "destroy"}

// sample is what one phase of one provider measured in one round.
type sample struct {
	Wall   time.Duration
	Calls  int   // API requests the emulator received
	Lists  int   // of which GET /assistants/v1/numbers
	PUTs   int   // of which PUT /assistants/v1/numbers/{id}
	PeakKB int64 // the provider processes' peak VmHWM; 0 when none was seen
	// Where the time went: CPU seconds of the provider's processes and of
	// Terraform's, and Terraform's own peak memory.
	ProviderCPU, TerraformCPU float64
	TerraformPeakKB           int64
	StateKB                   int64 // terraform.tfstate after the phase
}

// cell identifies one measured figure across rounds.
type cell struct {
	Latency  time.Duration
	N        int
	Provider string
	Phase    string
}

// suite is the configuration pair one provider is benchmarked with: the
// one created, and the one the update phase applies.
type suite struct {
	provider       string
	create, update string
}

// bench holds what every phase needs. Fields are set once in run.
type bench struct {
	cli         string
	providerDir string
	timeDir     string
	work        string // parent of every workspace
	baseURL     string
	apiKey      string
	emu         *emulator.Server
	seed        emulator.Seed
	procs       *procSampler
	results     map[cell][]sample
	logDir      string // where the limited applies keep their provider's DEBUG log; empty: none
}

// providerLog is the environment that has a limited apply's provider log at
// DEBUG into logDir/name.log, or nothing without -log-dir. Logs are kept
// apart from the workspaces, which are removed after each apply.
func (b *bench) providerLog(name string) []string {
	if b.logDir == "" {
		return nil
	}
	return []string{"TF_LOG_PROVIDER=DEBUG", "TF_LOG_PATH=" + filepath.Join(b.logDir, name+".log")}
}

// suites returns the interactly and time_static configurations for the
// first n seeded numbers. Both use tfconfig's for_each-over-a-map-local shape
// with the same keys, because Terraform's own cost depends on the shape.
func (b *bench) suites(n int) ([]suite, error) {
	numbers := b.seed.Numbers[:n]
	keys := make([]string, n)
	adopt := make([]tfconfig.NumberSpec, n)
	yes := true
	for i, num := range numbers {
		keys[i] = num.ID
		// asst-2 differs from every seeded assistant (asst-1 or none),
		// so create configures every number; update then moves them all
		// to asst-3, so update sends exactly n PUTs.
		adopt[i] = tfconfig.NumberSpec{Key: num.ID, Number: num.Number, Assistant: "asst-2", Inbound: &yes, Outbound: &yes}
	}
	change := make([]tfconfig.NumberSpec, n)
	for i, s := range adopt {
		s.Assistant = "asst-3"
		change[i] = s
	}

	// rfc3339 is the only argument the configuration sets; changing it
	// replaces the resource (RequiresReplace), which is still plan and
	// apply work for every resource with no API behind it. The year is
	// swapped in the rendered configuration so the shape stays exactly
	// tfconfig's.
	timeCreate := tfconfig.TimeStaticConfig(keys)
	const from, to = `= "2026-01-01T`, `= "2027-01-01T`
	if got := strings.Count(timeCreate, from); got != n {
		return nil, fmt.Errorf("tfconfig.TimeStaticConfig changed: expected %d timestamps starting %q, found %d", n, from, got)
	}
	return []suite{
		{provider: provInteractly, create: tfconfig.NumbersConfig(adopt), update: tfconfig.NumbersConfig(change)},
		{provider: provTime, create: timeCreate, update: strings.ReplaceAll(timeCreate, from, to)},
	}, nil
}

// resetNumbers puts every seeded number back as seeded, so that each round
// and each configuration starts from the same data whatever the previous
// destroy left (it detaches assistants).
func (b *bench) resetNumbers() {
	for _, n := range b.seed.Numbers {
		b.emu.SetNumber(n)
	}
}

// setLatency adds latency to every API request through a fault: the
// emulator's Options.Latency is fixed when it is created, and one emulator
// serves the whole run. A fault with only Latency delays the request,
// which then proceeds normally.
func (b *bench) setLatency(d time.Duration) {
	b.emu.ClearFaults()
	if d > 0 {
		b.emu.AddFault(emulator.Fault{Latency: d})
	}
}

// runSuite runs the four phases of one provider on a fresh workspace and
// records them under (latency, n).
func (b *bench) runSuite(ctx context.Context, label string, latency time.Duration, n int, s suite) error {
	dir := filepath.Join(b.work, fmt.Sprintf("%s-%s-%d-%s", label, latencyName(latency), n, s.provider))
	overrides := map[string]string{
		"registry.terraform.io/hashicorp/time": b.timeDir,
		"registry.opentofu.org/hashicorp/time": b.timeDir,
	}
	ws, err := tfcli.NewWorkspace(dir, b.cli, b.providerDir, overrides)
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	ws.Env = []string{"INTERACTLY_API_KEY=" + b.apiKey, "INTERACTLY_BASE_URL=" + b.baseURL}
	if s.provider == provInteractly {
		b.resetNumbers()
	}

	steps := []struct {
		phase  string
		config string // written to main.tf before the phase when set
		args   []string
	}{
		{"create", s.create, []string{"apply", "-auto-approve"}},
		// -detailed-exitcode: 0 means no changes, which a refresh right
		// after create must find; 2 would mean the provider drifts.
		{"refresh", "", []string{"plan", "-detailed-exitcode"}},
		{"update", s.update, []string{"apply", "-auto-approve"}},
		{"destroy", "", []string{"destroy", "-auto-approve"}},
	}
	for _, st := range steps {
		if st.config != "" {
			if err := ws.WriteFile("main.tf", st.config); err != nil {
				return err
			}
		}
		b.emu.ResetCounts()
		var result tfcli.Result
		seen, err := b.procs.during(func() error {
			var err error
			result, err = ws.MustSucceed(ctx, st.args...)
			return err
		})
		if err != nil {
			return fmt.Errorf("%s, N=%d, latency %v, %s %s: %w", label, n, latency, s.provider, st.phase, err)
		}
		counts := b.emu.Counts()
		smp := sample{
			Wall:            result.Duration,
			Lists:           counts[routeList],
			PUTs:            counts[routeUpdate],
			PeakKB:          seen[s.provider].PeakKB,
			ProviderCPU:     seen[s.provider].CPU,
			TerraformCPU:    seen[procTerraform].CPU,
			TerraformPeakKB: seen[procTerraform].PeakKB,
		}
		for _, c := range counts {
			smp.Calls += c
		}
		if fi, err := os.Stat(filepath.Join(ws.Dir, "terraform.tfstate")); err == nil {
			smp.StateKB = fi.Size() >> 10
		}
		if s.provider == provInteractly && (st.phase == "create" || st.phase == "update" || st.phase == "destroy") && smp.PUTs != n {
			// Not fatal: the figures are still worth reporting, but the
			// reader must know the phase did not do what it says.
			fmt.Fprintf(os.Stderr, "warning: %s sent %d PUTs for %d numbers\n", st.phase, smp.PUTs, n)
		}
		key := cell{Latency: latency, N: n, Provider: s.provider, Phase: st.phase}
		b.results[key] = append(b.results[key], smp)
		fmt.Fprintf(os.Stderr, "%-9s latency %-5s N=%-5d %-11s %-8s %7.2fs  %5d calls (%d lists)  peak %s  CPU: provider %.1fs, terraform %.1fs\n",
			label, latencyName(latency), n, s.provider, st.phase, smp.Wall.Seconds(), smp.Calls, smp.Lists, formatMB(smp.PeakKB),
			smp.ProviderCPU, smp.TerraformCPU)
	}
	return nil
}

// latencyName prints a latency as the flag takes it: "0", "50ms".
func latencyName(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	return d.String()
}
