package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// logSubsystem is the tflog subsystem of the API client's lines. Its level
// follows TF_LOG / TF_LOG_PROVIDER, and can be set on its own with
// TF_LOG_PROVIDER_INTERACTLY_API (say, TRACE for bodies while the rest of the
// provider logs at INFO).
const logSubsystem = "interactly_api"

// tfLogger sends the client's log lines to tflog. The logging context comes
// from each Terraform call, so masking cannot be set once at configure: every
// line gets the subsystem and the API key mask anew.
type tfLogger struct {
	apiKey string
}

var _ interactly.Logger = tfLogger{}

func newTFLogger(apiKey string) tfLogger { return tfLogger{apiKey: apiKey} }

func (l tfLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.SubsystemDebug(l.context(ctx), logSubsystem, msg, fields)
}

func (l tfLogger) Trace(ctx context.Context, msg string, fields map[string]any) {
	tflog.SubsystemTrace(l.context(ctx), logSubsystem, msg, fields)
}

func (l tfLogger) context(ctx context.Context) context.Context {
	ctx = tflog.NewSubsystem(ctx, logSubsystem,
		tflog.WithLevelFromEnv("TF_LOG_PROVIDER", "INTERACTLY", "API"),
		// Report the client's call site, not this adapter.
		tflog.WithAdditionalLocationOffset(1))
	if l.apiKey != "" {
		ctx = tflog.SubsystemMaskMessageStrings(ctx, logSubsystem, l.apiKey)
		ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, logSubsystem, l.apiKey)
	}
	return ctx
}
