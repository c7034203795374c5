package main

import (
	"fmt"
	"slices"
	"strings"
)

// compactSection is what of a phase's printed section goes into
// BENCHMARKS.md, which holds the current figures and no more: the machine
// and run, the table of medians, and the targets as one line naming those
// missed. The breakdowns (where the time goes, scaling, every round) are
// printed by the run only; history stays in git.
//
// machineDescribed drops the lines about the machine that the first section
// already gave, keeping the date, the load and the run.
func compactSection(section string, machineDescribed bool) string {
	var kept []string
	for i, block := range strings.Split(section, "\n### ") {
		heading, _, _ := strings.Cut(block, "\n")
		if i > 0 {
			block = "### " + block
		}
		block, _, _ = strings.Cut(block, "<details>")
		switch {
		case strings.HasPrefix(heading, "Machine and run") && machineDescribed:
			kept = append(kept, strings.TrimRight(runLines(block), "\n"))
		case strings.HasPrefix(heading, "Machine and run"):
			kept = append(kept, strings.TrimRight(withoutPrintedOnly(block), "\n"))
		case i == 0, strings.HasPrefix(heading, "Medians of"), strings.HasPrefix(heading, "One round"):
			kept = append(kept, strings.TrimRight(block, "\n"))
		case strings.HasPrefix(heading, "Targets"):
			kept = append(kept, targetsLine(block))
		}
	}
	return strings.Join(kept, "\n\n") + "\n"
}

// targetsLine sums a targets table up: how many were met, and the first
// cell of each row missed.
func targetsLine(block string) string {
	met, all := 0, 0
	var missed []string
	for line := range strings.SplitSeq(block, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 || strings.HasPrefix(strings.TrimSpace(cells[1]), "---") || strings.TrimSpace(cells[1]) == "target" {
			continue
		}
		all++
		if strings.Contains(line, "**MISS**") {
			missed = append(missed, strings.TrimSpace(cells[1])+" ("+strings.TrimSpace(cells[2])+")")
		} else {
			met++
		}
	}
	text := fmt.Sprintf("**Targets**: %d of %d met.", met, all)
	if len(missed) > 0 {
		text += " Missed: " + strings.Join(missed, "; ") + "."
	}
	return text
}

// runLines keeps, of a machine block, the lines that change from run to
// run, without the heading: the first section describes the machine.
func runLines(block string) string {
	var kept []string
	for line := range strings.SplitSeq(block, "\n") {
		if strings.HasPrefix(line, "- ") && changesEachRun(strings.TrimPrefix(line, "- ")) {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n")
}

// withoutPrintedOnly drops the machine lines the file leaves out.
func withoutPrintedOnly(block string) string {
	var kept []string
	for line := range strings.SplitSeq(block, "\n") {
		if !printedOnly(line) {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n")
}

// runOnly keeps, of a machine's description, the lines that change from
// run to run.
func runOnly(machine []string) []string {
	var kept []string
	for _, line := range machine {
		if changesEachRun(line) {
			kept = append(kept, line)
		}
	}
	return kept
}

// generatedNote opens a generated section; target is the make target that
// writes it besides `make bench`.
func generatedNote(target string) string {
	return "<!-- Written by `make " + target + "` (tools/bench); edits here are overwritten. -->\n\n"
}

// printedOnlyMachineLines start the lines about the machine that the run
// prints and the file leaves out.
var printedOnlyMachineLines = []string{"Kernel:"}

func printedOnly(line string) bool {
	for _, prefix := range printedOnlyMachineLines {
		if strings.HasPrefix(strings.TrimPrefix(line, "- "), prefix) {
			return true
		}
	}
	return false
}

func changesEachRun(line string) bool {
	return strings.HasPrefix(line, "Date:") || strings.HasPrefix(line, "Load average") || strings.HasPrefix(line, "Run:")
}

// withoutColumns drops the named columns from every Markdown table of
// section that has them: the file keeps a table's essential columns, the
// run's own output all of them.
func withoutColumns(section string, names ...string) string {
	lines := strings.Split(section, "\n")
	var drop map[int]bool // columns to drop in the table being read; nil outside one
	for i, line := range lines {
		if !strings.HasPrefix(line, "|") {
			drop = nil
			continue
		}
		cells := strings.Split(line, "|")
		if drop == nil {
			drop = map[int]bool{}
			for j, cell := range cells {
				if slices.Contains(names, strings.TrimSpace(cell)) {
					drop[j] = true
				}
			}
		}
		if len(drop) == 0 {
			continue
		}
		kept := make([]string, 0, len(cells))
		for j, cell := range cells {
			if !drop[j] {
				kept = append(kept, cell)
			}
		}
		lines[i] = strings.Join(kept, "|")
	}
	return strings.Join(lines, "\n")
}
