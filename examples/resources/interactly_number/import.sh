# By the number's ID (its "_id" in the API):
terraform import interactly_number.support a12f9c88-c155-461f-9771-4d240cdc9a04

# Or by the phone number itself, in E.164 form:
terraform import interactly_number.support +14155550100
