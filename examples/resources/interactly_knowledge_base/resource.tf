resource "interactly_knowledge_base" "faq" {
  title       = "Bakery FAQ"
  description = "What callers ask about"

  # Local files Terraform uploads and owns; a change on disk shows in the plan.
  files = [
    "${path.module}/kb/menu.md",
    "${path.module}/kb/hours.md",
  ]

  include_urls = [{ url = "https://bakery.example/faq", recursive = true }]
  exclude_urls = [{ url = "https://bakery.example/faq/archive" }]

  retrain_frequency_minutes = 1440 # crawl the pages again daily
}

# The assistant looks answers up in it.
resource "interactly_assistant" "front_desk" {
  assistant_id       = "6650f1c2a1b2c3d4e5f60718"
  knowledge_base_ids = [interactly_knowledge_base.faq.id]
  predefined_tools   = { knowledge_base = true }
}
