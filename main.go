// Command terraform-provider-interactly serves the Interactly provider to
// Terraform and OpenTofu over the plugin protocol, version 6.
package main

import (
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

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

	// The provider's protocol server, as provider.ProtocolServer wraps the
	// framework's.
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	err := tf6server.Serve("registry.terraform.io/interactly/interactly", provider.ProtocolServer(version), opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}
