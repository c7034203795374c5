# Read an assistant managed elsewhere (another workspace, or the dashboard).
data "interactly_assistant" "front_desk" {
  id = "6650f1c2a1b2c3d4e5f60718"
}

output "front_desk_model" {
  value = "${data.interactly_assistant.front_desk.llm_provider}/${data.interactly_assistant.front_desk.model}"
}
