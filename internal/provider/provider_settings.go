package provider

import (
	"fmt"
	"math/big"
	"os"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// maxRetriesLimit bounds max_retries: beyond it, retries only prolong an outage.
const maxRetriesLimit = 100

// lookupEnv is os.LookupEnv, a parameter of resolveSettings so tests need not
// touch the process environment.
var lookupEnv = os.LookupEnv

// resolveSettings turns the provider block into client settings. Each value
// comes from the block when set there, then from its environment variable,
// then from the default. Every problem is reported against its attribute.
func resolveSettings(config providerModel, env func(string) (string, bool)) (interactly.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	settings := interactly.Config{}

	for _, a := range []struct {
		attr  string
		value attrValue
	}{
		{"api_key", config.APIKey}, {"base_url", config.BaseURL},
		{"max_retries", config.MaxRetries}, {"request_timeout", config.RequestTimeout},
		{"max_requests_per_second", config.MaxRequestsPerSecond},
	} {
		if a.value.IsUnknown() {
			diags.AddAttributeError(path.Root(a.attr), "Unknown provider argument "+a.attr,
				"The provider cannot be configured with a value that is only known after apply. "+
					"Set "+a.attr+" to a value known at plan time, or use its environment variable.")
		}
	}
	if diags.HasError() {
		return settings, diags
	}

	settings.APIKey = stringSetting(config.APIKey, env, envAPIKey, "")
	if settings.APIKey == "" {
		diags.AddAttributeError(path.Root("api_key"), "Missing Interactly API key",
			"The provider needs an API key to call the Interactly API. Set api_key in the provider block or the "+
				envAPIKey+" environment variable (preferred, it keeps the secret out of configuration). "+
				"Keys are created in the Interactly dashboard, section API Keys.")
	}

	settings.BaseURL = stringSetting(config.BaseURL, env, envBaseURL, interactly.DefaultBaseURL)
	if _, err := interactly.ParseBaseURL(settings.BaseURL); err != nil {
		// Say where the value came from: an environment variable is easy
		// to forget when the configuration shows no base_url at all.
		summary, source := "Invalid Interactly base URL", "base_url in the provider block"
		if config.BaseURL.IsNull() {
			summary, source = "Invalid "+envBaseURL, "the environment variable "+envBaseURL
		}
		diags.AddAttributeError(path.Root("base_url"), summary, "The base URL comes from "+source+": "+err.Error()+".")
	}

	var retriesDiags diag.Diagnostics
	settings.MaxRetries, retriesDiags = wholeNumberSetting(config.MaxRetries, env, envMaxRetries, "max_retries",
		interactly.DefaultMaxRetries, maxRetriesLimit, "the number of retries, such as 4")
	diags.Append(retriesDiags...)

	var timeoutDiags diag.Diagnostics
	settings.RequestTimeout, timeoutDiags = durationSetting(config.RequestTimeout, env, envRequestTimeout, "request_timeout",
		interactly.DefaultRequestTimeout)
	diags.Append(timeoutDiags...)

	var capDiags diag.Diagnostics
	settings.MaxRequestsPerSecond, capDiags = wholeNumberSetting(config.MaxRequestsPerSecond, env, envMaxRequestsPerSecond,
		"max_requests_per_second", 0, maxRequestCap, "the most requests a second the provider may start, such as 20, or 0 for no cap")
	diags.Append(capDiags...)
	return settings, diags
}

// wholeNumberSetting resolves a whole-number argument: from the block, else
// from its environment variable (checked here, since no schema validator
// sees it), else fallback. The range 0..limit is checked before the
// conversion to int, which would wrap around on the 32-bit platforms the
// release builds for.
func wholeNumberSetting(value types.Number, env func(string) (string, bool), envName, attr string,
	fallback, limit int64, example string) (int, diag.Diagnostics) {
	var diags diag.Diagnostics
	n := big.NewFloat(float64(fallback))
	if !value.IsNull() && !value.IsUnknown() {
		n = value.ValueBigFloat()
	} else if raw, ok := env(envName); ok && raw != "" {
		parsed, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			diags.AddAttributeError(path.Root(attr), "Invalid "+envName,
				fmt.Sprintf("%s=%q is not a whole number between 0 and %d. Set it to %s, or unset it.", envName, raw, limit, example))
			return int(fallback), diags
		}
		n = new(big.Float).SetInt64(parsed)
	}
	if !n.IsInt() || n.Sign() < 0 || n.Cmp(big.NewFloat(float64(limit))) > 0 {
		diags.AddAttributeError(path.Root(attr), "Invalid "+attr,
			fmt.Sprintf("%s is %s; it must be a whole number between 0 and %d.", attr, settings.WrittenNumber(n), limit))
		return int(fallback), diags
	}
	whole, _ := n.Int64()
	return int(whole), diags
}

// durationSetting resolves a duration argument: from the block, else from
// its environment variable (checked here, since no schema validator sees
// it), else fallback. Errors name where the value came from.
func durationSetting(value types.String, env func(string) (string, bool), envName, attr string,
	fallback time.Duration) (time.Duration, diag.Diagnostics) {
	var diags diag.Diagnostics
	raw, source := value.ValueString(), attr
	if value.IsNull() {
		raw, source = stringSetting(types.StringNull(), env, envName, fallback.String()), envName
	}
	d, err := checkDuration(source, raw)
	if err != nil {
		diags.AddAttributeError(path.Root(attr), "Invalid "+source, err.Error()+".")
		return fallback, diags
	}
	return d, diags
}

// attrValue is what every provider attribute type has in common here.
type attrValue interface {
	IsNull() bool
	IsUnknown() bool
}

func stringSetting(value types.String, env func(string) (string, bool), envName, fallback string) string {
	if !value.IsNull() {
		return value.ValueString()
	}
	return interactly.SettingFromEnv(env, envName, fallback)
}
