# Attach an assistant to a number the team already has, taking inbound calls
# only.
resource "interactly_number" "support" {
  number           = "+14155550100"
  assistant_id     = "3f2b8c1e-5d4a-4e6f-9b7c-2a1d0e9f8c7b" # the assistant's ID, from the dashboard
  inbound_enabled  = true
  outbound_enabled = false
}

# A number borrowed for a campaign: on destroy, put back the assistant and the
# switches it had before Terraform adopted it. inbound_enabled and
# outbound_enabled are omitted, so they stay as they are in Interactly.
resource "interactly_number" "campaign" {
  number       = "+14155550101"
  assistant_id = "4b3e6a0e-6f0d-4f55-9d2c-0f7c1e0d8a11"
  on_destroy   = "restore"
}

# A parked number: no assistant (one attached outside Terraform is detached),
# calls off both ways, and left exactly as it is when the resource is destroyed.
resource "interactly_number" "parked" {
  number           = "+14155550102"
  inbound_enabled  = false
  outbound_enabled = false
  on_destroy       = "keep"
}

# Many numbers from one map. Stable keys keep the resource addresses stable
# when a number is added or removed.
locals {
  sales_lines = {
    east = { number = "+14155550110", assistant_id = "asst-sales-east" }
    west = { number = "+14155550111", assistant_id = "asst-sales-west" }
  }
}

resource "interactly_number" "sales" {
  for_each = local.sales_lines

  number           = each.value.number
  assistant_id     = each.value.assistant_id
  inbound_enabled  = true
  outbound_enabled = true
}
