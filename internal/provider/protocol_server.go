package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// ProtocolServer returns the function that serves the provider over the
// plugin protocol, version 6, as main serves it and the tests run it: the
// framework's server, wrapped so that the framework does not keep the
// context of every finished call (WithReleasedContexts) and so that each
// operation that waited for the API sums its waits up in the log
// (WithWaitSummaries).
func ProtocolServer(version string) func() tfprotov6.ProviderServer {
	serve := providerserver.NewProtocol6(New(version)())
	return func() tfprotov6.ProviderServer {
		framework, ok := serve().(listServer)
		if !ok {
			panic("the framework's protocol server no longer serves list resources: see listServer")
		}
		return WithWaitSummaries(WithReleasedContexts(framework))
	}
}

// listServer is a protocol server with the list resource calls, which
// terraform-plugin-go looks for apart from the others: a wrapper that
// embedded only tfprotov6.ProviderServer would answer every terraform query
// with "not implemented". Its interface is marked deprecated until
// ProviderServer itself takes those calls in; then this alias goes.
type listServer = tfprotov6.ProviderServerWithListResource //nolint:staticcheck // the only interface with the list calls until ProviderServer has them
