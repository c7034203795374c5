# A knowledge base made in the dashboard, read by its ID.
data "interactly_knowledge_base" "menu" {
  id = "65f0c2a1b2c3d4e5f6071822"
}

output "menu_status" {
  value = data.interactly_knowledge_base.menu.status
}
