# By the knowledge base's ID (shown in the dashboard):
terraform import interactly_knowledge_base.faq 65f0c2a1b2c3d4e5f6071822
