package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// The export phase: interactly-export writes a team of exportNumbers
// numbers and exportAssistants assistants, at each latency, and the report
// shows the time it took and the requests it sent (one listing and one GET
// per assistant, whatever the number of numbers).
const (
	exportNumbers    = 1000
	exportAssistants = 50
	exportBegin      = "<!-- bench-export:begin -->"
	exportEnd        = "<!-- bench-export:end -->"
)

// exportSample is one export's wall time and requests by route.
type exportSample struct {
	took     time.Duration
	requests map[string]int
}

// exportSeed is a team of n numbers spread over a assistants, every
// seventh number without one.
func exportSeed(n, a int) emulator.Seed {
	seed := emulator.GenerateSeed(n)
	seed.Assistants = nil
	for i := range a {
		seed.Assistants = append(seed.Assistants, fmt.Sprintf("asst-%d", i+1))
	}
	for i := range seed.Numbers {
		seed.Numbers[i].AssistantID = ""
		if i%7 != 6 {
			seed.Numbers[i].AssistantID = seed.Assistants[i%a]
		}
		seed.Numbers[i].Label = fmt.Sprintf("line %d", i%(n/2)) // half the labels collide
	}
	return seed
}

// runExportPhase builds interactly-export and times rounds exports of the
// team at each latency; with -out it rewrites its own section.
func runExportPhase(ctx context.Context, work string, rounds int, latencies []time.Duration, host []string, out string) error {
	started := time.Now()
	binary := filepath.Join(work, "interactly-export")
	fmt.Fprintln(os.Stderr, "building interactly-export")
	if msg, err := exec.CommandContext(ctx, "go", "build", "-o", binary, "./cmd/interactly-export").CombinedOutput(); err != nil {
		return fmt.Errorf("building interactly-export: %v\n%s", err, msg)
	}
	const apiKey = "sk-bench-export"
	emu := emulator.New(emulator.Options{APIKey: apiKey, Seed: exportSeed(exportNumbers, exportAssistants)})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	results := map[time.Duration][]exportSample{}
	for round := 1; round <= rounds; round++ {
		for _, lat := range latencies {
			emu.ClearFaults()
			if lat > 0 {
				emu.AddFault(emulator.Fault{Latency: lat})
			}
			emu.ResetCounts()
			dir := filepath.Join(work, fmt.Sprintf("export-%d-%s", round, latencyName(lat)))
			cmd := exec.CommandContext(ctx, binary, "-out", dir)
			cmd.Env = append(os.Environ(), "INTERACTLY_API_KEY="+apiKey, "INTERACTLY_BASE_URL=http://"+ln.Addr().String())
			begin := time.Now()
			if msg, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("interactly-export: %v\n%s", err, msg)
			}
			took := time.Since(begin)
			fmt.Fprintf(os.Stderr, "export round %d/%d, latency %s: %s\n", round, rounds, latencyName(lat), took.Round(time.Millisecond))
			results[lat] = append(results[lat], exportSample{took: took, requests: emu.Counts()})
		}
	}
	machine := append(slices.Clone(host), fmt.Sprintf("Run: %d rounds, took %s", rounds, time.Since(started).Round(time.Second)))
	fmt.Print(renderExport(machine, rounds, latencies, results))
	if out == "" {
		return nil
	}
	// The file leaves the machine to the provider-cost section.
	return writeSection(out, exportBegin, exportEnd, renderExport(runOnly(machine), rounds, latencies, results))
}

func renderExport(machine []string, rounds int, latencies []time.Duration, results map[time.Duration][]exportSample) string {
	var b strings.Builder
	b.WriteString(generatedNote("bench-export"))
	fmt.Fprintf(&b, "## interactly-export: a team of %d numbers and %d assistants\n\n", exportNumbers, exportAssistants)
	for _, line := range machine {
		b.WriteString("- " + line + "\n")
	}
	fmt.Fprintf(&b, "\nMedian of %d rounds. Requests are counted by the emulator, by route.\n\n", rounds)
	b.WriteString("| Added latency | Time | Requests |\n|---|---:|---|\n")
	for _, lat := range latencies {
		samples := results[lat]
		times := make([]time.Duration, len(samples))
		for i, s := range samples {
			times[i] = s.took
		}
		slices.Sort(times)
		var routes []string
		for route, n := range samples[len(samples)-1].requests {
			routes = append(routes, fmt.Sprintf("%s: %d", route, n))
		}
		slices.Sort(routes)
		fmt.Fprintf(&b, "| %s | %s | %s |\n", latencyName(lat), times[len(times)/2].Round(time.Millisecond), strings.Join(routes, "; "))
	}
	return b.String()
}
