package interactly

import "testing"

// Paces are logged to the hundredth of a request a second: enough to see a
// share move, without the float's noise.
func TestRoundRateKeepsTwoDecimals(t *testing.T) {
	cases := map[float64]float64{0: 0, 19.004: 19, 4.756: 4.76, 0.125: 0.13, 123.456789: 123.46}
	for in, want := range cases {
		if got := roundRate(in); got != want {
			t.Errorf("roundRate(%v) = %v, want %v", in, got, want)
		}
	}
}
