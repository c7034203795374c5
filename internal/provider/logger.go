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
// from each Terraform call, so the subsystem and the API key's mask cannot be
// set once at configure: the client asks for them once per API call
// (CallContext), and every line of the call reuses that context.
type tfLogger struct {
	apiKey string
}

var _ interactly.CallLogger = tfLogger{}

func newTFLogger(apiKey string) tfLogger { return tfLogger{apiKey: apiKey} }

// subsystemReady marks a context that has the subsystem and the mask of the
// tfLogger it holds: a logger of another key (another provider block) still
// sets up its own mask.
type subsystemReady struct{}

func (l tfLogger) CallContext(ctx context.Context) context.Context {
	if ready, _ := ctx.Value(subsystemReady{}).(tfLogger); ready == l {
		return ctx
	}
	ctx = tflog.NewSubsystem(ctx, logSubsystem,
		tflog.WithLevelFromEnv("TF_LOG_PROVIDER", "INTERACTLY", "API"),
		// The fields the framework set on the request's root logger
		// (tf_req_id, tf_resource_type, tf_rpc), so that every API
		// line names the Terraform request and resource type it serves.
		tflog.WithRootFields(),
		// Report the client's call site, not this adapter.
		tflog.WithAdditionalLocationOffset(1))
	if l.apiKey != "" {
		ctx = tflog.SubsystemMaskMessageStrings(ctx, logSubsystem, l.apiKey)
		ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, logSubsystem, l.apiKey)
	}
	return context.WithValue(ctx, subsystemReady{}, l)
}

// Debug and Trace prepare the context themselves only for a line that comes
// without one, which the client never sends.
func (l tfLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.SubsystemDebug(l.CallContext(ctx), logSubsystem, msg, fields)
}

func (l tfLogger) Trace(ctx context.Context, msg string, fields map[string]any) {
	tflog.SubsystemTrace(l.CallContext(ctx), logSubsystem, msg, fields)
}
