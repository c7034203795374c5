package interactly

import (
	"errors"
	"fmt"
)

// Environment variables that configure a client: the provider reads them
// when its block leaves an argument out, and interactly-export reads them
// alone.
const (
	EnvAPIKey               = "INTERACTLY_API_KEY"
	EnvBaseURL              = "INTERACTLY_BASE_URL"
	EnvMaxRetries           = "INTERACTLY_MAX_RETRIES"
	EnvRequestTimeout       = "INTERACTLY_REQUEST_TIMEOUT"
	EnvMaxRequestsPerSecond = "INTERACTLY_MAX_REQUESTS_PER_SECOND"
)

// ErrNoAPIKey says why a configuration without a key cannot call the API.
var ErrNoAPIKey = errors.New("no Interactly API key: set " + EnvAPIKey +
	" (keys are created in the Interactly dashboard, section API Keys)")

// SettingFromEnv is the value of an environment variable, or fallback when
// it is unset or empty: the rule the provider applies to every argument its
// block leaves out.
func SettingFromEnv(env func(string) (string, bool), name, fallback string) string {
	if v, ok := env(name); ok && v != "" {
		return v
	}
	return fallback
}

// ConfigFromEnv reads the API key and the base URL from the environment, as
// the provider does when its block sets neither, and checks them as New
// would (https, or http to a loopback host only). Errors never quote the key.
func ConfigFromEnv(env func(string) (string, bool)) (Config, error) {
	cfg := Config{
		APIKey:     SettingFromEnv(env, EnvAPIKey, ""),
		BaseURL:    SettingFromEnv(env, EnvBaseURL, DefaultBaseURL),
		MaxRetries: -1,
	}
	var errs []error
	if cfg.APIKey == "" {
		errs = append(errs, ErrNoAPIKey)
	}
	if _, err := ParseBaseURL(cfg.BaseURL); err != nil {
		errs = append(errs, fmt.Errorf("the environment variable %s: %w", EnvBaseURL, err))
	}
	return cfg, errors.Join(errs...)
}
