package emulator

import (
	"strconv"
	"strings"
)

// String returns the fault as a spec that ParseFault reads back into the
// same Fault, with the options in a fixed order: how GET /_emulator/faults
// shows the active faults.
func (f Fault) String() string {
	words := []string{orStar(f.Method), orStar(f.Route)}
	add := func(on bool, word string) {
		if on {
			words = append(words, word)
		}
	}
	add(f.Status != 0, "status="+strconv.Itoa(f.Status))
	add(f.RetryAfter != "", "retry-after="+quoteIfSpaced(f.RetryAfter))
	add(f.Latency != 0, "latency="+f.Latency.String())
	add(f.Hang, "hang")
	add(f.Drop, "drop")
	add(f.Malformed, "malformed")
	add(f.CutBody, "cut-body")
	add(f.StallBody, "stall-body")
	add(f.Apply, "apply")
	add(f.Times != 0, "times="+strconv.Itoa(f.Times))
	add(f.FailRate != 0, "fail-rate="+strconv.FormatFloat(f.FailRate, 'g', -1, 64))
	add(f.FailRate != 0, "seed="+strconv.FormatInt(f.Seed, 10))
	return strings.Join(words, " ")
}

// quoteIfSpaced quotes an HTTP date, which ParseFault needs as one word.
func quoteIfSpaced(s string) string {
	if strings.ContainsAny(s, " \t") {
		return `"` + s + `"`
	}
	return s
}
