package main

import (
	"strings"
	"testing"
	"time"
)

// The export phase's team has every assistant attached to some number, so
// the export reads all of them, and numbers without one.
func TestExportSeedUsesEveryAssistant(t *testing.T) {
	seed := exportSeed(exportNumbers, exportAssistants)
	attached, without := map[string]bool{}, 0
	for _, n := range seed.Numbers {
		if n.AssistantID == "" {
			without++
			continue
		}
		attached[n.AssistantID] = true
	}
	if len(seed.Numbers) != exportNumbers || len(attached) != exportAssistants || without == 0 {
		t.Errorf("%d numbers, %d assistants attached, %d numbers without one", len(seed.Numbers), len(attached), without)
	}
}

func TestRenderExportShowsMediansAndRequests(t *testing.T) {
	samples := []exportSample{
		{took: 3 * time.Second, requests: map[string]int{"GET /n": 1}},
		{took: time.Second, requests: map[string]int{"GET /n": 1}},
		{took: 2 * time.Second, requests: map[string]int{"GET /n": 1}},
	}
	got := renderExport([]string{"Date: today"}, 3, []time.Duration{0}, map[time.Duration][]exportSample{0: samples})
	if !strings.Contains(got, "| 0 | 2s | GET /n: 1 |") || !strings.Contains(got, "- Date: today") {
		t.Errorf("section:\n%s", got)
	}
}
