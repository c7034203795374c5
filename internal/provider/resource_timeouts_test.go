package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// Each wait of the resource is bounded by the operation it serves: an API
// that asks to wait longer than the time left fails the operation at once,
// naming the wait and the deadline, instead of holding the plan.
func TestAccNumber_timeoutsBoundLongRetryAfter(t *testing.T) {
	block := func(timeouts string) string {
		return `
resource "interactly_number" "sales" {
  number       = "+14155550101"
  assistant_id = "asst-sales"
  timeouts {
    ` + timeouts + `
  }
}`
	}
	waitRefused := `HTTP 429.*would wait 30s.*Retry-After.*deadline.*gave up instead of waiting past it`
	t.Run("plan-time lookup under create", func(t *testing.T) {
		emu := newTestEmulator(t)
		emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "30", Times: 1})
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{{
				Config:      emu.config(block(`create = "5s"`)),
				PlanOnly:    true,
				ExpectError: errorMatching(`Unable to look up number \+14155550101.*` + waitRefused),
			}},
		})
		if n := emu.Faults()[0].Hits; n != 1 {
			t.Errorf("the 429 was answered %d times, want once", n)
		}
	})
	t.Run("refresh under read", func(t *testing.T) {
		emu := newTestEmulator(t)
		config := emu.config(block(`read = "5s"`))
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{Config: config},
				{
					PreConfig:   func() { emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "30", Times: 1}) },
					Config:      config,
					ExpectError: errorMatching(`Unable to read number \+14155550101.*` + waitRefused),
				},
			},
		})
	})
	t.Run("import under the read default", func(t *testing.T) {
		emu := newTestEmulator(t)
		// Retry-After is capped at 5 minutes, the default read timeout.
		emu.AddFault(emulator.Fault{Method: "GET", Status: 429, RetryAfter: "600", Times: 1})
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{{
				Config:        emu.config(block(`read = "5s"`)),
				ResourceName:  "interactly_number.sales",
				ImportState:   true,
				ImportStateId: "+14155550101",
				ExpectError:   errorMatching(`Unable to import number \+14155550101.*HTTP 429.*would wait 5m0s.*deadline is`),
			}},
		})
	})
}
