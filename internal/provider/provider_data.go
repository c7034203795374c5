package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// providerData is what Configure hands to every resource, data source and
// list resource: the API client of this configuration, and what this
// provider process has learnt about objects that left the team.
type providerData struct {
	client    *interactly.Client
	forgotten *forgottenObjects
	// restorePoints are the restore points this process's refreshes
	// found, for the replacement of a tainted adoption.
	restorePoints *restorePointsSeen
	reports       *failureReports
	owners        *owners // which resource adopts each number and assistant
	// keySource names the setting the API key came from, for messages
	// that ask the user to check it.
	keySource string
}

// providerDataFrom takes what the provider configured. ProviderData is nil
// while Terraform validates before configuring; that is not an error, and
// the result is then nil.
func providerDataFrom(configured any, diags *diag.Diagnostics) *providerData {
	if configured == nil {
		return nil
	}
	data, ok := configured.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", configured))
		return nil
	}
	return data
}

// configured is what a resource, data source or list resource keeps of the
// provider's configuration; embed it and call configure from Configure.
type configured struct {
	client *interactly.Client
	data   *providerData
}

func (c *configured) configure(providerData any, diags *diag.Diagnostics) {
	if data := providerDataFrom(providerData, diags); data != nil {
		c.client, c.data = data.client, data
	}
}

// reports is the process's record of failures already explained.
func (c *configured) reports() *failureReports {
	if c.data == nil {
		return nil
	}
	return c.data.reports
}

// restorePoints is the process's record of restore points refreshes found.
func (c *configured) restorePoints() *restorePointsSeen {
	if c.data == nil {
		return nil
	}
	return c.data.restorePoints
}

// keySource names the setting that holds the API key.
func (c *configured) keySource() string {
	if c.data == nil {
		return "the provider's api_key or the " + envAPIKey + " environment variable"
	}
	return c.data.keySource
}
