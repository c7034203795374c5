// Package provider implements the Interactly Terraform provider on
// terraform-plugin-framework: the schemas, the plan logic and the mapping
// between Terraform values and API documents. HTTP lives in package interactly.
package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// Environment variables that stand in for provider arguments.
const (
	envAPIKey         = interactly.EnvAPIKey
	envBaseURL        = interactly.EnvBaseURL
	envMaxRetries     = interactly.EnvMaxRetries
	envRequestTimeout = interactly.EnvRequestTimeout

	envMaxRequestsPerSecond = interactly.EnvMaxRequestsPerSecond
)

var (
	_ provider.Provider                  = (*InteractlyProvider)(nil)
	_ provider.ProviderWithListResources = (*InteractlyProvider)(nil)
)

// InteractlyProvider is the provider; version is set at build time.
type InteractlyProvider struct {
	version   string
	forgotten *forgottenObjects // shared by every configuration of this process
	// restorePoints are those the refreshes of this process found.
	restorePoints *restorePointsSeen
}

// New returns a provider factory for providerserver.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &InteractlyProvider{version: version, forgotten: newForgottenObjects(), restorePoints: newRestorePointsSeen()}
	}
}

// providerModel is the provider block.
type providerModel struct {
	APIKey         types.String `tfsdk:"api_key"`
	BaseURL        types.String `tfsdk:"base_url"`
	MaxRetries     types.Number `tfsdk:"max_retries"`
	RequestTimeout types.String `tfsdk:"request_timeout"`

	MaxRequestsPerSecond types.Number `tfsdk:"max_requests_per_second"`
}

func (p *InteractlyProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "interactly"
	resp.Version = p.version
}

func (p *InteractlyProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Interactly provider manages the voice setup of an [Interactly](https://interactly.ai) team: its phone numbers " +
			"(which assistant answers each number, and whether inbound and outbound calls are enabled) and its assistants, " +
			"the AI agents that answer and place the calls (prompt, welcome message, model, voice, tools, webhook), " +
			"and the knowledge bases they look answers up in (files and web pages).",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				MarkdownDescription: "API key from the dashboard's **API Keys** section. May also be set with the `" + envAPIKey + "` " +
					"environment variable, which is the better place for a secret.",
				Optional:  true,
				Sensitive: true,
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Base URL of the Interactly API. Defaults to the `" + envBaseURL + "` environment variable, then `" +
					interactly.DefaultBaseURL + "`. Plain `http://` is accepted only for a loopback host (`localhost`, `127.0.0.1`, `::1`), " +
					"such as the local emulator, so the key never crosses a network unencrypted.",
				Optional:   true,
				Validators: []validator.String{baseURLValidator()},
			},
			"max_retries": schema.NumberAttribute{
				MarkdownDescription: fmt.Sprintf("How many times a request is retried after a connection error, a gateway or availability error "+
					"(502, 503, 504) or an answer whose body did not arrive whole; a create (a file upload, a new knowledge base) only after "+
					"a connection that was never made. Rate limits (429) are retried apart and do not count. "+
					"Defaults to the `%s` environment variable, then %d. `0` disables every retry.",
					envMaxRetries, interactly.DefaultMaxRetries),
				Optional:   true,
				Validators: []validator.Number{settings.WholeBetween(0, maxRetriesLimit, "the provider")},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Time limit of each attempt of a request, as a duration such as `\"30s\"` or `\"1m\"`. "+
					"Defaults to the `%s` environment variable, then `\"%s\"`.", envRequestTimeout, interactly.DefaultRequestTimeout),
				Optional:   true,
				Validators: []validator.String{durationValidator("request_timeout")},
			},
			"max_requests_per_second": maxRequestsPerSecondAttribute(),
		},
	}
}

func (p *InteractlyProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	settings, diags := resolveSettings(config, lookupEnv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx = tflog.MaskMessageStrings(ctx, settings.APIKey)
	ctx = tflog.MaskAllFieldValuesStrings(ctx, settings.APIKey)

	settings.UserAgent = userAgent(p.version, req.TerraformVersion)
	settings.Logger = newTFLogger(settings.APIKey)
	client, err := interactly.New(settings)
	if err != nil {
		// resolveSettings checked everything New checks; this is a safety net.
		resp.Diagnostics.AddError("Unable to create the Interactly API client", err.Error())
		return
	}
	tflog.Debug(ctx, "Configured the Interactly API client", map[string]any{
		"base_url":        settings.BaseURL,
		"max_retries":     settings.MaxRetries,
		"request_timeout": settings.RequestTimeout.String(),

		"max_requests_per_second": settings.MaxRequestsPerSecond,
	})
	data := &providerData{client: client, forgotten: p.forgotten, restorePoints: p.restorePoints, reports: newFailureReports(),
		owners: newOwners(), keySource: apiKeySource(config)}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ListResourceData = data
}

// apiKeySource names the setting the API key came from.
func apiKeySource(config providerModel) string {
	if !config.APIKey.IsNull() {
		return "the provider block's api_key"
	}
	return "the " + envAPIKey + " environment variable"
}

// userAgent follows HashiCorp's convention for provider user agents.
func userAgent(providerVersion, terraformVersion string) string {
	if terraformVersion == "" {
		terraformVersion = "unknown"
	}
	return fmt.Sprintf("terraform-provider-interactly/%s Terraform/%s", providerVersion, terraformVersion)
}

func (p *InteractlyProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewNumberResource,
		NewAssistantResource,
		NewKnowledgeBaseResource,
	}
}

func (p *InteractlyProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewNumberDataSource,
		NewNumbersDataSource,
		NewAssistantDataSource,
		NewKnowledgeBaseDataSource,
	}
}

func (p *InteractlyProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewNumberListResource,
	}
}
