# By the assistant's resource identity (Terraform 1.12 or later): its ID.
import {
  to = interactly_assistant.front_desk
  identity = {
    id = "6650f1c2a1b2c3d4e5f60718"
  }
}
