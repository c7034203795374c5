# By the number's resource identity (Terraform 1.12 or later, OpenTofu 1.12
# or later): the identity holds the number's ID, its "_id" in the API.
import {
  to = interactly_number.support
  identity = {
    id = "a12f9c88-c155-461f-9771-4d240cdc9a04"
  }
}
