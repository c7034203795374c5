# Every number of the team, sorted by phone number. include_resource returns
# each number's attributes as well as its identity, for -generate-config-out
# to write into the resource blocks. limit is 100 unless set.
list "interactly_number" "all" {
  provider         = interactly
  include_resource = true
  limit            = 1000
}

# Or only the numbers labelled exactly "sales". A number that two list blocks
# find gets generated configuration from each of them: keep only one.
list "interactly_number" "sales" {
  provider         = interactly
  include_resource = true

  config {
    label = "sales"
  }
}
