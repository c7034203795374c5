# By the knowledge base's resource identity (Terraform 1.12 or later): its ID.
import {
  to = interactly_knowledge_base.faq
  identity = {
    id = "65f0c2a1b2c3d4e5f6071822"
  }
}
