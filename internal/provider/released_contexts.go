package provider

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// WithReleasedContexts wraps the framework's protocol server so that the
// context of each resource and data source call can be collected once the
// call has returned.
//
// The framework keeps the cancel function of every call's context until
// Terraform stops the provider, to cancel them all then. Each one holds its
// call's whole context: the loggers and fields terraform-plugin-go and the
// framework put there, and this provider's wait tally, some 10 KB a call.
// A provider process serves several calls for each resource of a plan or
// apply, so an apply of 1,000 numbers held tens of megabytes of finished
// calls' contexts. Here each call reaches the framework through a context
// that lets go of the call's own when the call returns; the framework then
// keeps a few hundred bytes a call.
//
// Only the calls made once per resource or data source are wrapped; the
// streaming ones (ListResource, InvokeAction) use their context after they
// return, and the others come once or twice a process.
func WithReleasedContexts(server listServer) listServer {
	return releasedContexts{server}
}

type releasedContexts struct {
	listServer
}

// released calls call with a context that releases ctx when call returns.
func released[Req, Resp any](ctx context.Context, req *Req, call func(context.Context, *Req) (*Resp, error)) (*Resp, error) {
	ctx, release := releasable(ctx)
	defer release()
	return call(ctx, req)
}

func (s releasedContexts) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return released(ctx, req, s.listServer.ValidateResourceConfig)
}

func (s releasedContexts) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return released(ctx, req, s.listServer.UpgradeResourceState)
}

func (s releasedContexts) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return released(ctx, req, s.listServer.UpgradeResourceIdentity)
}

func (s releasedContexts) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return released(ctx, req, s.listServer.ReadResource)
}

func (s releasedContexts) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return released(ctx, req, s.listServer.PlanResourceChange)
}

func (s releasedContexts) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return released(ctx, req, s.listServer.ApplyResourceChange)
}

func (s releasedContexts) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return released(ctx, req, s.listServer.ImportResourceState)
}

func (s releasedContexts) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return released(ctx, req, s.listServer.MoveResourceState)
}

func (s releasedContexts) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return released(ctx, req, s.listServer.GenerateResourceConfig)
}

func (s releasedContexts) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return released(ctx, req, s.listServer.ValidateDataResourceConfig)
}

func (s releasedContexts) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return released(ctx, req, s.listServer.ReadDataSource)
}

func (s releasedContexts) ValidateListResourceConfig(ctx context.Context, req *tfprotov6.ValidateListResourceConfigRequest) (*tfprotov6.ValidateListResourceConfigResponse, error) {
	return released(ctx, req, s.listServer.ValidateListResourceConfig)
}

// releasableContext is a call's context until release, and after it a
// context that holds none of the call's values: what is still running
// then (nothing should be) sees it done once the call's context was, its
// deadline, and no values.
type releasableContext struct {
	inner       atomic.Pointer[context.Context] // nil once released
	done        <-chan struct{}
	deadline    time.Time
	hasDeadline bool
}

// releasable returns a context that behaves as ctx until release is called.
func releasable(ctx context.Context) (context.Context, func()) {
	c := &releasableContext{done: ctx.Done()}
	c.deadline, c.hasDeadline = ctx.Deadline()
	c.inner.Store(&ctx)
	return c, func() { c.inner.Store(nil) }
}

func (c *releasableContext) Deadline() (time.Time, bool) { return c.deadline, c.hasDeadline }

func (c *releasableContext) Done() <-chan struct{} { return c.done }

func (c *releasableContext) Err() error {
	if inner := c.inner.Load(); inner != nil {
		return (*inner).Err()
	}
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

func (c *releasableContext) Value(key any) any {
	if inner := c.inner.Load(); inner != nil {
		return (*inner).Value(key)
	}
	return nil
}
