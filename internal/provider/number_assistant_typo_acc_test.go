package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// A typo in a number's assistant_id fails the plan, naming the ID and the
// attribute it came from, so a pipeline that gates on the plan stops it. An
// assistant already attached and left as it is in the plan that has since
// been deleted only warns: the plan, and the destroy at the end of the test,
// go through.
func TestAccNumber_missingAssistantFailsThePlan(t *testing.T) {
	emu := newTestEmulator(t)
	config := func(assistant string) string {
		return emu.config(`
resource "interactly_number" "sales" {
  number       = "+14155550101"
  assistant_id = "` + assistant + `"
}`)
	}
	typos := []resource.TestStep{
		{
			Config:      config("asst-slaes"),
			PlanOnly:    true,
			ExpectError: errorMatching(`Assistant asst-slaes not found.*assistant_id is "asst-slaes".*no assistant "asst-slaes"`),
		},
		{Config: config("asst-sales"), Check: emu.expectAPI(salesID, want{"asst-sales", true, false})},
		{
			// A change to a typo fails the plan as a new one does.
			Config:      config("asst-nihgt"),
			PlanOnly:    true,
			ExpectError: errorMatching(`Assistant asst-nihgt not found`),
		},
	}
	if !emu.reportsAllAssistantFields() {
		// The sparse profile's 404 has no body: it proves nothing, so the
		// plan cannot tell a typo, and the apply reports the refusal.
		typos = typos[1:2]
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: append(typos,
			resource.TestStep{
				// Deleted in the dashboard since: the unchanged plan warns.
				PreConfig: func() { emu.DeleteAssistant("asst-sales") },
				Config:    config("asst-sales"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("interactly_number.sales", plancheck.ResourceActionNoop)},
				},
			}),
	})
}
