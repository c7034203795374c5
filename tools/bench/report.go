package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The generated part of BENCHMARKS.md lies between these markers; text
// outside them is hand-written and kept as it is.
const (
	beginMarker = "<!-- bench:begin -->"
	endMarker   = "<!-- bench:end -->"
)

// The benchmark's targets, all read at the largest N (and, for the ratio, the
// largest latency).
const (
	targetRefreshRatio = 1.1 // interactly refresh plan / time_static's
	targetRefreshCalls = 2   // API calls of a refresh plan
	targetPeakMB       = 100 // provider peak RSS
)

// report is everything the generated section shows.
type report struct {
	Machine   []string // "key: value" lines describing the run
	Rounds    int
	Latencies []time.Duration
	Sizes     []int
	Results   map[cell][]sample
}

// median returns the median of xs (the mean of the middle two for an even
// count), or 0 for none. Medians, not means: on a shared machine one round
// may be slowed by someone else's build, and a median ignores it.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}

// stats are the medians over rounds of one cell.
type stats struct {
	Wall   float64 // seconds
	Calls  float64
	Lists  float64
	PeakMB float64
	// ProviderCPU and TerraformCPU are CPU seconds; TerraformMB is the
	// CLI's peak memory; StateKB the state file's size after the phase.
	ProviderCPU, TerraformCPU, TerraformMB, StateKB float64
	ok                                              bool // false when the cell was not measured
}

func medians(samples []sample) stats {
	if len(samples) == 0 {
		return stats{}
	}
	pick := func(f func(sample) float64) float64 {
		xs := make([]float64, len(samples))
		for i, s := range samples {
			xs[i] = f(s)
		}
		return median(xs)
	}
	return stats{
		Wall:   pick(func(s sample) float64 { return s.Wall.Seconds() }),
		Calls:  pick(func(s sample) float64 { return float64(s.Calls) }),
		Lists:  pick(func(s sample) float64 { return float64(s.Lists) }),
		PeakMB: pick(func(s sample) float64 { return float64(s.PeakKB) / 1024 }),

		ProviderCPU:  pick(func(s sample) float64 { return s.ProviderCPU }),
		TerraformCPU: pick(func(s sample) float64 { return s.TerraformCPU }),
		TerraformMB:  pick(func(s sample) float64 { return float64(s.TerraformPeakKB) / 1024 }),
		StateKB:      pick(func(s sample) float64 { return float64(s.StateKB) }),
		ok:           true,
	}
}

func (r report) stats(lat time.Duration, n int, provider, phase string) stats {
	return medians(r.Results[cell{Latency: lat, N: n, Provider: provider, Phase: phase}])
}

// render returns the generated section in Markdown.
func (r report) render() string {
	var b strings.Builder
	b.WriteString(generatedNote("bench"))
	b.WriteString("### Machine and run\n\n")
	for _, line := range r.Machine {
		fmt.Fprintf(&b, "- %s\n", line)
	}
	b.WriteString("\n")
	r.renderTable(&b)
	r.renderCPU(&b)
	r.renderScaling(&b)
	r.renderTargets(&b)
	r.renderRounds(&b)
	return b.String()
}

func (r report) renderTable(b *strings.Builder) {
	if r.Rounds == 1 {
		b.WriteString("### One round\n\n")
	} else {
		fmt.Fprintf(b, "### Medians of %d rounds\n\n", r.Rounds)
	}
	b.WriteString("Wall time of each command; ratio = interactly / time_static; API calls: all requests the emulator " +
		"received (lists in parentheses); peak MB: the largest VmHWM of the provider's processes.\n\n")
	b.WriteString("| latency | N | phase | interactly (s) | time_static (s) | ratio | API calls (lists) | interactly peak MB | time_static peak MB |\n")
	b.WriteString("|---|--:|---|--:|--:|--:|--:|--:|--:|\n")
	for _, lat := range r.Latencies {
		for _, n := range r.Sizes {
			for _, phase := range phases {
				it := r.stats(lat, n, provInteractly, phase)
				ts := r.stats(lat, n, provTime, phase)
				fmt.Fprintf(b, "| %s | %d | %s | %s | %s | %s | %s | %s | %s |\n",
					latencyName(lat), n, phase, seconds(it), seconds(ts), ratio(it, ts),
					calls(it), peak(it), peak(ts))
			}
		}
	}
	b.WriteString("\n")
}

// renderCPU splits each phase's cost between Terraform and the provider:
// CPU seconds of each (on this 2-core machine, CPU is what wall time is
// mostly made of), Terraform's own peak memory and the state file's size,
// on which Terraform's per-resource work during apply depends.
func (r report) renderCPU(b *strings.Builder) {
	b.WriteString("### Where the time goes (medians)\n\n")
	b.WriteString("CPU seconds of Terraform's process and of the provider's processes (user + system, from /proc/PID/stat), " +
		"Terraform's peak memory, and the size of terraform.tfstate after the phase.\n\n")
	b.WriteString("| latency | N | phase | Terraform CPU (s): interactly / time_static | provider CPU (s): interactly / time_static " +
		"| Terraform peak MB: interactly / time_static | state KB: interactly / time_static |\n")
	b.WriteString("|---|--:|---|--:|--:|--:|--:|\n")
	pair := func(format string, a, z stats, f func(stats) float64) string {
		if !a.ok || !z.ok {
			return "–"
		}
		return fmt.Sprintf(format+" / "+format, f(a), f(z))
	}
	for _, lat := range r.Latencies {
		for _, n := range r.Sizes {
			for _, phase := range phases {
				it := r.stats(lat, n, provInteractly, phase)
				ts := r.stats(lat, n, provTime, phase)
				fmt.Fprintf(b, "| %s | %d | %s | %s | %s | %s | %s |\n", latencyName(lat), n, phase,
					pair("%.1f", it, ts, func(s stats) float64 { return s.TerraformCPU }),
					pair("%.1f", it, ts, func(s stats) float64 { return s.ProviderCPU }),
					pair("%.0f", it, ts, func(s stats) float64 { return s.TerraformMB }),
					pair("%.0f", it, ts, func(s stats) float64 { return s.StateKB }))
			}
		}
	}
	b.WriteString("\n")
}

// renderScaling compares the largest N with the smallest: a phase whose
// cost grows linearly shows the ratio of the sizes (10 for 100 and 1000);
// fixed costs (starting Terraform and the provider) make it smaller.
func (r report) renderScaling(b *strings.Builder) {
	lo, hi, ok := r.sizeRange()
	if !ok {
		return
	}
	fmt.Fprintf(b, "### Scaling: N=%d / N=%d (linear = %s)\n\n", hi, lo, num(float64(hi)/float64(lo)))
	b.WriteString("| latency | phase | interactly time | time_static time | interactly API calls |\n")
	b.WriteString("|---|---|--:|--:|--:|\n")
	for _, lat := range r.Latencies {
		for _, phase := range phases {
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", latencyName(lat), phase,
				growth(r.stats(lat, lo, provInteractly, phase).Wall, r.stats(lat, hi, provInteractly, phase).Wall),
				growth(r.stats(lat, lo, provTime, phase).Wall, r.stats(lat, hi, provTime, phase).Wall),
				growth(r.stats(lat, lo, provInteractly, phase).Calls, r.stats(lat, hi, provInteractly, phase).Calls))
		}
	}
	b.WriteString("\n")
}

// target is one of the benchmark's targets with what was measured.
type target struct {
	Name, Measured string
	Pass           bool
}

// targets evaluates the benchmark's targets at the largest N and latency.
func (r report) targets() []target {
	if len(r.Sizes) == 0 || len(r.Latencies) == 0 {
		return nil
	}
	hiN := slices.Max(r.Sizes)
	hiLat := slices.Max(r.Latencies)
	var ts []target

	// Refresh plan ratio, from the medians, with the per-round ratios
	// alongside: rounds pair the two providers in time, so their spread
	// shows how much of the figure is noise.
	it := r.stats(hiLat, hiN, provInteractly, "refresh")
	fl := r.stats(hiLat, hiN, provTime, "refresh")
	if it.ok && fl.ok && fl.Wall > 0 {
		v := it.Wall / fl.Wall
		var rounds []string
		its := r.Results[cell{hiLat, hiN, provInteractly, "refresh"}]
		fls := r.Results[cell{hiLat, hiN, provTime, "refresh"}]
		for i := range min(len(its), len(fls)) {
			rounds = append(rounds, num(its[i].Wall.Seconds()/fls[i].Wall.Seconds()))
		}
		ts = append(ts, target{
			Name: fmt.Sprintf("refresh plan within %s × time_static's (N=%d, latency %s)", num(targetRefreshRatio), hiN, latencyName(hiLat)),
			Measured: fmt.Sprintf("%s (%.2f s / %.2f s; per round: %s)%s", num(v), it.Wall, fl.Wall,
				strings.Join(rounds, ", "), over(v, targetRefreshRatio)),
			Pass: v <= targetRefreshRatio,
		})
	}

	// Refresh API calls: the worst latency.
	var worst stats
	var worstLat time.Duration
	for _, lat := range r.Latencies {
		if s := r.stats(lat, hiN, provInteractly, "refresh"); s.ok && (!worst.ok || s.Calls > worst.Calls) {
			worst, worstLat = s, lat
		}
	}
	if worst.ok {
		ts = append(ts, target{
			Name: fmt.Sprintf("refresh API calls at most %d (N=%d)", targetRefreshCalls, hiN),
			Measured: fmt.Sprintf("API calls: %s, lists: %s (the most at latency %s)%s", num(worst.Calls), num(worst.Lists),
				latencyName(worstLat), over(worst.Calls, targetRefreshCalls)),
			Pass: worst.Calls <= targetRefreshCalls,
		})
	}

	// Linear scaling, in wall time and in API calls.
	if lo, hi, ok := r.sizeRange(); ok {
		limit := float64(hi) / float64(lo)
		var worstTime, worstCalls float64
		var whereTime, whereCalls string
		for _, lat := range r.Latencies {
			for _, phase := range phases {
				a, z := r.stats(lat, lo, provInteractly, phase), r.stats(lat, hi, provInteractly, phase)
				if a.Wall > 0 && z.Wall/a.Wall > worstTime {
					worstTime, whereTime = z.Wall/a.Wall, phase+" at latency "+latencyName(lat)
				}
				if a.Calls > 0 && z.Calls/a.Calls > worstCalls {
					worstCalls, whereCalls = z.Calls/a.Calls, phase+" at latency "+latencyName(lat)
				}
			}
		}
		ts = append(ts, target{
			Name: fmt.Sprintf("no phase's cost grows faster than linearly (N=%d / N=%d at most %s)", hi, lo, num(limit)),
			Measured: fmt.Sprintf("wall time at most %s (%s); API calls at most %s (%s)%s",
				num(worstTime), whereTime, num(worstCalls), whereCalls, over(max(worstTime, worstCalls), limit)),
			Pass: worstTime <= limit && worstCalls <= limit,
		})
	}

	// Peak memory over every phase and latency.
	var peakMB float64
	var where string
	for _, lat := range r.Latencies {
		for _, phase := range phases {
			if s := r.stats(lat, hiN, provInteractly, phase); s.PeakMB > peakMB {
				peakMB, where = s.PeakMB, phase+" at latency "+latencyName(lat)
			}
		}
	}
	ts = append(ts, target{
		Name:     fmt.Sprintf("provider peak memory under %d MB (N=%d)", targetPeakMB, hiN),
		Measured: fmt.Sprintf("%.1f MB (%s)%s", peakMB, where, over(peakMB, targetPeakMB)),
		Pass:     peakMB > 0 && peakMB < targetPeakMB,
	})
	return ts
}

func (r report) renderTargets(b *strings.Builder) {
	ts := r.targets()
	if len(ts) == 0 {
		return
	}
	b.WriteString("### Targets\n\n| target | measured | result |\n|---|---|---|\n")
	for _, t := range ts {
		result := "PASS"
		if !t.Pass {
			result = "**MISS**"
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", t.Name, t.Measured, result)
	}
	b.WriteString("\n")
}

// renderRounds lists every round's wall times, so the spread behind each
// median can be judged.
func (r report) renderRounds(b *strings.Builder) {
	b.WriteString("<details><summary>Wall time of every round (s)</summary>\n\n")
	b.WriteString("| latency | N | phase | interactly | time_static |\n|---|--:|---|---|---|\n")
	for _, lat := range r.Latencies {
		for _, n := range r.Sizes {
			for _, phase := range phases {
				fmt.Fprintf(b, "| %s | %d | %s | %s | %s |\n", latencyName(lat), n, phase,
					roundWalls(r.Results[cell{lat, n, provInteractly, phase}]),
					roundWalls(r.Results[cell{lat, n, provTime, phase}]))
			}
		}
	}
	b.WriteString("\n</details>\n")
}

func (r report) sizeRange() (lo, hi int, ok bool) {
	if len(r.Sizes) < 2 {
		return 0, 0, false
	}
	lo, hi = slices.Min(r.Sizes), slices.Max(r.Sizes)
	return lo, hi, lo > 0 && lo != hi
}

func roundWalls(samples []sample) string {
	parts := make([]string, len(samples))
	for i, s := range samples {
		parts[i] = fmt.Sprintf("%.2f", s.Wall.Seconds())
	}
	return strings.Join(parts, ", ")
}

func seconds(s stats) string {
	if !s.ok {
		return "–"
	}
	return fmt.Sprintf("%.2f", s.Wall)
}

func ratio(a, b stats) string {
	if !a.ok || !b.ok || b.Wall == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", a.Wall/b.Wall)
}

func calls(s stats) string {
	if !s.ok {
		return "–"
	}
	return fmt.Sprintf("%s (%s)", num(s.Calls), num(s.Lists))
}

func peak(s stats) string {
	if !s.ok || s.PeakMB == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", s.PeakMB)
}

func growth(lo, hi float64) string {
	if lo == 0 {
		return "–"
	}
	return num(hi / lo)
}

// over says by how much value exceeds limit, or nothing when it does not.
func over(value, limit float64) string {
	if value <= limit {
		return ""
	}
	return fmt.Sprintf("; %s over the target of %s (+%.0f%%)", num(value-limit), num(limit), (value/limit-1)*100)
}

// num prints up to two decimals without trailing zeros: 2, 1.5, 1.07.
func num(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func formatMB(kb int64) string {
	if kb == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f MB", float64(kb)/1024)
}

// defaultDoc starts BENCHMARKS.md when it does not exist yet.
const defaultDoc = "# Benchmarks\n\n" +
	"Measured by `make bench` (the program in tools/bench). The section between the markers below is rewritten " +
	"by every run; write anything else outside them.\n\n"

// replaceMarked puts content between the markers of doc, keeping the text
// outside them. A doc without markers gets them appended (an empty doc
// gets defaultDoc first).
func replaceMarked(doc, content string) (string, error) {
	return replaceBetween(doc, beginMarker, endMarker, content)
}

// replaceBetween puts content between the begin and end markers of doc,
// appending the markers (after defaultDoc for an empty doc) when doc has
// none. Each generated section has its own pair of markers, so a run that
// measures one part rewrites only that part.
func replaceBetween(doc, beginMarker, endMarker, content string) (string, error) {
	if !strings.HasSuffix(content, "\n") {
		content += "\n"
	}
	begin := strings.Index(doc, beginMarker)
	end := strings.Index(doc, endMarker)
	switch {
	case begin < 0 && end < 0:
		if strings.TrimSpace(doc) == "" {
			doc = defaultDoc
		} else if !strings.HasSuffix(doc, "\n") {
			doc += "\n"
		}
		return doc + "\n" + beginMarker + "\n" + content + endMarker + "\n", nil
	case begin < 0 || end < 0 || end < begin:
		return "", fmt.Errorf("BENCHMARKS.md has %s without %s, or they are out of order", beginMarker, endMarker)
	case strings.Count(doc, beginMarker) > 1 || strings.Count(doc, endMarker) > 1:
		return "", fmt.Errorf("BENCHMARKS.md has more than one %s or %s", beginMarker, endMarker)
	}
	return doc[:begin+len(beginMarker)] + "\n" + content + doc[end:], nil
}
