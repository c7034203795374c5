// Package transporttest holds what tests and the benchmark use to check the
// transport's pacing from outside. Only tests import it.
package transporttest

import (
	"slices"
	"time"
)

// MostInOneSecond returns the largest number of the times that fall within
// one second of each other (a half-open window [t, t+1s)), to check a
// request cap.
func MostInOneSecond(times []time.Time) int {
	sorted := slices.Clone(times)
	slices.SortFunc(sorted, func(a, b time.Time) int { return a.Compare(b) })
	most, first := 0, 0
	for last := range sorted {
		for sorted[last].Sub(sorted[first]) >= time.Second {
			first++
		}
		most = max(most, last-first+1)
	}
	return most
}
