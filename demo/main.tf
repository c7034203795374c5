# The configuration `make demo` applies to the local emulator. The provider
# reads INTERACTLY_API_KEY and INTERACTLY_BASE_URL from the environment.
terraform {
  required_providers {
    interactly = {
      source = "interactly/interactly"
    }
  }
}

provider "interactly" {}

# The receptionist answers the support line; outbound calls are switched on.
resource "interactly_number" "support" {
  number           = "+14155550100"
  assistant_id     = "asst-receptionist"
  outbound_enabled = true
  on_destroy       = "restore" # put the after-hours assistant back on destroy
}

# The sales line gets the sales assistant; its switches are left as they are.
resource "interactly_number" "sales" {
  number       = data.interactly_number.sales.number
  assistant_id = "asst-sales"
}

data "interactly_number" "sales" {
  label = "sales"
}

# Read after the numbers are configured, so the output shows the result.
data "interactly_numbers" "all" {
  depends_on = [interactly_number.support, interactly_number.sales]
}

output "numbers" {
  description = "Every number of the team, with its assistant."
  value       = { for n in data.interactly_numbers.all.numbers : n.number => n.assistant_id }
}
