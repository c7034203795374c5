# Every number of the team, sorted by number.
data "interactly_numbers" "all" {}

# Only the numbers labelled "campaign".
data "interactly_numbers" "campaign" {
  label = "campaign"
}

# Numbers that no assistant answers.
output "unassigned_numbers" {
  value = [for n in data.interactly_numbers.all.numbers : n.number if n.assistant_id == null]
}

# Put one assistant on every campaign number.
resource "interactly_number" "campaign" {
  for_each = { for n in data.interactly_numbers.campaign.numbers : n.number => n }

  number       = each.key
  assistant_id = "4b3e6a0e-6f0d-4f55-9d2c-0f7c1e0d8a11"
}
