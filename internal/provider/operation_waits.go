package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/interactly/terraform-provider-interactly/internal/interactly/transport"
)

// WithWaitSummaries wraps the provider's protocol server so that every
// resource and data source operation that waited for the API ends with one
// DEBUG line: how long it waited in all, and why (Retry-After, pacing, the
// rate-limit headers, max_requests_per_second, the write breaker). Each API
// call logs its own waits as they happen; this line sums them up per
// Terraform request, with the request's fields (tf_req_id,
// tf_resource_type), so a slow run's log says where its time went.
func WithWaitSummaries(server listServer) listServer {
	return waitSummaries{server}
}

type waitSummaries struct {
	listServer
}

func (s waitSummaries) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	ctx, done := summarizeWaits(ctx, "read")
	defer done()
	return s.listServer.ReadResource(ctx, req)
}

func (s waitSummaries) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	ctx, done := summarizeWaits(ctx, "plan")
	defer done()
	return s.listServer.PlanResourceChange(ctx, req)
}

func (s waitSummaries) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	ctx, done := summarizeWaits(ctx, "apply")
	defer done()
	return s.listServer.ApplyResourceChange(ctx, req)
}

func (s waitSummaries) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	ctx, done := summarizeWaits(ctx, "import")
	defer done()
	return s.listServer.ImportResourceState(ctx, req)
}

func (s waitSummaries) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	ctx, done := summarizeWaits(ctx, "read data source")
	defer done()
	return s.listServer.ReadDataSource(ctx, req)
}

// summarizeWaits gives ctx a tally of the API calls' waits; done logs it
// when anything waited.
func summarizeWaits(ctx context.Context, operation string) (context.Context, func()) {
	ctx, tally := transport.WithWaitTally(ctx)
	start := time.Now()
	return ctx, func() {
		waits := tally.Waits()
		if len(waits) == 0 {
			return
		}
		var total time.Duration
		reasons := make([]string, 0, len(waits))
		for _, w := range waits {
			total += w.Length
			reasons = append(reasons, fmt.Sprintf("%s %s", w.Reason, w.Length.Round(time.Millisecond)))
		}
		tflog.Debug(ctx, "Interactly operation waited for the API", map[string]any{
			"operation":   operation,
			"waited_ms":   total.Milliseconds(),
			"duration_ms": time.Since(start).Milliseconds(),
			"waits":       strings.Join(reasons, ", "),
		})
	}
}
