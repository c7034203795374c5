package main

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{1, 100, 2}, 2}, // one slow round does not move it
	} {
		in := append([]float64(nil), tc.in...)
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
		for i := range in {
			if in[i] != tc.in[i] {
				t.Errorf("median sorted its argument: %v", tc.in)
			}
		}
	}
}

func TestParseVmHWM(t *testing.T) {
	status := "Name:\tterraform-provi\nVmPeak:\t 1300000 kB\nVmHWM:\t   45678 kB\nVmRSS:\t   40000 kB\n"
	got, err := parseVmHWM(strings.NewReader(status))
	if err != nil || got != 45678 {
		t.Errorf("parseVmHWM = %d, %v; want 45678", got, err)
	}
	if _, err := parseVmHWM(strings.NewReader("Name:\tkthreadd\nState:\tS (sleeping)\n")); err == nil {
		t.Error("a status without VmHWM (a kernel thread) parsed")
	}
	if _, err := parseVmHWM(strings.NewReader("VmHWM:\t12 MB\n")); err == nil {
		t.Error("a VmHWM in another unit parsed")
	}
}

func TestWithin(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/tmp/bench-1", true},
		{"/tmp/bench-1/ws", true},
		{"/tmp/bench-10", false},
		{"/tmp", false},
		{"/work/main", false},
	} {
		if got := within(tc.path, "/tmp/bench-1"); got != tc.want {
			t.Errorf("within(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func TestReplaceMarked(t *testing.T) {
	doc, err := replaceMarked("", "table 1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc, defaultDoc) || !strings.Contains(doc, beginMarker+"\ntable 1\n"+endMarker+"\n") {
		t.Fatalf("new doc:\n%s", doc)
	}

	hand := "# Benchmarks\n\nintro\n\n" + beginMarker + "\nold\nfigures\n" + endMarker + "\n\n## Findings\n\nkept\n"
	doc, err = replaceMarked(hand, "table 2\n")
	if err != nil {
		t.Fatal(err)
	}
	want := "# Benchmarks\n\nintro\n\n" + beginMarker + "\ntable 2\n" + endMarker + "\n\n## Findings\n\nkept\n"
	if doc != want {
		t.Errorf("got:\n%s\nwant:\n%s", doc, want)
	}
	if again, _ := replaceMarked(doc, "table 2\n"); again != doc {
		t.Error("replacing with the same content changed the doc")
	}

	if doc, _ := replaceMarked("# Notes\nno markers", "t"); !strings.HasPrefix(doc, "# Notes\nno markers\n\n"+beginMarker) {
		t.Errorf("markers not appended after the existing text:\n%s", doc)
	}
	for _, bad := range []string{
		beginMarker + "\nno end\n",
		endMarker + "\n" + beginMarker + "\n",
		beginMarker + endMarker + beginMarker + endMarker,
	} {
		if _, err := replaceMarked(bad, "t"); err == nil {
			t.Errorf("replaceMarked(%q) did not fail", bad)
		}
	}
}

// fakeReport has every cell at both sizes and latencies, interactly taking
// iWall seconds per resource and time_static tWall, so that the ratios are
// known.
func fakeReport(refreshRatio float64, peakKB int64) report {
	r := report{Rounds: 3, Latencies: []time.Duration{0, 50 * time.Millisecond}, Sizes: []int{100, 1000}, Results: map[cell][]sample{}}
	for _, lat := range r.Latencies {
		for _, n := range r.Sizes {
			for _, phase := range phases {
				wall := time.Duration(n) * 10 * time.Millisecond
				iw := wall
				calls, lists := n+1, 1
				if phase == "refresh" {
					iw = time.Duration(float64(wall) * refreshRatio)
					calls = 1
				}
				for round := range 3 {
					jitter := time.Duration(round) * time.Millisecond
					r.Results[cell{lat, n, provInteractly, phase}] = append(r.Results[cell{lat, n, provInteractly, phase}],
						sample{Wall: iw + jitter, Calls: calls, Lists: lists, PUTs: calls - lists, PeakKB: peakKB})
					r.Results[cell{lat, n, provTime, phase}] = append(r.Results[cell{lat, n, provTime, phase}],
						sample{Wall: wall + jitter, PeakKB: 30 << 10})
				}
			}
		}
	}
	return r
}

func TestRenderTable(t *testing.T) {
	out := fakeReport(1.5, 40<<10).render()
	wantLines(t, "render()", out,
		"### Medians of 3 rounds",
		"| 50ms | 1000 | refresh | 15.00 | 10.00 | 1.50 | 1 (1) | 40.0 | 30.0 |",
		"| 0 | 100 | create | 1.00 | 1.00 | 1.00 | 101 (1) | 40.0 | 30.0 |",
		"### Scaling: N=1000 / N=100 (linear = 10)",
		"| 0 | update | 9.99 | 9.99 | 9.91 |",
		"| 50ms | 1000 | refresh | 15.00, 15.00, 15.00 | 10.00, 10.00, 10.00 |",
	)
}

// wantLines reports each of wants that text, what name produced, lacks.
func wantLines(t *testing.T, name, text string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("%s lacks %q:\n%s", name, want, text)
		}
	}
}

func TestTargets(t *testing.T) {
	results := func(r report) map[string]bool {
		got := map[string]bool{}
		for _, tg := range r.targets() {
			got[strings.Fields(tg.Name)[0]+" "+strings.Fields(tg.Name)[1]] = tg.Pass
		}
		return got
	}
	good := results(fakeReport(1.05, 40<<10))
	for name, pass := range good {
		if !pass {
			t.Errorf("%s missed on good figures", name)
		}
	}
	if len(good) != 4 {
		t.Errorf("want 4 targets, got %v", good)
	}
	bad := fakeReport(1.5, 120<<10)
	got := results(bad)
	if got["refresh plan"] || got["provider peak"] {
		t.Errorf("slow refresh and 120 MB passed: %v", got)
	}
	if !got["refresh API"] || !got["no phase's"] {
		t.Errorf("calls and scaling should still pass: %v", got)
	}
	if out := bad.render(); !strings.Contains(out, "0.4 over the target of 1.1 (+36%)") || !strings.Contains(out, "**MISS**") {
		t.Errorf("a miss does not say by how much:\n%s", out)
	}
}

func TestNum(t *testing.T) {
	for in, want := range map[float64]string{2: "2", 1.5: "1.5", 1.071: "1.07", 0: "0", 10.004: "10"} {
		if got := num(in); got != want {
			t.Errorf("num(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestParseStatCPU(t *testing.T) {
	// A command name with spaces and a parenthesis must not shift fields.
	stat := "4242 (terraform-pro) x) S 4200 4242 4200 0 -1 4194560 1200 0 0 0 250 75 0 0 20 0 12 0 300 1000000 2000 18446744073709551615"
	got, err := parseStatCPU(stat)
	if err != nil || got != 3.25 {
		t.Errorf("parseStatCPU = %v, %v; want 3.25 (250+75 ticks)", got, err)
	}
	if _, err := parseStatCPU("4242 (x) S 1 2"); err == nil {
		t.Error("a short stat line parsed")
	}
}

func TestRateLimitedFloorAndRatio(t *testing.T) {
	// Terraform's pace is the floor: 301 requests at 50 a second take 6.02 s.
	slow := ratePair{Limit: 50, Unlimited: rateSample{Wall: 8 * time.Second}, Limited: rateSample{Wall: 10 * time.Second, Requests: 301}}
	if slow.floor() != 8*time.Second || slow.ratio() != 1.25 {
		t.Errorf("floor %v, ratio %v; want 8s and 1.25", slow.floor(), slow.ratio())
	}
	// The limit is the floor: 1001 requests take 20.02 s.
	fast := ratePair{Limit: 50, Unlimited: rateSample{Wall: 5 * time.Second}, Limited: rateSample{Wall: 30030 * time.Millisecond, Requests: 1001}}
	if fast.floor() != 20020*time.Millisecond || fast.ratio() != 1.5 {
		t.Errorf("floor %v, ratio %v; want 20.02s and 1.5", fast.floor(), fast.ratio())
	}
	bucket := emulator.RateLimitShape{Kind: emulator.TokenBucket, Burst: 10, Headers: emulator.IETFHeaders}
	window := emulator.RateLimitShape{Kind: emulator.FixedWindow}
	refused := fast
	refused.Limited.Refused, refused.Limited.Lost = 6, 1
	section := renderRateLimited([]string{"Date: today"}, 1, []int{300, 1000}, 50, []emulator.RateLimitShape{bucket, window},
		map[rateKey][]ratePair{
			{N: 300, Shape: bucket}: {slow}, {N: 300, Shape: window}: {slow},
			{N: 1000, Shape: bucket}: {refused}, {N: 1000, Shape: window}: {fast},
		})
	for _, want := range []string{
		"| 300 | `token-bucket,burst=10,headers=ietf` | 8.00 | 10.00 | 301 | 6.02 | 8.00 | 1.25 | 0 | 0 | 1.25 (0) |",
		"| `token-bucket,burst=10,headers=ietf`, N=300: within 1.3 × the floor | 1.25 | PASS |",
		"| `fixed-window`, N=1000: within 1.3 × the floor | 1.50 | **MISS** |",
		"| `token-bucket,burst=10,headers=ietf`, N=1000: no number lost | 1 lost | **MISS** |",
		"| `token-bucket,burst=10,headers=ietf`, N=1000: at most 5 429s in any round | 6 at most | **MISS** |",
		"| `token-bucket,burst=10,headers=ietf`, N=300: at most 5 429s in any round | 0 at most | PASS |",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("section lacks %q:\n%s", want, section)
		}
	}
	// A shape without headers has no 429 target: it learns from 429s.
	if strings.Contains(section, "`fixed-window`, N=300: at most") {
		t.Errorf("a 429 target for a shape without headers:\n%s", section)
	}
}

// Each section has its own markers: rewriting one keeps the other.
func TestSectionsAreRewrittenApart(t *testing.T) {
	doc := "intro\n" + beginMarker + "\nmain\n" + endMarker + "\n" + rateLimitedBegin + "\nold rate\n" + rateLimitedEnd + "\n"
	got, err := replaceBetween(doc, rateLimitedBegin, rateLimitedEnd, "new rate")
	if err != nil {
		t.Fatal(err)
	}
	want := "intro\n" + beginMarker + "\nmain\n" + endMarker + "\n" + rateLimitedBegin + "\nnew rate\n" + rateLimitedEnd + "\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// The file gets the machine, the medians and the targets as one line; the
// breakdowns are printed only.
func TestCompactSection(t *testing.T) {
	section := "<!-- generated -->\n\n### Machine and run\n\n- Date: today\n\n### Medians of 3 rounds\n\n| a |\n|---|\n| 1 |\n\n" +
		"### Where the time goes (medians)\n\n| cpu |\n\n### Targets\n\n| target | measured | result |\n|---|---|---|\n" +
		"| fast | 1.1 | PASS |\n| slow | 2.0 | **MISS** |\n\n<details><summary>rounds</summary>\n\n| r |\n</details>\n"
	got := compactSection(section, false)
	wantLines(t, "compact section", got, "- Date: today", "| 1 |", "**Targets**: 1 of 2 met. Missed: slow (2.0).")
	for _, gone := range []string{"cpu", "<details>", "| fast |"} {
		if strings.Contains(got, gone) {
			t.Errorf("compact section keeps %q:\n%s", gone, got)
		}
	}
	// The first section describes the machine, but not its kernel.
	described := strings.Replace(section, "- Date: today\n", "- Date: today\n- CPU: 2 × fast\n- Kernel: Linux 6\n- Run: 1 round\n", 1)
	first := compactSection(described, false)
	if !strings.Contains(first, "### Machine and run") || !strings.Contains(first, "- CPU: 2 × fast") || strings.Contains(first, "Kernel") {
		t.Errorf("the first section's machine block:\n%s", first)
	}
	// A later section leaves the machine, and its heading, to the first one.
	later := compactSection(described, true)
	if strings.Contains(later, "CPU") || strings.Contains(later, "Machine and run") ||
		!strings.Contains(later, "- Run: 1 round") || !strings.Contains(later, "- Date: today") {
		t.Errorf("a later section's machine block:\n%s", later)
	}
}

// The file's tables leave out the columns printed only; other tables and
// lines stay as they are.
func TestWithoutColumns(t *testing.T) {
	section := "text | with a bar\n\n| N | sent | ratio |\n|--:|--:|--:|\n| 300 | 323 | 1.14 |\n\nafter\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
	got := withoutColumns(section, "sent")
	want := "text | with a bar\n\n| N | ratio |\n|--:|--:|\n| 300 | 1.14 |\n\nafter\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestRunOnlyKeepsWhatChangesEachRun(t *testing.T) {
	got := runOnly([]string{"Date: today", "CPU: 2 × fast", "Load average at the start: 1 2 3", "Go: go1.26", "Run: 1 round"})
	if strings.Join(got, "; ") != "Date: today; Load average at the start: 1 2 3; Run: 1 round" {
		t.Errorf("got %q", got)
	}
}

// Only a run of every shared-key case may rewrite BENCHMARKS.md: a narrowed
// one would leave rows out and its targets line would count wrong.
func TestWholeSharedKeyRun(t *testing.T) {
	if !wholeSharedKeyRun(sharedKeyShapes, sharedKeyRuns, singleRunShapes) {
		t.Error("the default cases are not a whole run")
	}
	if wholeSharedKeyRun(sharedKeyShapes[:1], sharedKeyRuns, singleRunShapes) {
		t.Error("one shape taken for a whole run")
	}
	if wholeSharedKeyRun(sharedKeyShapes, []int{1}, singleRunShapes) {
		t.Error("one number of runs taken for a whole run")
	}
	if wholeSharedKeyRun(sharedKeyShapes, sharedKeyRuns, nil) {
		t.Error("no single runs taken for a whole run")
	}
	if got, err := parseSizes("-shared-key-runs", joinSizes(sharedKeyRuns)); err != nil || !slices.Equal(got, sharedKeyRuns) {
		t.Errorf("the default -shared-key-runs reads back as %v, %v; want %v", got, err, sharedKeyRuns)
	}
}

// The shared-key section sets in bold each figure that misses its target,
// and counts the cases missed: a case met shows no bold, a single run is
// missed when any round is.
func TestSharedKeySectionMarksWhatIsMissed(t *testing.T) {
	fair := sharedSample{Walls: []time.Duration{8 * time.Second, 8 * time.Second}, Refused: []int{3, 4}, Accepted: 150}
	unfair := sharedSample{Walls: []time.Duration{8 * time.Second, 4 * time.Second}, Refused: []int{3, 21}, Accepted: 150}
	results := map[sharedKey][]sharedSample{
		{K: 2, Shape: "fixed-window"}: {fair, fair, fair},
		{K: 2, Shape: "token-bucket"}: {unfair, unfair, fair},
	}
	shape, err := emulator.ParseRateLimitShape("sliding-window")
	if err != nil {
		t.Fatal(err)
	}
	round := func(limited time.Duration) ratePair {
		return ratePair{Unlimited: rateSample{Wall: time.Second}, Limited: rateSample{Wall: limited, Requests: 100}, Limit: 50}
	}
	single := map[rateKey][]ratePair{{N: singleRunNumbers, Shape: shape}: {round(2 * time.Second), round(3 * time.Second)}}
	got := renderSharedKey(nil, 3, results, single)
	wantLines(t, "the shared-key section", got,
		"| `fixed-window` | 2 | 8.0 | 1.07 (1.07) | 1.00 (1.00) | 4 | 0 |",
		"| `token-bucket` | 2 | 8.0 | 1.07 (1.07) | **2.00** (2.00) | **21** | 0 |",
		"| `sliding-window` | 1.00, **1.50** | 0, 0 |",
		"**Missed** in 2 cases of 3, in bold.",
	)
	// With headers, 6 refusals a run miss the target of 5; a number lost
	// misses whatever the times.
	withHeaders := sharedSample{Walls: []time.Duration{8 * time.Second, 8 * time.Second}, Refused: []int{6, 0}, Accepted: 150, Lost: 1}
	results[sharedKey{K: 2, Shape: "token-bucket,headers=ietf"}] = []sharedSample{withHeaders, withHeaders, withHeaders}
	got = renderSharedKey(nil, 3, results, single)
	wantLines(t, "the shared-key section with headers", got,
		"| `token-bucket,headers=ietf` | 2 | 8.0 | 1.07 (1.07) | 1.00 (1.00) | **6** | **3** |",
		"**Missed** in 3 cases of 4, in bold.",
	)
}
