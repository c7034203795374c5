package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// The shared-key phase: k terraform applies at once on one API key, each its
// own provider process as concurrent CI runs are, against one emulator
// allowing sharedKeyLimit requests a second (sharedKeyLatency added to every
// request), under each kind of limiter answering Retry-After in whole
// seconds, with and without rate-limit headers. Each run adopts
// sharedKeyNumbers numbers of its own and reaches the emulator on a port of
// its own, so that its refusals are counted apart. The floor is every
// accepted request of all the runs at the limit.
const (
	sharedKeyNumbers = 150
	sharedKeyLimit   = 20
	sharedKeyLatency = 80 * time.Millisecond
	// The targets: all done within this many times the floor, no run this
	// many times slower than the fastest, and refusals per run.
	targetSharedRatio            = 1.3
	targetSharedFairness         = 1.3
	targetSharedRefusalsHeaders  = 5
	targetSharedRefusalsNoHeader = 20
)

// sharedKeyRuns are the numbers of concurrent runs measured.
var sharedKeyRuns = []int{1, 2, 4}

// sharedKeyShapes are the limiters: each kind, Retry-After in seconds,
// without and with the IETF headers.
var sharedKeyShapes = []string{
	"fixed-window", "fixed-window,headers=ietf",
	"sliding-window", "sliding-window,headers=ietf",
	"token-bucket", "token-bucket,headers=ietf",
}

// singleRunShapes are the limiters of the single-run rows: 300 numbers at
// -parallelism=20 against 50 requests a second, no headers, Retry-After in
// whole seconds (1 as a rule).
var singleRunShapes = []string{"fixed-window", "sliding-window", "token-bucket"}

const (
	singleRunNumbers = 300
	singleRunLimit   = 50
)

// The shared-key phase's part of BENCHMARKS.md.
const (
	sharedKeyBegin = "<!-- bench-shared-key:begin -->"
	sharedKeyEnd   = "<!-- bench-shared-key:end -->"
)

// sharedSample is one case of k concurrent applies.
type sharedSample struct {
	Walls    []time.Duration // per run
	Refused  []int           // per run
	Accepted int             // requests accepted, all runs
	Lost     int             // numbers left unconfigured, all runs
}

func (s sharedSample) floor() time.Duration {
	return time.Duration(float64(s.Accepted) / sharedKeyLimit * float64(time.Second))
}

func (s sharedSample) ratio() float64 { return slices.Max(s.Walls).Seconds() / s.floor().Seconds() }

func (s sharedSample) fairness() float64 {
	return slices.Max(s.Walls).Seconds() / slices.Min(s.Walls).Seconds()
}

type sharedKey struct {
	K     int
	Shape string
}

// runSharedKey runs every case rounds times, in an order reversed every
// other round.
func (b *bench) runSharedKey(ctx context.Context, rounds int, shapes []string, runs []int) (map[sharedKey][]sharedSample, error) {
	results := make(map[sharedKey][]sharedSample)
	var cases []sharedKey
	for _, spec := range shapes {
		for _, k := range runs {
			cases = append(cases, sharedKey{K: k, Shape: spec})
		}
	}
	for round := 1; round <= rounds; round++ {
		order := slices.Clone(cases)
		if round%2 == 0 {
			slices.Reverse(order)
		}
		for _, c := range order {
			smp, err := b.applyOnSharedKey(ctx, round, c)
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(os.Stderr, "shared-key round %d/%d k=%d %-28s runs %v, refused %v, %.2f × floor, slowest %.2f × fastest, %d lost\n",
				round, rounds, c.K, c.Shape, roundAll(smp.Walls), smp.Refused, smp.ratio(), smp.fairness(), smp.Lost)
			results[c] = append(results[c], smp)
		}
	}
	return results, nil
}

func roundAll(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(10 * time.Millisecond)
	}
	return out
}

// applyOnSharedKey runs c.K applies at once against a fresh emulator.
func (b *bench) applyOnSharedKey(ctx context.Context, round int, c sharedKey) (sharedSample, error) {
	shape, err := emulator.ParseRateLimitShape(c.Shape)
	if err != nil {
		return sharedSample{}, err
	}
	seed := emulator.GenerateSeed(c.K * sharedKeyNumbers)
	emu := emulator.New(emulator.Options{APIKey: b.apiKey, Seed: seed, RateLimit: sharedKeyLimit, RateLimitShape: shape})
	emu.AddFault(emulator.Fault{Latency: sharedKeyLatency})
	smp := sharedSample{Walls: make([]time.Duration, c.K), Refused: make([]int, c.K)}
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make([]error, c.K)
	workspaces := make([]*tfcli.Workspace, c.K)
	for i := range c.K {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return sharedSample{}, err
		}
		srv := &http.Server{Handler: countRefusals(emu, func() { mu.Lock(); smp.Refused[i]++; mu.Unlock() }), ReadHeaderTimeout: 10 * time.Second}
		go func() { _ = srv.Serve(ln) }()
		defer srv.Close()
		dir := filepath.Join(b.work, fmt.Sprintf("shared-%d-%d-%s-%d", round, c.K, strings.ReplaceAll(c.Shape, ",", "-"), i))
		ws, err := tfcli.NewWorkspace(dir, b.cli, b.providerDir, nil)
		if err != nil {
			return sharedSample{}, err
		}
		defer os.RemoveAll(dir)
		ws.Env = append([]string{"INTERACTLY_API_KEY=" + b.apiKey, "INTERACTLY_BASE_URL=http://" + ln.Addr().String()}, b.providerLog(filepath.Base(dir))...)
		if err := ws.WriteFile("main.tf", tfconfig.NumbersConfig(numberSpecs(seed.Numbers[i*sharedKeyNumbers:(i+1)*sharedKeyNumbers]))); err != nil {
			return sharedSample{}, err
		}
		workspaces[i] = ws
	}
	for i, ws := range workspaces {
		wg.Go(func() {
			res, err := ws.MustSucceed(ctx, "apply", "-auto-approve")
			smp.Walls[i], errs[i] = res.Duration, err
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return sharedSample{}, fmt.Errorf("shared-key phase, k=%d, %s: %w", c.K, c.Shape, err)
		}
	}
	statuses := emu.StatusCounts()
	for status, n := range statuses {
		if status != http.StatusTooManyRequests && status != 0 {
			smp.Accepted += n
		}
	}
	for _, num := range seed.Numbers {
		if got, _ := emu.GetNumber(num.ID); got.AssistantID != "asst-2" {
			smp.Lost++
		}
	}
	return smp, nil
}

// numberSpecs adopts numbers, attaching asst-2 and enabling both
// directions.
func numberSpecs(numbers []emulator.Number) []tfconfig.NumberSpec {
	yes := true
	specs := make([]tfconfig.NumberSpec, len(numbers))
	for i, num := range numbers {
		specs[i] = tfconfig.NumberSpec{Key: num.ID, Number: num.Number, Assistant: "asst-2", Inbound: &yes, Outbound: &yes}
	}
	return specs
}

// countRefusals serves h, calling refused for every 429 it answers.
func countRefusals(h http.Handler, refused func()) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		if rec.status == http.StatusTooManyRequests {
			refused()
		}
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// renderSharedKey renders the phase's section: the machine, one row per
// case with medians of the rounds, the single-run rows, and the targets.
func renderSharedKey(machine []string, rounds int, results map[sharedKey][]sharedSample, single map[rateKey][]ratePair) string {
	var b strings.Builder
	b.WriteString(generatedNote("bench-shared-key"))
	// The machine is described in the first section; here what changes
	// from run to run.
	for _, line := range machine {
		if strings.HasPrefix(line, "Date:") || strings.HasPrefix(line, "Load average") || strings.HasPrefix(line, "Run:") {
			fmt.Fprintf(&b, "- %s\n", line)
		}
	}
	fmt.Fprintf(&b, "\nk concurrent `terraform apply` of %d numbers each on one key at %d requests a second, %v added to each request; "+
		"floor = all accepted requests / limit. Medians of %d rounds, the worst in brackets.\n\n", sharedKeyNumbers, sharedKeyLimit, sharedKeyLatency, rounds)
	b.WriteString("| shape | k | slowest run (s) | × floor | slowest / fastest | 429s per run, most | lost |\n|---|--:|--:|--:|--:|--:|--:|\n")
	missed, cases := 0, 0
	for _, spec := range sharedKeyShapes {
		headers := strings.Contains(spec, "headers=")
		maxRefused := targetSharedRefusalsNoHeader
		if headers {
			maxRefused = targetSharedRefusalsHeaders
		}
		for _, k := range sharedKeyRuns {
			var slowest, ratios, fair []float64
			worstRefused, lost := 0, 0
			for _, s := range results[sharedKey{K: k, Shape: spec}] {
				slowest = append(slowest, slices.Max(s.Walls).Seconds())
				ratios = append(ratios, s.ratio())
				fair = append(fair, s.fairness())
				worstRefused = max(worstRefused, slices.Max(s.Refused))
				lost += s.Lost
			}
			if len(ratios) == 0 {
				continue
			}
			cases++
			overFloor, overFastest := median(ratios), median(fair)
			slow, unfair := overFloor > targetSharedRatio, overFastest > targetSharedFairness
			refusedTooOften, lostSome := worstRefused > maxRefused, lost > 0
			fmt.Fprintf(&b, "| `%s` | %d | %.1f | %s (%.2f) | %s (%.2f) | %s | %s |\n", spec, k, median(slowest),
				marked(fmt.Sprintf("%.2f", overFloor), slow), slices.Max(ratios),
				marked(fmt.Sprintf("%.2f", overFastest), unfair), slices.Max(fair),
				marked(fmt.Sprint(worstRefused), refusedTooOften), marked(fmt.Sprint(lost), lostSome))
			if slow || unfair || refusedTooOften || lostSome {
				missed++
			}
		}
	}
	if len(single) > 0 {
		fmt.Fprintf(&b, "\nOne `terraform apply -parallelism=%d` of %d numbers at %d requests a second, no headers; floor = max(the same apply unlimited, requests / limit).\n\n",
			rateLimitedParallelism, singleRunNumbers, singleRunLimit)
		b.WriteString("| shape | ratio per round | 429s per round |\n|---|---|---|\n")
		for _, spec := range singleRunShapes {
			shape, _ := emulator.ParseRateLimitShape(spec)
			var ratios, refused []string
			worst := 0.0
			pairs := single[rateKey{N: singleRunNumbers, Shape: shape}]
			if len(pairs) == 0 {
				continue // not run: -single-run-shapes left it out
			}
			cases++
			for _, p := range pairs {
				ratios = append(ratios, marked(fmt.Sprintf("%.2f", p.ratio()), p.ratio() > targetRateLimitedRatio))
				refused = append(refused, fmt.Sprint(p.Limited.Refused))
				worst = max(worst, p.ratio())
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s |\n", spec, strings.Join(ratios, ", "), strings.Join(refused, ", "))
			if worst > targetRateLimitedRatio {
				missed++
			}
		}
	}
	fmt.Fprintf(&b, "\nTargets: medians within %.1f × the floor and %.1f × the fastest run, at most %d 429s a run with headers and %d without, "+
		"none lost; single runs within %.1f × their floor in every round. ", targetSharedRatio, targetSharedFairness,
		targetSharedRefusalsHeaders, targetSharedRefusalsNoHeader, targetRateLimitedRatio)
	if missed == 0 {
		b.WriteString("All met.\n")
	} else {
		fmt.Fprintf(&b, "**Missed** in %d cases of %d, in bold.\n", missed, cases)
	}
	return b.String()
}

// marked returns text, in bold when it misses its target.
func marked(text string, misses bool) string {
	if misses {
		return "**" + text + "**"
	}
	return text
}

// runSharedKeyOnly runs the shared-key phase and the single-run rows,
// prints the section and, with -out, rewrites it.
func runSharedKeyOnly(ctx context.Context, b *bench, opts options, host []string, started time.Time) error {
	results, err := b.runSharedKey(ctx, opts.sharedKeyRounds, opts.sharedKeyShapes, opts.sharedKeyRuns)
	if err != nil {
		return err
	}
	var single map[rateKey][]ratePair
	if len(opts.singleRunShapes) > 0 {
		if single, err = b.runRateLimited(ctx, opts.sharedKeyRounds, []int{singleRunNumbers}, singleRunLimit, opts.singleRunShapes); err != nil {
			return err
		}
	}
	machine := append(slices.Clone(host), fmt.Sprintf("Run: %d rounds, took %s", opts.sharedKeyRounds, time.Since(started).Round(time.Second)))
	section := renderSharedKey(machine, opts.sharedKeyRounds, results, single)
	fmt.Print(section)
	if opts.out == "" {
		return nil
	}
	return writeSection(opts.out, sharedKeyBegin, sharedKeyEnd, section)
}
