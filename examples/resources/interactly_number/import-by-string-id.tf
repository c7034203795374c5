# By the number's ID (its "_id" in the API):
import {
  to = interactly_number.support
  id = "a12f9c88-c155-461f-9771-4d240cdc9a04"
}

# Or by the phone number itself, in E.164 form:
import {
  to = interactly_number.campaign
  id = "+14155550101"
}
