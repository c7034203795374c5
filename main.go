// Command terraform-provider-interactly serves the Interactly provider to
// Terraform and OpenTofu over the plugin protocol, version 6.
package main

import (
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
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

	// providerserver.Serve, with the protocol server wrapped so that each
	// operation that waited for the API sums its waits up in the log.
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	serve := providerserver.NewProtocol6(provider.New(version)())
	err := tf6server.Serve("registry.terraform.io/interactly/interactly", func() tfprotov6.ProviderServer {
		return provider.WithWaitSummaries(serve())
	}, opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}
