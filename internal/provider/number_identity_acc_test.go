package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// Identity through a CLI that stores it and imports by it: OpenTofu 1.12 and
// Terraform 1.12 or later. Older CLIs skip this test; the protocol-level
// tests in number_identity_test.go cover identity on every version.
func TestAccNumber_identity(t *testing.T) {
	emu := newTestEmulator(t)
	const support = "interactly_number.support"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		Steps: []resource.TestStep{
			{
				Config: emu.config(`
resource "interactly_number" "support" {
  number       = "+14155550100"
  assistant_id = "asst-support"
}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(support, map[string]knownvalue.Check{"id": knownvalue.StringExact(supportID)}),
					statecheck.ExpectIdentityValueMatchesState(support, tfjsonpath.New("id")),
				},
			},
			// import { to = ..., identity = { id = ... } }, planned against
			// the configuration above: nothing to change.
			{ResourceName: support, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			// The same import with generated configuration, as terraform
			// query writes it: the generated resource plans clean.
			{
				Config:          emu.config(""),
				ResourceName:    support,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				GenerateConfig:  true,
			},
		},
	})
}
