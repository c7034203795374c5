package livetest

import (
	"fmt"
	"strings"
)

// Level says what a finding of the contract check means for the provider.
type Level int

const (
	// OK: the API answers as the provider and the emulator expect.
	OK Level = iota
	// Note: the docs are silent and the API chose something; the emulator
	// may need to follow it, the provider copes.
	Note
	// Broken: an assumption the provider relies on does not hold.
	Broken
)

func (l Level) String() string {
	switch l {
	case OK:
		return "ok"
	case Note:
		return "note"
	default:
		return "BROKEN"
	}
}

// Finding is one line of the report.
type Finding struct {
	Level Level
	Text  string
}

// Report is what the contract check found, in the order it found it.
type Report struct {
	Target   string // the base URL
	Findings []Finding
}

func (r *Report) add(level Level, format string, args ...any) {
	r.Findings = append(r.Findings, Finding{Level: level, Text: fmt.Sprintf(format, args...)})
}

// seen records an answer: its status and Content-Type, plus a summary.
func (r *Report) seen(a answer, summary string) {
	text := fmt.Sprintf("%s %s -> %d, Content-Type %q", a.method, a.path, a.status, a.contentType)
	if summary != "" {
		text += ": " + summary
	}
	r.add(OK, "%s", text)
}

// Broken lists the findings that break the provider's assumptions.
func (r *Report) Broken() []Finding {
	var broken []Finding
	for _, f := range r.Findings {
		if f.Level == Broken {
			broken = append(broken, f)
		}
	}
	return broken
}

func (r *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "API contract check against %s (the API key is never shown)\n", r.Target)
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "  %-6s %s\n", f.Level, f.Text)
	}
	notes, broken := 0, 0
	for _, f := range r.Findings {
		switch f.Level {
		case Note:
			notes++
		case Broken:
			broken++
		}
	}
	fmt.Fprintf(&b, "  => %d broken assumption(s), %d note(s) for the emulator to follow\n", broken, notes)
	return b.String()
}
