# Adopt the front desk's assistant, made in the dashboard, and manage what it
# says. Settings left out (the voice, the tools, ...) stay as they are in
# Interactly and are only recorded in state.
resource "interactly_assistant" "front_desk" {
  assistant_id = "6650f1c2a1b2c3d4e5f60718" # the assistant's ID, from the dashboard

  name                 = "Front desk"
  welcome_message      = "Thank you for calling Sunrise Clinic. How can I help?"
  welcome_message_mode = "assistant-speaks-first"
  system_prompt        = file("${path.module}/prompts/front-desk.md")
  llm_provider         = "openai"
  model                = "gpt-4o-mini"
  temperature          = 0.3
  max_call_duration    = 900

  # Only the tools named here are set; the others keep their values.
  predefined_tools = {
    end_call     = true
    call_forward = true
  }

  webhook = {
    enabled  = true
    url      = "https://hooks.example.com/interactly"
    messages = ["end-of-call-report"]
  }
  # Terraform 1.11 or later: the secret never enters the plan or state.
  # Change the version to send a new secret.
  webhook_secret_wo         = var.webhook_secret
  webhook_secret_wo_version = 1

  # On destroy, put back every setting Terraform changed.
  on_destroy = "restore"
}

variable "webhook_secret" {
  type      = string
  sensitive = true
}

# The number the front desk answers.
resource "interactly_number" "main_line" {
  number       = "+14155550100"
  assistant_id = interactly_assistant.front_desk.id
}
