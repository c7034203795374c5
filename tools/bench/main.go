// Command bench measures what the Interactly provider costs Terraform against
// a floor: HashiCorp's time_static, a framework resource that calls no API.
//
// For every latency and every N it runs, on one in-process emulator, four
// phases per provider (create, refresh plan, update, destroy) with the real
// Terraform CLI and the built provider served through dev_overrides, and
// records wall time, API calls and the provider processes' peak memory.
// After several rounds it prints the medians as Markdown and, with -out,
// writes them between the markers of BENCHMARKS.md.
//
// Then the rate-limited phase applies N numbers at -parallelism=20 without
// an API limit and against 50 requests a second under each shape of rate
// limiter, and compares each limited apply with its floor;
// -rate-limited-only runs that phase alone and rewrites only its own
// section. Last, the shared-key phase runs k concurrent applies on one key
// (and the single-run rows of the limiters); -shared-key-only runs
// it alone.
//
//	go run ./tools/bench -rounds 3 -out BENCHMARKS.md
//
// make bench runs exactly that, after building what it needs.
package main

import (
	"context"
	"debug/buildinfo"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type options struct {
	rounds    int
	sizes     []int
	latencies []time.Duration
	out       string
	cli       string
	timeDir   string

	rateLimitedOnly   bool
	rateLimitedRounds int
	rateLimitedSizes  []int
	apiRateLimit      float64
	rateLimitShapes   []emulator.RateLimitShape

	exportOnly      bool
	sharedKeyOnly   bool
	sharedKeyRounds int
	sharedKeyShapes []string                  // the limiters of the shared-key phase
	sharedKeyRuns   []int                     // its numbers of concurrent runs
	singleRunShapes []emulator.RateLimitShape // the limiters of its single-run rows
	logDir          string
}

func parseFlags() (options, error) {
	var o options
	var sizes, latencies, rateSizes, shapes, sharedShapes, sharedRuns, singleShapes string
	flag.IntVar(&o.rounds, "rounds", 3, "rounds to run; the report shows the median of each figure")
	flag.StringVar(&sizes, "sizes", "100,1000", "comma-separated numbers of resources N")
	flag.StringVar(&latencies, "latencies", "0,50ms", "comma-separated latencies added to every API request")
	flag.StringVar(&o.out, "out", "", "Markdown file whose bench section to rewrite (e.g. BENCHMARKS.md); empty: print only")
	flag.StringVar(&o.cli, "terraform", "", "Terraform CLI to run (default: $TF_ACC_TERRAFORM_PATH, else terraform on PATH)")
	flag.StringVar(&o.timeDir, "time-provider-dir", "bin", "directory holding terraform-provider-time (make bench builds v0.14.2 into bin/)")
	flag.BoolVar(&o.rateLimitedOnly, "rate-limited-only", false, "run only the rate-limited phase, and with -out rewrite only its section")
	flag.StringVar(&rateSizes, "rate-limited-sizes", "300,1000", "comma-separated numbers of resources N of the rate-limited phase")
	flag.IntVar(&o.rateLimitedRounds, "rate-limited-rounds", 2, "rounds of the rate-limited phase")
	flag.Float64Var(&o.apiRateLimit, "api-rate-limit", defaultAPIRateLimit, "requests per second the emulator allows in the rate-limited phase")
	flag.StringVar(&shapes, "rate-limit-shapes", strings.Join(defaultShapes, " "),
		"space-separated shapes of the emulator's rate limiter (as its -rate-limit-shape takes them), or \"all\" for every kind, headers and Retry-After")
	flag.BoolVar(&o.exportOnly, "export-only", false, "run only the interactly-export phase, and with -out rewrite only its section")
	flag.BoolVar(&o.sharedKeyOnly, "shared-key-only", false, "run only the shared-key phase (k concurrent applies on one key, and the single-run rows), and with -out rewrite only its section")
	flag.IntVar(&o.sharedKeyRounds, "shared-key-rounds", 3, "rounds of the shared-key phase")
	// Narrower runs, to look into one case: their figures are printed, and
	// BENCHMARKS.md keeps only whole runs (-out refuses them).
	flag.StringVar(&sharedShapes, "shared-key-shapes", strings.Join(sharedKeyShapes, " "), "space-separated limiters of the shared-key phase")
	flag.StringVar(&sharedRuns, "shared-key-runs", joinSizes(sharedKeyRuns),
		"comma-separated numbers of concurrent runs of the shared-key phase")
	flag.StringVar(&singleShapes, "single-run-shapes", strings.Join(singleRunShapes, " "), "space-separated limiters of the shared-key phase's single-run rows; \"none\" for none")
	flag.StringVar(&o.logDir, "log-dir", "", "keep a DEBUG provider log of every apply of the rate-limited and shared-key phases in this `directory`, one file per workspace")
	flag.Parse()
	if flag.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments: %v", flag.Args())
	}
	if o.apiRateLimit <= 0 {
		return o, fmt.Errorf("-api-rate-limit %g: want a rate above 0", o.apiRateLimit)
	}
	specs := strings.Fields(shapes)
	if shapes == "all" {
		specs = allShapes()
	}
	for _, spec := range specs {
		shape, err := emulator.ParseRateLimitShape(spec)
		if err != nil {
			return o, fmt.Errorf("-rate-limit-shapes: %w", err)
		}
		o.rateLimitShapes = append(o.rateLimitShapes, shape)
	}
	if o.rateLimitedRounds < 1 {
		return o, errors.New("-rate-limited-rounds must be at least 1")
	}
	if o.rounds < 1 {
		return o, errors.New("-rounds must be at least 1")
	}
	var err error
	o.sharedKeyShapes = strings.Fields(sharedShapes)
	var singleSpecs []string
	if singleShapes != "none" {
		singleSpecs = strings.Fields(singleShapes)
	}
	if o.sharedKeyRuns, err = parseSizes("-shared-key-runs", sharedRuns); err != nil {
		return o, err
	}
	for _, spec := range o.sharedKeyShapes {
		if _, err := emulator.ParseRateLimitShape(spec); err != nil {
			return o, fmt.Errorf("-shared-key-shapes: %w", err)
		}
	}
	for _, spec := range singleSpecs {
		shape, err := emulator.ParseRateLimitShape(spec)
		if err != nil {
			return o, fmt.Errorf("-single-run-shapes: %w", err)
		}
		o.singleRunShapes = append(o.singleRunShapes, shape)
	}
	if !wholeSharedKeyRun(o.sharedKeyShapes, o.sharedKeyRuns, singleSpecs) && o.out != "" {
		return o, errors.New("-out keeps whole runs only: drop -shared-key-shapes, -shared-key-runs and -single-run-shapes, or -out")
	}
	if o.sizes, err = parseSizes("-sizes", sizes); err != nil {
		return o, err
	}
	if o.rateLimitedSizes, err = parseSizes("-rate-limited-sizes", rateSizes); err != nil {
		return o, err
	}
	for _, f := range strings.Split(latencies, ",") {
		d, err := time.ParseDuration(strings.TrimSpace(f))
		if err != nil || d < 0 {
			return o, fmt.Errorf("-latencies: %q is not a duration such as 0 or 50ms", f)
		}
		o.latencies = append(o.latencies, d)
	}
	if o.cli == "" {
		if o.cli, err = tfcli.CLIPath(); err != nil {
			return o, err
		}
	}
	return o, nil
}

// wholeSharedKeyRun reports whether the shared-key phase runs every case:
// BENCHMARKS.md keeps only whole runs, whose targets it states.
func wholeSharedKeyRun(shapes []string, runs []int, singleShapes []string) bool {
	return slices.Equal(shapes, sharedKeyShapes) && slices.Equal(runs, sharedKeyRuns) && slices.Equal(singleShapes, singleRunShapes)
}

// joinSizes writes sizes as parseSizes reads them.
func joinSizes(sizes []int) string {
	list := make([]string, len(sizes))
	for i, n := range sizes {
		list[i] = strconv.Itoa(n)
	}
	return strings.Join(list, ",")
}

func parseSizes(name, list string) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%s: %q is not a positive whole number", name, f)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

func run() error {
	opts, err := parseFlags()
	if err != nil {
		return err
	}
	// Interrupting kills the running terraform (exec.CommandContext) and
	// still removes the temporary directory.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Absolute: dev_overrides and /proc/PID/exe both need one.
	timeDir, err := filepath.Abs(opts.timeDir)
	if err != nil {
		return err
	}
	timeBinary := filepath.Join(timeDir, "terraform-provider-time")
	if _, err := os.Stat(timeBinary); err != nil && !opts.rateLimitedOnly && !opts.exportOnly && !opts.sharedKeyOnly {
		return fmt.Errorf("no time provider in -time-provider-dir (build it with: GOBIN=$PWD/bin go install github.com/hashicorp/terraform-provider-time@v0.14.2): %w", err)
	}

	work, err := os.MkdirTemp("", "interactly-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	started := time.Now()
	fmt.Fprintln(os.Stderr, "building the provider")
	providerDir := filepath.Join(work, "provider")
	if err := os.Mkdir(providerDir, 0o755); err != nil {
		return err
	}
	providerBinary, err := tfcli.BuildProvider(ctx, providerDir, "bench")
	if err != nil {
		return err
	}

	// One emulator for the whole run, holding as many numbers as the
	// largest N: smaller N adopt the first numbers, so every list call
	// returns the same team whatever N is.
	const apiKey = "sk-bench"
	seed := emulator.GenerateSeed(slices.Max(opts.sizes))
	emu := emulator.New(emulator.Options{APIKey: apiKey, Seed: seed})
	ln, err := net.Listen("tcp", "127.0.0.1:0") // loopback: the provider refuses plain http elsewhere
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	watched := map[string]string{providerBinary: provInteractly}
	if !opts.rateLimitedOnly && !opts.exportOnly && !opts.sharedKeyOnly {
		watched[timeBinary] = provTime
	}
	procs, err := newProcSampler(50*time.Millisecond, work, opts.cli, watched)
	if err != nil {
		return err
	}
	b := &bench{
		cli:         opts.cli,
		providerDir: providerDir,
		timeDir:     timeDir,
		work:        work,
		baseURL:     "http://" + ln.Addr().String(),
		apiKey:      apiKey,
		emu:         emu,
		seed:        seed,
		procs:       procs,
		results:     make(map[cell][]sample),
	}
	if opts.logDir != "" {
		// Absolute: every apply runs in a workspace of its own.
		if b.logDir, err = filepath.Abs(opts.logDir); err != nil {
			return err
		}
		if err := os.MkdirAll(b.logDir, 0o755); err != nil {
			return err
		}
	}
	host, err := describeHost(ctx, b)
	if err != nil {
		return err
	}
	if opts.rateLimitedOnly {
		return runRateLimitedOnly(ctx, b, opts, host, started)
	}
	if opts.exportOnly {
		return runExportPhase(ctx, work, opts.rounds, opts.latencies, host, opts.out)
	}
	if opts.sharedKeyOnly {
		return runSharedKeyOnly(ctx, b, opts, host, started)
	}
	machine := append(slices.Clone(host), describeFloor(timeBinary)...)

	for round := 1; round <= opts.rounds; round++ {
		label := fmt.Sprintf("round %d/%d", round, opts.rounds)
		for _, lat := range opts.latencies {
			b.setLatency(lat)
			for _, n := range opts.sizes {
				suites, err := b.suites(n)
				if err != nil {
					return err
				}
				// Alternate which provider goes first, so that neither
				// always runs right after the other's destroy (warm
				// page cache, the machine's other load).
				if round%2 == 0 {
					slices.Reverse(suites)
				}
				for _, s := range suites {
					if err := b.runSuite(ctx, label, lat, n, s); err != nil {
						return err
					}
				}
			}
		}
	}
	b.setLatency(0)

	elapsed := time.Since(started)
	machine = append(machine, fmt.Sprintf("Run: %d rounds, took %s (build included)",
		opts.rounds, elapsed.Round(time.Second)))
	rep := report{Machine: machine, Rounds: opts.rounds, Latencies: opts.latencies, Sizes: opts.sizes, Results: b.results}
	section := rep.render()
	fmt.Print(section)
	if opts.out != "" {
		if err := writeSection(opts.out, beginMarker, endMarker, withoutColumns(compactSection(section, false), mainPrintedOnly...)); err != nil {
			return err
		}
	}
	if err := runRateLimitedOnly(ctx, b, opts, host, time.Now()); err != nil {
		return err
	}
	if err := runSharedKeyOnly(ctx, b, opts, host, time.Now()); err != nil {
		return err
	}
	return runExportPhase(ctx, work, opts.rounds, opts.latencies, host, opts.out)
}

// runRateLimitedOnly runs the rate-limited phase, prints its section and,
// with -out, rewrites that section alone.
func runRateLimitedOnly(ctx context.Context, b *bench, opts options, host []string, started time.Time) error {
	results, err := b.runRateLimited(ctx, opts.rateLimitedRounds, opts.rateLimitedSizes, opts.apiRateLimit, opts.rateLimitShapes)
	if err != nil {
		return err
	}
	machine := append(slices.Clone(host), fmt.Sprintf("Run: %d rounds, took %s", opts.rateLimitedRounds, time.Since(started).Round(time.Second)))
	section := renderRateLimited(machine, opts.rateLimitedRounds, opts.rateLimitedSizes, opts.apiRateLimit, opts.rateLimitShapes, results)
	fmt.Print(section)
	if opts.out == "" {
		return nil
	}
	return writeSection(opts.out, rateLimitedBegin, rateLimitedEnd, withoutColumns(compactSection(section, true), rateLimitedPrintedOnly...))
}

// mainPrintedOnly are the columns of the main table that the run prints and
// the file leaves out: the floor's memory is context, not a target.
var mainPrintedOnly = []string{"time_static peak MB"}

// rateLimitedPrintedOnly are the columns of the rate-limited table that the
// run prints but BENCHMARKS.md leaves out: the floor and the ratio say what
// they add up to.
var rateLimitedPrintedOnly = []string{"unlimited (s)", "requests sent", "requests / limit (s)", "per-round ratios (429s)"}

// writeSection rewrites the generated section of path, creating the file if
// it does not exist.
func writeSection(path, begin, end, section string) error {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	doc, err := replaceBetween(string(old), begin, end, section)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, []byte(doc), 0o644)
}

// describeHost returns the lines that say where and with what the figures
// were measured: they mean little without them.
func describeHost(ctx context.Context, b *bench) ([]string, error) {
	lines := []string{"Date: " + time.Now().UTC().Format("2006-01-02 15:04 MST")}

	cpu := firstField("/proc/cpuinfo", "model name")
	lines = append(lines, fmt.Sprintf("CPU: %d × %s", runtime.NumCPU(), cpu))
	if f := strings.Fields(firstField("/proc/meminfo", "MemTotal")); len(f) == 2 && f[1] == "kB" {
		if kb, err := strconv.ParseFloat(f[0], 64); err == nil {
			lines = append(lines, fmt.Sprintf("Memory: %.1f GiB", kb/(1<<20)))
		}
	}
	if release, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		lines = append(lines, "Kernel: Linux "+strings.TrimSpace(string(release)))
	}
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		f := strings.Fields(string(load))
		if len(f) >= 3 {
			lines = append(lines, fmt.Sprintf("Load average at the start: %s %s %s", f[0], f[1], f[2]))
		}
	}
	lines = append(lines, "Go: "+runtime.Version())

	// Ask the CLI through a workspace, so it reads no ~/.terraformrc.
	ws, err := tfcli.NewWorkspace(filepath.Join(b.work, "version"), b.cli, b.providerDir, nil)
	if err != nil {
		return nil, err
	}
	res, err := ws.MustSucceed(ctx, "version")
	if err != nil {
		return nil, err
	}
	version, _, _ := strings.Cut(res.Stdout, "\n")
	lines = append(lines, fmt.Sprintf("Terraform: %s (%s)", version, b.cli))
	return lines, nil
}

// describeFloor returns the lines about the main phases' floor and order.
func describeFloor(timeBinary string) []string {
	timeVersion := "unknown version"
	if info, err := buildinfo.ReadFile(timeBinary); err == nil {
		timeVersion = info.Main.Version
	}
	return []string{"Floor: terraform-provider-time " + timeVersion + ", through dev_overrides like the provider",
		"Terraform runs with its default -parallelism=10",
		"Order: per latency and N, both providers' four phases on a fresh workspace, interactly first in odd rounds",
		"Latency: an emulator fault delaying every request"}
}

// firstField returns the value of the first "key : value" line of a /proc
// file, or "unknown".
func firstField(path, key string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "unknown"
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
