package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// ignore_changes lives only in the plan: Terraform hands the apply the raw
// configuration. Each case adopts the support number, lets the dashboard
// change what the configuration then ignores, and changes something else:
// the apply must leave the ignored attribute as the dashboard set it, and
// must not call the change it kept out of the plan an error.
func TestAccNumber_ignoreChanges(t *testing.T) {
	adopt := `
resource "interactly_number" "support" {
  number           = "+14155550100"
  assistant_id     = "asst-support"
  inbound_enabled  = true
  outbound_enabled = true
}`
	cases := map[string]struct {
		dashboard func(*testEmulator)
		config    string
		want      want
		noWrite   bool // the plan changes nothing the API holds
	}{
		"assistant_id set": {
			dashboard: func(e *testEmulator) { e.changeSupportNumber(func(n *numberFields) { n.assistant = "asst-night" }) },
			config: `
resource "interactly_number" "support" {
  number           = "+14155550100"
  assistant_id     = "asst-support"
  inbound_enabled  = true
  outbound_enabled = false
  lifecycle {
    ignore_changes = [assistant_id]
  }
}`,
			want: want{"asst-night", true, false},
		},
		"assistant_id omitted": {
			dashboard: func(e *testEmulator) { e.changeSupportNumber(func(n *numberFields) { n.assistant = "asst-night" }) },
			config: `
resource "interactly_number" "support" {
  number           = "+14155550100"
  inbound_enabled  = false
  outbound_enabled = true
  lifecycle {
    ignore_changes = [assistant_id]
  }
}`,
			want: want{"asst-night", false, true},
		},
		"inbound_enabled": {
			dashboard: func(e *testEmulator) { e.changeSupportNumber(func(n *numberFields) { n.inbound = false }) },
			config: `
resource "interactly_number" "support" {
  number           = "+14155550100"
  assistant_id     = "asst-sales"
  inbound_enabled  = true
  outbound_enabled = true
  lifecycle {
    ignore_changes = [inbound_enabled]
  }
}`,
			want: want{"asst-sales", false, true},
		},
		"outbound_enabled": {
			dashboard: func(e *testEmulator) { e.changeSupportNumber(func(n *numberFields) { n.outbound = false }) },
			config: `
resource "interactly_number" "support" {
  number           = "+14155550100"
  assistant_id     = "asst-support"
  inbound_enabled  = false
  outbound_enabled = true
  lifecycle {
    ignore_changes = [outbound_enabled]
  }
}`,
			want: want{"asst-support", false, false},
		},
		"all": {
			dashboard: func(e *testEmulator) {
				e.changeSupportNumber(func(n *numberFields) { n.assistant, n.inbound = "asst-night", false })
			},
			config: `
resource "interactly_number" "support" {
  number           = "+14155550100"
  assistant_id     = "asst-sales"
  inbound_enabled  = true
  outbound_enabled = false
  lifecycle {
    ignore_changes = all
  }
}`,
			want:    want{"asst-night", false, true},
			noWrite: true,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			emu := newTestEmulator(t)
			second := resource.TestStep{
				PreConfig: func() {
					tc.dashboard(emu)
					emu.ResetCounts()
				},
				Config: emu.config(tc.config),
				Check:  emu.expectAPI(supportID, tc.want),
			}
			if tc.noWrite {
				second.ConfigPlanChecks.PreApply = []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}
				second.Check = resource.ComposeTestCheckFunc(second.Check, emu.expectPUTs(0))
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{
					{Config: emu.config(adopt)},
					second,
					// And the next plan is empty: nothing left to do.
					{Config: emu.config(tc.config), PlanOnly: true},
				},
			})
		})
	}
}

// numberFields are the fields of a number the dashboard changes.
type numberFields struct {
	assistant         string
	inbound, outbound bool
	label             string
}

// changeSupportNumber changes the support number as the dashboard would.
func (e *testEmulator) changeSupportNumber(change func(*numberFields)) {
	n, ok := e.GetNumber(supportID)
	if !ok {
		panic("the emulator has no support number")
	}
	f := numberFields{n.AssistantID, n.InboundEnabled, n.OutboundEnabled, n.Label}
	change(&f)
	n.AssistantID, n.InboundEnabled, n.OutboundEnabled, n.Label = f.assistant, f.inbound, f.outbound, f.label
	e.SetNumber(n)
}
