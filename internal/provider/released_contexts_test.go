package provider

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
	"weak"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

type callMarkerKey struct{}

// callMarker stands for what a call's context carries (loggers, fields).
type callMarker [4 << 10]byte

// releasedCalls are the calls WithReleasedContexts wraps, each with the
// least request the framework answers (with diagnostics, for most).
func releasedCalls(server listServer) map[string]func(context.Context) error {
	const number, numbers = "interactly_number", "interactly_numbers"
	return map[string]func(context.Context) error{
		"ValidateResourceConfig": func(ctx context.Context) error {
			_, err := server.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: number})
			return err
		},
		"UpgradeResourceState": func(ctx context.Context) error {
			_, err := server.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: number})
			return err
		},
		"UpgradeResourceIdentity": func(ctx context.Context) error {
			_, err := server.UpgradeResourceIdentity(ctx, &tfprotov6.UpgradeResourceIdentityRequest{TypeName: number})
			return err
		},
		"ReadResource": func(ctx context.Context) error {
			_, err := server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: number})
			return err
		},
		"PlanResourceChange": func(ctx context.Context) error {
			_, err := server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: number})
			return err
		},
		"ApplyResourceChange": func(ctx context.Context) error {
			_, err := server.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: number})
			return err
		},
		"ImportResourceState": func(ctx context.Context) error {
			_, err := server.ImportResourceState(ctx, &tfprotov6.ImportResourceStateRequest{TypeName: number})
			return err
		},
		"MoveResourceState": func(ctx context.Context) error {
			_, err := server.MoveResourceState(ctx, &tfprotov6.MoveResourceStateRequest{TargetTypeName: number})
			return err
		},
		"GenerateResourceConfig": func(ctx context.Context) error {
			_, err := server.GenerateResourceConfig(ctx, &tfprotov6.GenerateResourceConfigRequest{TypeName: number})
			return err
		},
		"ValidateDataResourceConfig": func(ctx context.Context) error {
			_, err := server.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: numbers})
			return err
		},
		"ReadDataSource": func(ctx context.Context) error {
			_, err := server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: numbers})
			return err
		},
		"ValidateListResourceConfig": func(ctx context.Context) error {
			_, err := server.ValidateListResourceConfig(ctx, &tfprotov6.ValidateListResourceConfigRequest{TypeName: number})
			return err
		},
	}
}

// The framework keeps the cancel function of every call until the provider
// is stopped; served as main serves it, a finished call's context, and all
// it carries, can be collected all the same, whichever call it served.
func TestFinishedCallsContextsCanBeCollected(t *testing.T) {
	server, ok := ProtocolServer("test")().(listServer)
	if !ok {
		t.Fatal("the protocol server does not serve list resources")
	}
	const callsEach = 5
	for name, call := range releasedCalls(server) {
		var markers []weak.Pointer[callMarker]
		for range callsEach {
			marker := new(callMarker)
			markers = append(markers, weak.Make(marker))
			// gRPC gives each call a context of its own and cancels it
			// once the call has returned.
			ctx, cancel := context.WithCancel(context.WithValue(t.Context(), callMarkerKey{}, marker))
			if err := call(ctx); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			cancel()
		}
		runtime.GC()
		runtime.GC()
		held := 0
		for _, m := range markers {
			if m.Value() != nil {
				held++
			}
		}
		if held > 0 {
			t.Errorf("%s: %d of %d finished calls' contexts are still held", name, held, callsEach)
		}
	}
	// The server lives on, as it does in a provider process.
	runtime.KeepAlive(server)
}

// Until it is released, a releasable context is the call's own: its values,
// deadline, end and error. After, it holds none of its values, and tells
// what still runs that the call is over.
func TestReleasableContextLetsGoOfTheCallsContext(t *testing.T) {
	t.Parallel()
	deadline := time.Now().Add(time.Hour)
	parent, cancel := context.WithDeadline(context.WithValue(t.Context(), callMarkerKey{}, "call"), deadline)
	ctx, release := releasable(parent)

	if got := ctx.Value(callMarkerKey{}); got != "call" {
		t.Errorf("before release, the value is %v; want the call's", got)
	}
	if got, ok := ctx.Deadline(); !ok || !got.Equal(deadline) {
		t.Errorf("the deadline is %v (%v); want the call's, %v", got, ok, deadline)
	}
	if err := ctx.Err(); err != nil {
		t.Errorf("before the call ended, Err is %v", err)
	}
	// A context derived inside the call ends with the call.
	child, stopChild := context.WithCancel(ctx)
	defer stopChild()

	release()
	if got := ctx.Value(callMarkerKey{}); got != nil {
		t.Errorf("after release, the value is %v; want none", got)
	}
	if err := ctx.Err(); err != nil {
		t.Errorf("released before the call ended, Err is %v; want none yet", err)
	}
	cancel()
	select {
	case <-ctx.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("Done did not close when the call's context ended")
	}
	if err := ctx.Err(); !errors.Is(err, context.Canceled) {
		t.Errorf("after the call ended, Err is %v; want context.Canceled", err)
	}
	select {
	case <-child.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("a context derived from it did not end with the call")
	}
}
