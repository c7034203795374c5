package transporttest

import (
	"testing"
	"time"
)

func TestMostInOneSecond(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(ms ...int) []time.Time {
		var out []time.Time
		for _, m := range ms {
			out = append(out, t0.Add(time.Duration(m)*time.Millisecond))
		}
		return out
	}
	cases := []struct {
		times []time.Time
		want  int
	}{
		{nil, 0},
		{at(0), 1},
		{at(0, 999), 2},
		{at(0, 1000), 1},
		{at(1500, 0, 600, 900, 1000), 4}, // 600, 900, 1000, 1500
	}
	for _, tc := range cases {
		if got := MostInOneSecond(tc.times); got != tc.want {
			t.Errorf("MostInOneSecond(%v) = %d, want %d", tc.times, got, tc.want)
		}
	}
}
