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

# What the receptionist knows: created by Terraform from a file of this
# directory. A change to kb/hours.md shows in the plan as a new hash.
resource "interactly_knowledge_base" "clinic" {
  title       = "Sunrise Clinic"
  description = "Opening hours and how appointments work"
  files       = ["${path.module}/kb/hours.md"]
}

# The receptionist, made in the dashboard, adopted: what it says is now
# reviewed here. Settings left out stay as they are in Interactly.
resource "interactly_assistant" "receptionist" {
  assistant_id       = "asst-receptionist"
  knowledge_base_ids = [interactly_knowledge_base.clinic.id]
  welcome_message    = "Thank you for calling Sunrise Clinic. How can I help?"
  system_prompt      = "You are the front desk of Sunrise Clinic. Book, move and cancel appointments; never give medical advice."
  temperature        = 0.2
  on_destroy         = "restore" # put back what Terraform changed on destroy
}

# The receptionist answers the support line; outbound calls are switched on.
resource "interactly_number" "support" {
  number           = "+14155550100"
  assistant_id     = interactly_assistant.receptionist.id
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
