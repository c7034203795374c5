# Look a number up by its phone number...
data "interactly_number" "support" {
  number = "+14155550100"
}

# ...by its ID...
data "interactly_number" "by_id" {
  id = "a12f9c88-c155-461f-9771-4d240cdc9a04"
}

# ...or by its label, which must match exactly one number of the team.
data "interactly_number" "reception" {
  label = "reception"
}

output "support_assistant_id" {
  value = data.interactly_number.support.assistant_id
}

output "reception_number" {
  value = data.interactly_number.reception.number
}
