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
// once against an API without a limit and once under each shape of
// -rate-limit-shapes at -api-rate-limit requests a second, in the same
// round. The floor of a limited apply is whichever is slower: the unlimited
// apply (Terraform's own pace) or the requests it sent spread evenly at the
// limit.
const (
	rateLimitedParallelism = 20
	defaultAPIRateLimit    = 50
	targetRateLimitedRatio = 1.3
	// targetRefusalsWithHeaders is "a handful": an API that announces its
	// budget should hardly ever have to refuse a request.
	targetRefusalsWithHeaders = 5
)

// defaultShapes are the shapes the default run measures: each kind of
// limiter without headers, where the provider must learn the limit from
// 429s, and with them, with every form of Retry-After among them. "all" on
// the command line measures every combination instead (27 shapes; about
// four times as long).
var defaultShapes = []string{
	"fixed-window",
	"fixed-window,headers=ietf,retry-after=date",
	"sliding-window,retry-after=date",
	"sliding-window,headers=x,retry-after=none",
	"token-bucket,burst=10,retry-after=none",
	"token-bucket,burst=10,headers=both",
}

// allShapes is every kind × headers × Retry-After.
func allShapes() []string {
	var shapes []string
	for _, kind := range []string{"fixed-window", "sliding-window", "token-bucket,burst=10"} {
		for _, headers := range []string{"none", "ietf", "x"} {
			for _, retryAfter := range []string{"seconds", "date", "none"} {
				shapes = append(shapes, kind+",headers="+headers+",retry-after="+retryAfter)
			}
		}
	}
	return shapes
}

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
	Lost     int // numbers the apply left unconfigured
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

// rateKey identifies one row of the phase: a size and a limiter's shape.
type rateKey struct {
	N     int
	Shape emulator.RateLimitShape
}

// runRateLimited runs the phase for every size, rounds times: per round and
// size, one apply without a limit and one under each shape, the unlimited
// one first in odd rounds and last in even ones.
func (b *bench) runRateLimited(ctx context.Context, rounds int, sizes []int, limit float64, shapes []emulator.RateLimitShape) (map[rateKey][]ratePair, error) {
	results := make(map[rateKey][]ratePair)
	for round := 1; round <= rounds; round++ {
		for _, n := range sizes {
			unlimited, err := b.applyUnderLimit(ctx, round, n, 0, emulator.RateLimitShape{})
			if err != nil {
				return nil, err
			}
			logRateSample(round, rounds, n, "none", unlimited)
			order := slices.Clone(shapes)
			if round%2 == 0 {
				slices.Reverse(order)
			}
			for _, shape := range order {
				smp, err := b.applyUnderLimit(ctx, round, n, limit, shape)
				if err != nil {
					return nil, err
				}
				logRateSample(round, rounds, n, shape.String(), smp)
				key := rateKey{N: n, Shape: shape}
				results[key] = append(results[key], ratePair{Unlimited: unlimited, Limited: smp, Limit: limit})
			}
		}
	}
	return results, nil
}

func logRateSample(round, rounds, n int, shape string, smp rateSample) {
	fmt.Fprintf(os.Stderr, "rate-limited round %d/%d N=%-5d %-45s %7.2fs  %5d requests, %d refused (429), %d numbers lost\n",
		round, rounds, n, shape, smp.Wall.Seconds(), smp.Requests, smp.Refused, smp.Lost)
}

// applyUnderLimit adopts n numbers with one apply on a fresh workspace
// against a fresh emulator allowing limit requests a second (0: no limit) in
// this shape. A fresh emulator and provider process each time: nothing
// learnt about the limit carries over.
func (b *bench) applyUnderLimit(ctx context.Context, round, n int, limit float64, shape emulator.RateLimitShape) (rateSample, error) {
	seed := emulator.GenerateSeed(n)
	emu := emulator.New(emulator.Options{APIKey: b.apiKey, Seed: seed, RateLimit: limit, RateLimitShape: shape})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return rateSample{}, err
	}
	srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	dir := filepath.Join(b.work, fmt.Sprintf("rate-limited-%d-%d-%s-%s", round, n, limitName(limit), strings.ReplaceAll(shape.String(), ",", "-")))
	ws, err := tfcli.NewWorkspace(dir, b.cli, b.providerDir, nil)
	if err != nil {
		return rateSample{}, err
	}
	defer os.RemoveAll(dir)
	ws.Env = append([]string{"INTERACTLY_API_KEY=" + b.apiKey, "INTERACTLY_BASE_URL=http://" + ln.Addr().String()}, b.providerLog(filepath.Base(dir))...)
	specs := numberSpecs(seed.Numbers)
	if err := ws.WriteFile("main.tf", tfconfig.NumbersConfig(specs)); err != nil {
		return rateSample{}, err
	}
	result, err := ws.MustSucceed(ctx, "apply", "-auto-approve", fmt.Sprintf("-parallelism=%d", rateLimitedParallelism))
	if err != nil {
		return rateSample{}, fmt.Errorf("rate-limited phase, N=%d, limit %s, %s: %w", n, limitName(limit), shape, err)
	}
	smp := rateSample{Wall: result.Duration, Refused: emu.StatusCounts()[http.StatusTooManyRequests]}
	for _, c := range emu.Counts() {
		smp.Requests += c
	}
	// An apply that succeeded yet left a number unconfigured lost it; the
	// report counts them rather than stopping the run.
	for _, s := range specs {
		if got, _ := emu.GetNumber(s.Key); got.AssistantID != "asst-2" {
			smp.Lost++
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
func renderRateLimited(machine []string, rounds int, sizes []int, limit float64, shapes []emulator.RateLimitShape, results map[rateKey][]ratePair) string {
	var b strings.Builder
	b.WriteString(generatedNote("bench-rate-limited"))
	b.WriteString("### Machine and run\n\n")
	for _, line := range machine {
		fmt.Fprintf(&b, "- %s\n", line)
	}
	fmt.Fprintf(&b, "\n### Medians of %d rounds\n\n", rounds)
	fmt.Fprintf(&b, "One `terraform apply -parallelism=%d` adopting N numbers (1 list, N PUTs), unlimited and against an emulator "+
		"allowing %g requests a second in each shape (see internal/emulator/README.md). "+
		"Floor = max(unlimited time, requests / limit); ratio = limited / floor, median of the rounds; "+
		"lost = numbers left unconfigured.\n\n", rateLimitedParallelism, limit)
	b.WriteString("| N | shape | unlimited (s) | limited (s) | requests sent | requests / limit (s) | floor (s) | ratio | 429s | lost | per-round ratios (429s) |\n")
	b.WriteString("|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|---|\n")
	for _, n := range sizes {
		for _, shape := range shapes {
			var unl, lim, req, refused, lost, floors, ratios []float64
			var perRound []string
			for _, p := range results[rateKey{N: n, Shape: shape}] {
				unl = append(unl, p.Unlimited.Wall.Seconds())
				lim = append(lim, p.Limited.Wall.Seconds())
				req = append(req, float64(p.Limited.Requests))
				refused = append(refused, float64(p.Limited.Refused))
				lost = append(lost, float64(p.Limited.Lost))
				floors = append(floors, p.floor().Seconds())
				ratios = append(ratios, p.ratio())
				perRound = append(perRound, fmt.Sprintf("%.2f (%d)", p.ratio(), p.Limited.Refused))
			}
			fmt.Fprintf(&b, "| %d | `%s` | %.2f | %.2f | %s | %.2f | %.2f | %.2f | %s | %s | %s |\n", n, shape, median(unl), median(lim), num(median(req)),
				median(req)/limit, median(floors), median(ratios), num(median(refused)), num(slices.Max(append(lost, 0))), strings.Join(perRound, ", "))
		}
	}
	b.WriteString("\n### Targets\n\n| target | measured | result |\n|---|---|---|\n")
	for _, n := range sizes {
		for _, shape := range shapes {
			pairs := results[rateKey{N: n, Shape: shape}]
			var ratios []float64
			refused, lost := 0, 0
			for _, p := range pairs {
				ratios = append(ratios, p.ratio())
				refused = max(refused, p.Limited.Refused)
				lost += p.Limited.Lost
			}
			r := median(ratios)
			fmt.Fprintf(&b, "| `%s`, N=%d: within %.2g × the floor | %.2f | %s |\n", shape, n, targetRateLimitedRatio, r, passOrMiss(r <= targetRateLimitedRatio))
			fmt.Fprintf(&b, "| `%s`, N=%d: no number lost | %d lost | %s |\n", shape, n, lost, passOrMiss(lost == 0))
			if shape.Headers != "" && shape.Headers != emulator.NoHeaders {
				fmt.Fprintf(&b, "| `%s`, N=%d: at most %d 429s in any round | %d at most | %s |\n", shape, n, targetRefusalsWithHeaders, refused, passOrMiss(refused <= targetRefusalsWithHeaders))
			}
		}
	}
	return b.String()
}

func passOrMiss(pass bool) string {
	if pass {
		return "PASS"
	}
	return "**MISS**"
}
