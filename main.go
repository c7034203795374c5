// Command terraform-provider-interactly serves the Interactly provider to
// Terraform and OpenTofu over the plugin protocol, version 6.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/interactly/terraform-provider-interactly/internal/provider"
)

// Generate the documentation from schemas, templates/ and examples/.
//go:generate go tool tfplugindocs generate --provider-name interactly

// version is set by the release build (goreleaser's ldflags -X main.version=...).
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "start the provider for use with debuggers such as delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/interactly/interactly",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
