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
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// The rate-limited phase: the same apply of N numbers at -parallelism=20,
// once against an API without a limit and once against each limit of
// -api-rate-limits, in the same round. The floor of a limited apply is
// whichever is slower: the unlimited apply (Terraform's own pace) or the
// requests it sent spread evenly at the limit. The default limits are 50
// requests a second, the target's, and 15, below the pace Terraform keeps
// on a busy two-core machine, so that the limit binds there too.
const (
	rateLimitedParallelism = 20
	defaultAPIRateLimits   = "50,15"
	targetRateLimitedRatio = 1.25
)

// The rate-limited phase's part of BENCHMARKS.md.
const (
	rateLimitedBegin = "<!-- bench-rate-limited:begin -->"
	rateLimitedEnd   = "<!-- bench-rate-limited:end -->"
)

// rateSample is one apply of the rate-limited phase.
type rateSample struct {
	Wall     time.Duration
	Requests int // every API request the emulator received
	Refused  int // of which answered 429
}

// ratePair is one round at one N: the apply without a limit and with one.
type ratePair struct {
	Unlimited, Limited rateSample
	Limit              float64 // the limited apply's API limit, requests per second
}

// floor is the least time the limited apply could take.
func (p ratePair) floor() time.Duration {
	spread := time.Duration(float64(p.Limited.Requests) / p.Limit * float64(time.Second))
	return max(p.Unlimited.Wall, spread)
}

func (p ratePair) ratio() float64 {
	return p.Limited.Wall.Seconds() / p.floor().Seconds()
}

// rateKey identifies one row of the phase: a size and an API limit.
type rateKey struct {
	N     int
	Limit float64
}

// runRateLimited runs the phase for every size, rounds times: per round and
// size, one apply without a limit and one under each limit, the unlimited
// one first in odd rounds and last in even ones.
func (b *bench) runRateLimited(ctx context.Context, rounds int, sizes []int, apiRateLimits []float64) (map[rateKey][]ratePair, error) {
	results := make(map[rateKey][]ratePair)
	for round := 1; round <= rounds; round++ {
		for _, n := range sizes {
			limits := append([]float64{0}, apiRateLimits...)
			if round%2 == 0 {
				slices.Reverse(limits)
			}
			samples := make(map[float64]rateSample)
			for _, limit := range limits {
				smp, err := b.applyUnderLimit(ctx, round, n, limit)
				if err != nil {
					return nil, err
				}
				samples[limit] = smp
				fmt.Fprintf(os.Stderr, "rate-limited round %d/%d N=%-5d limit %-4s %7.2fs  %5d requests, %d refused (429)\n",
					round, rounds, n, limitName(limit), smp.Wall.Seconds(), smp.Requests, smp.Refused)
			}
			for _, limit := range apiRateLimits {
				key := rateKey{N: n, Limit: limit}
				results[key] = append(results[key], ratePair{Unlimited: samples[0], Limited: samples[limit], Limit: limit})
			}
		}
	}
	return results, nil
}

// applyUnderLimit adopts n numbers with one apply on a fresh workspace
// against a fresh emulator allowing limit requests a second (0: no limit).
// A fresh emulator and provider process each time: nothing learnt about the
// limit carries over.
func (b *bench) applyUnderLimit(ctx context.Context, round, n int, limit float64) (rateSample, error) {
	seed := emulator.GenerateSeed(n)
	emu := emulator.New(emulator.Options{APIKey: b.apiKey, Seed: seed, RateLimit: limit})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return rateSample{}, err
	}
	srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	dir := filepath.Join(b.work, fmt.Sprintf("rate-limited-%d-%d-%s", round, n, limitName(limit)))
	ws, err := tfcli.NewWorkspace(dir, b.cli, b.providerDir, nil)
	if err != nil {
		return rateSample{}, err
	}
	defer os.RemoveAll(dir)
	ws.Env = []string{"INTERACTLY_API_KEY=" + b.apiKey, "INTERACTLY_BASE_URL=http://" + ln.Addr().String()}
	yes := true
	specs := make([]tfconfig.NumberSpec, n)
	for i, num := range seed.Numbers {
		specs[i] = tfconfig.NumberSpec{Key: num.ID, Number: num.Number, Assistant: "asst-2", Inbound: &yes, Outbound: &yes}
	}
	if err := ws.WriteFile("main.tf", tfconfig.NumbersConfig(specs)); err != nil {
		return rateSample{}, err
	}
	result, err := ws.MustSucceed(ctx, "apply", "-auto-approve", fmt.Sprintf("-parallelism=%d", rateLimitedParallelism))
	if err != nil {
		return rateSample{}, fmt.Errorf("rate-limited phase, N=%d, limit %s: %w", n, limitName(limit), err)
	}
	smp := rateSample{Wall: result.Duration, Refused: emu.StatusCounts()[http.StatusTooManyRequests]}
	for _, c := range emu.Counts() {
		smp.Requests += c
	}
	for _, s := range specs {
		if got, _ := emu.GetNumber(s.Key); got.AssistantID != "asst-2" {
			return rateSample{}, fmt.Errorf("rate-limited phase, N=%d, limit %s: number %s not configured", n, limitName(limit), s.Number)
		}
	}
	return smp, nil
}

func limitName(limit float64) string {
	if limit == 0 {
		return "none"
	}
	return fmt.Sprintf("%g", limit)
}

// renderRateLimited renders the phase's generated section.
func renderRateLimited(machine []string, rounds int, sizes []int, apiRateLimits []float64, results map[rateKey][]ratePair) string {
	var b strings.Builder
	b.WriteString("<!-- Generated by `make bench` or `make bench-rate-limited` (tools/bench); edits between the markers are overwritten. -->\n\n")
	b.WriteString("### Machine and run\n\n")
	for _, line := range machine {
		fmt.Fprintf(&b, "- %s\n", line)
	}
	fmt.Fprintf(&b, "\n### Medians of %d rounds\n\n", rounds)
	fmt.Fprintf(&b, "One `terraform apply -parallelism=%d` adopting N numbers (1 list call, N PUTs), without a limit and against an emulator "+
		"allowing the limit's requests a second (429 with Retry-After beyond it). Floor = max(unlimited time, requests sent / limit); "+
		"ratio = limited time / floor, the median of the rounds' ratios. A round whose limited apply was served no 429 never met the limit: "+
		"the provider did what it did in the unlimited apply, and its ratio shows only how two identical applies differ on this machine.\n\n", rateLimitedParallelism)
	b.WriteString("| N | limit (req/s) | unlimited (s) | limited (s) | requests sent (limited) | requests / limit (s) | floor (s) | ratio | 429s | per-round ratios (429s) |\n")
	b.WriteString("|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n")
	for _, n := range sizes {
		for _, limit := range apiRateLimits {
			var unl, lim, req, refused, floors, ratios []float64
			var perRound []string
			for _, p := range results[rateKey{N: n, Limit: limit}] {
				unl = append(unl, p.Unlimited.Wall.Seconds())
				lim = append(lim, p.Limited.Wall.Seconds())
				req = append(req, float64(p.Limited.Requests))
				refused = append(refused, float64(p.Limited.Refused))
				floors = append(floors, p.floor().Seconds())
				ratios = append(ratios, p.ratio())
				perRound = append(perRound, fmt.Sprintf("%.2f (%d)", p.ratio(), p.Limited.Refused))
			}
			fmt.Fprintf(&b, "| %d | %g | %.2f | %.2f | %s | %.2f | %.2f | %.2f | %s | %s |\n", n, limit, median(unl), median(lim), num(median(req)),
				median(req)/limit, median(floors), median(ratios), num(median(refused)), strings.Join(perRound, ", "))
		}
	}
	b.WriteString("\n### Target\n\n| target | measured | result |\n|---|---|---|\n")
	for _, n := range sizes {
		for _, limit := range apiRateLimits {
			var ratios []float64
			for _, p := range results[rateKey{N: n, Limit: limit}] {
				ratios = append(ratios, p.ratio())
			}
			r := median(ratios)
			result := "PASS"
			if r > targetRateLimitedRatio {
				result = "**MISS**"
			}
			fmt.Fprintf(&b, "| apply under %g req/s within %.2f × its floor (N=%d) | %.2f | %s |\n", limit, targetRateLimitedRatio, n, r, result)
		}
	}
	return b.String()
}
