package provider

import (
	"fmt"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

func TestRequestCapSetting(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		value   types.Number
		env     map[string]string
		want    int
		wantErr string
	}{
		"unset means no cap":    {types.NumberNull(), nil, 0, ""},
		"empty env is unset":    {types.NumberNull(), map[string]string{envMaxRequestsPerSecond: ""}, 0, ""},
		"from the environment":  {types.NumberNull(), map[string]string{envMaxRequestsPerSecond: "20"}, 20, ""},
		"the block wins":        {wholeNumber(5), map[string]string{envMaxRequestsPerSecond: "20"}, 5, ""},
		"zero in the block":     {wholeNumber(0), map[string]string{envMaxRequestsPerSecond: "20"}, 0, ""},
		"env not a number":      {types.NumberNull(), map[string]string{envMaxRequestsPerSecond: "fast"}, 0, `INTERACTLY_MAX_REQUESTS_PER_SECOND="fast" is not a whole number between 0 and 10000`},
		"env negative":          {types.NumberNull(), map[string]string{envMaxRequestsPerSecond: "-3"}, 0, "between 0 and 10000"},
		"env beyond the bound":  {types.NumberNull(), map[string]string{envMaxRequestsPerSecond: "20000"}, 0, "between 0 and 10000"},
		"env with a fraction":   {types.NumberNull(), map[string]string{envMaxRequestsPerSecond: "2.5"}, 0, "not a whole number"},
		"env at the upper edge": {types.NumberNull(), map[string]string{envMaxRequestsPerSecond: "10000"}, 10000, ""},
		// 2^32+5 would pass as 5 if converted to a 32-bit int before the check.
		"block beyond 32 bits": {wholeNumber(1<<32 + 5), nil, 0, "max_requests_per_second is 4294967301"},
		// The schema's validator refuses it first; Configure holds the line too.
		"block with a fraction": {types.NumberValue(big.NewFloat(2.5)), nil, 0, "max_requests_per_second is 2.5; it must be a whole number"},
	}
	for name, tc := range cases {
		got, diags := wholeNumberSetting(tc.value, env(tc.env), envMaxRequestsPerSecond, "max_requests_per_second", 0, maxRequestCap, "20")
		switch {
		case tc.wantErr == "" && diags.HasError():
			t.Errorf("%s: unexpected error %v", name, diags)
		case tc.wantErr != "" && (!diags.HasError() || !strings.Contains(diags[0].Detail(), tc.wantErr)):
			t.Errorf("%s: diagnostics %v, want an error containing %q", name, diags, tc.wantErr)
		case got != tc.want:
			t.Errorf("%s: cap %d, want %d", name, got, tc.want)
		}
	}
}

// The schema rejects a cap out of range before anything is configured, and
// a valid cap reaches the client: three labelled listings, which Terraform
// reads in parallel and the client never shares, start at most cap in any
// one second. Without the cap they would all start at once.
func TestAccProvider_maxRequestsPerSecond(t *testing.T) {
	const limit = 2
	var mu sync.Mutex
	var starts []time.Time
	emu := startTestEmulator(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam()}, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodGet && r.URL.Query().Has("label") {
				mu.Lock()
				starts = append(starts, time.Now())
				mu.Unlock()
			}
			next.ServeHTTP(w, r)
		})
	})
	threeListings := `
data "interactly_numbers" "support" { label = "support" }
data "interactly_numbers" "sales"   { label = "sales" }
data "interactly_numbers" "none"    { label = "none" }
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      emu.configWith("max_requests_per_second = -1", listAllNumbers),
				ExpectError: errorMatching(`max_requests_per_second.*between 0 and 10000, got: -1`),
			},
			{
				Config:      emu.configWith("max_requests_per_second = 10001", listAllNumbers),
				ExpectError: errorMatching(`between 0 and 10000, got: 10001`),
			},
			{
				Config: emu.configWith(fmt.Sprintf("max_requests_per_second = %d", limit), threeListings),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr("data.interactly_numbers.sales", "numbers.#", "2"),
					func(*terraform.State) error {
						mu.Lock()
						defer mu.Unlock()
						return checkStartsWithinCap(starts, limit)
					},
				),
			},
		},
	})
}

// checkStartsWithinCap fails unless at least limit+1 requests started and no
// limit+1 of them started within one second.
func checkStartsWithinCap(starts []time.Time, limit int) error {
	if len(starts) <= limit {
		return fmt.Errorf("only %d requests started; the check needs more than %d", len(starts), limit)
	}
	sorted := slices.SortedFunc(slices.Values(starts), time.Time.Compare)
	for i := range sorted[limit:] {
		if gap := sorted[i+limit].Sub(sorted[i]); gap < time.Second {
			return fmt.Errorf("%d requests started within %v; the cap is %d a second", limit+1, gap, limit)
		}
	}
	return nil
}
