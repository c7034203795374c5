package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestRequestCapSetting(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		value   types.Int64
		env     map[string]string
		want    int
		wantErr string
	}{
		"unset means no cap":    {types.Int64Null(), nil, 0, ""},
		"empty env is unset":    {types.Int64Null(), map[string]string{envMaxRequestsPerSecond: ""}, 0, ""},
		"from the environment":  {types.Int64Null(), map[string]string{envMaxRequestsPerSecond: "20"}, 20, ""},
		"the block wins":        {types.Int64Value(5), map[string]string{envMaxRequestsPerSecond: "20"}, 5, ""},
		"zero in the block":     {types.Int64Value(0), map[string]string{envMaxRequestsPerSecond: "20"}, 0, ""},
		"env not a number":      {types.Int64Null(), map[string]string{envMaxRequestsPerSecond: "fast"}, 0, `INTERACTLY_MAX_REQUESTS_PER_SECOND="fast" is not a whole number between 0 and 10000`},
		"env negative":          {types.Int64Null(), map[string]string{envMaxRequestsPerSecond: "-3"}, 0, "between 0 and 10000"},
		"env beyond the bound":  {types.Int64Null(), map[string]string{envMaxRequestsPerSecond: "20000"}, 0, "between 0 and 10000"},
		"env with a fraction":   {types.Int64Null(), map[string]string{envMaxRequestsPerSecond: "2.5"}, 0, "not a whole number"},
		"env at the upper edge": {types.Int64Null(), map[string]string{envMaxRequestsPerSecond: "10000"}, 10000, ""},
		// 2^32+5 would pass as 5 if converted to a 32-bit int before the check.
		"block beyond 32 bits": {types.Int64Value(1<<32 + 5), nil, 0, "max_requests_per_second is 4294967301"},
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
// a valid cap reaches the client.
func TestAccProvider_maxRequestsPerSecond(t *testing.T) {
	emu := newTestEmulator(t)
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
				Config: emu.configWith("max_requests_per_second = 50", listAllNumbers),
				Check:  resource.TestCheckResourceAttr("data.interactly_numbers.all", "numbers.#", "3"),
			},
		},
	})
}
