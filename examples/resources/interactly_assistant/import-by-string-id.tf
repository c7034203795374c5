# By the assistant's ID (its "_id" in the API, shown in the dashboard):
import {
  to = interactly_assistant.front_desk
  id = "6650f1c2a1b2c3d4e5f60718"
}
