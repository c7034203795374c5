terraform {
  required_providers {
    interactly = {
      source = "interactly/interactly"
    }
  }
}

# Every argument is optional. Keep the API key out of configuration: export
# INTERACTLY_API_KEY (and, if needed, INTERACTLY_BASE_URL,
# INTERACTLY_MAX_RETRIES and INTERACTLY_REQUEST_TIMEOUT) in the environment
# that runs Terraform instead.
provider "interactly" {
  max_retries     = 6
  request_timeout = "45s"
}
