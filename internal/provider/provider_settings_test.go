package provider

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// wholeNumber is n as the Number value a provider block holds.
func wholeNumber(n int64) types.Number { return types.NumberValue(new(big.Float).SetInt64(n)) }

func env(vars map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) { v, ok := vars[name]; return v, ok }
}

// duration is a request_timeout as configured, valid or not.
func duration(s string) types.String {
	return types.StringValue(s)
}

func nullConfig() providerModel {
	return providerModel{APIKey: types.StringNull(), BaseURL: types.StringNull(), MaxRetries: types.NumberNull(), RequestTimeout: types.StringNull()}
}

func TestResolveSettingsPrecedence(t *testing.T) {
	t.Parallel()
	// Environment only.
	got, diags := resolveSettings(nullConfig(), env(map[string]string{
		envAPIKey: "sk-env", envBaseURL: "http://127.0.0.1:8080", envMaxRetries: "7", envRequestTimeout: "5s",
	}))
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got.APIKey != "sk-env" || got.BaseURL != "http://127.0.0.1:8080" || got.MaxRetries != 7 || got.RequestTimeout != 5*time.Second {
		t.Errorf("from the environment: %+v", got)
	}
	// The block wins over the environment.
	config := providerModel{APIKey: types.StringValue("sk-block"), BaseURL: types.StringValue("https://eu.example.com"),
		MaxRetries: wholeNumber(0), RequestTimeout: duration("1m")}
	got, diags = resolveSettings(config, env(map[string]string{envAPIKey: "sk-env", envMaxRetries: "7"}))
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got.APIKey != "sk-block" || got.BaseURL != "https://eu.example.com" || got.MaxRetries != 0 || got.RequestTimeout != time.Minute {
		t.Errorf("from the block: %+v", got)
	}
	// Defaults.
	got, _ = resolveSettings(providerModel{APIKey: types.StringValue("k"), BaseURL: types.StringNull(), MaxRetries: types.NumberNull(), RequestTimeout: types.StringNull()}, env(nil))
	if got.BaseURL != interactly.DefaultBaseURL || got.MaxRetries != 4 || got.RequestTimeout != 30*time.Second {
		t.Errorf("defaults: %+v", got)
	}
}

func TestResolveSettingsErrors(t *testing.T) {
	t.Parallel()
	withKey := func(mutate func(*providerModel)) providerModel {
		m := nullConfig()
		m.APIKey = types.StringValue("sk-test")
		mutate(&m)
		return m
	}
	cases := map[string]struct {
		config providerModel
		env    map[string]string
		want   []string
	}{
		"no key anywhere":  {nullConfig(), nil, []string{"Missing Interactly API key", "api_key", envAPIKey}},
		"empty key in env": {nullConfig(), map[string]string{envAPIKey: ""}, []string{"Missing Interactly API key"}},
		"plain http to a remote host": {withKey(func(m *providerModel) { m.BaseURL = types.StringValue("http://api.interactly.ai") }), nil,
			[]string{"Invalid Interactly base URL", "unencrypted"}},
		"bad timeout":      {withKey(func(m *providerModel) { m.RequestTimeout = duration("soon") }), nil, []string{"Invalid request_timeout", `request_timeout = "soon" is not a duration`}},
		"negative timeout": {withKey(func(m *providerModel) { m.RequestTimeout = duration("-1s") }), nil, []string{"Invalid request_timeout", `request_timeout = "-1s" must be longer than zero`}},
		"bad retries env":  {withKey(func(*providerModel) {}), map[string]string{envMaxRetries: "many"}, []string{envMaxRetries, "not a whole number"}},
		"too many retries": {withKey(func(m *providerModel) { m.MaxRetries = wholeNumber(1000) }), nil, []string{"between 0 and 100"}},
		// 2^32+1 would pass as 1 if converted to a 32-bit int before the check.
		"retries beyond 32 bits":     {withKey(func(m *providerModel) { m.MaxRetries = wholeNumber(1<<32 + 1) }), nil, []string{"max_retries is 4294967297"}},
		"retries beyond 32 bits env": {withKey(func(*providerModel) {}), map[string]string{envMaxRetries: "4294967297"}, []string{"max_retries is 4294967297"}},
		"negative retries env":       {withKey(func(*providerModel) {}), map[string]string{envMaxRetries: "-1"}, []string{"between 0 and 100"}},
		// From the environment, the error names the variable to change.
		"bad timeout env":      {withKey(func(*providerModel) {}), map[string]string{envRequestTimeout: "soon"}, []string{"Invalid " + envRequestTimeout, envRequestTimeout + ` = "soon" is not a duration`}},
		"negative timeout env": {withKey(func(*providerModel) {}), map[string]string{envRequestTimeout: "-2s"}, []string{"Invalid " + envRequestTimeout, envRequestTimeout + ` = "-2s" must be longer than zero`}},
		"zero timeout env":     {withKey(func(*providerModel) {}), map[string]string{envRequestTimeout: "0s"}, []string{envRequestTimeout + ` = "0s" must be longer than zero`}},
		"unknown key":          {withKey(func(m *providerModel) { m.APIKey = types.StringUnknown() }), nil, []string{"Unknown provider argument api_key"}},
		"base URL without a scheme in env": {withKey(func(*providerModel) {}), map[string]string{envBaseURL: "127.0.0.1:8080"},
			[]string{"Invalid " + envBaseURL, "comes from the environment variable " + envBaseURL, "add http:// in front"}},
		"base URL without a scheme in the block": {withKey(func(m *providerModel) { m.BaseURL = types.StringValue("api.interactly.ai") }),
			map[string]string{envBaseURL: "http://127.0.0.1:8080"},
			[]string{"Invalid Interactly base URL", "comes from base_url in the provider block", "add https:// in front"}},
	}
	for name, tc := range cases {
		_, diags := resolveSettings(tc.config, env(tc.env))
		if !diags.HasError() {
			t.Errorf("%s: no error", name)
			continue
		}
		var text strings.Builder
		for _, d := range diags {
			text.WriteString(d.Summary() + " " + d.Detail() + " ")
		}
		for _, want := range tc.want {
			if !strings.Contains(text.String(), want) {
				t.Errorf("%s: diagnostics %q lack %q", name, text.String(), want)
			}
		}
		if strings.Contains(text.String(), "sk-test") {
			t.Errorf("%s: diagnostics show the key", name)
		}
	}
}

func TestUserAgent(t *testing.T) {
	t.Parallel()
	if got := userAgent("1.2.3", "1.5.7"); got != "terraform-provider-interactly/1.2.3 Terraform/1.5.7" {
		t.Errorf("userAgent = %q", got)
	}
	if got := userAgent("dev", ""); got != "terraform-provider-interactly/dev Terraform/unknown" {
		t.Errorf("userAgent without a Terraform version = %q", got)
	}
}
