package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// operation is one of the resource's operations that a timeouts block bounds.
type operation struct {
	name           string // as in the timeouts block
	verb           string // for messages: "creating"
	defaultTimeout time.Duration
	configured     func(timeouts.Value, context.Context, time.Duration) (time.Duration, diag.Diagnostics)
}

// Defaults of the timeouts block. Each bounds everything the operation does:
// every attempt, every retry and every wait for a rate limit. Five minutes
// leave room for the default retries against a slow API, and stop a hung or
// throttling API from holding a pipeline for half an hour.
var (
	opCreate = operation{"create", "adopting", 5 * time.Minute, timeouts.Value.Create}
	opRead   = operation{"read", "reading", 5 * time.Minute, timeouts.Value.Read}
	opUpdate = operation{"update", "updating", 5 * time.Minute, timeouts.Value.Update}
	opDelete = operation{"delete", "releasing", 5 * time.Minute, timeouts.Value.Delete}
)

func timeoutOptions() timeouts.Opts {
	describe := func(op operation, what string) string {
		return fmt.Sprintf("How long %s may take, every retry and rate-limit wait included, as a duration such as `\"30s\"` "+
			"or `\"10m\"`. Default `\"%s\"`.", what, shortDuration(op.defaultTimeout))
	}
	return timeouts.Opts{
		Create: true, CreateDescription: describe(opCreate, "adopting the number (create)"),
		Read: true, ReadDescription: describe(opRead, "reading the number during a refresh"),
		Update: true, UpdateDescription: describe(opUpdate, "an update"),
		Delete: true, DeleteDescription: describe(opDelete, "releasing the number as on_destroy says (delete)"),
	}
}

// resourceTimeoutsBlock is the timeouts package's block for these operations,
// with its duration check replaced by ours, which names the setting (such as
// timeouts.create), suggests a unit and prints no escape sequences.
func resourceTimeoutsBlock(ctx context.Context) schema.Block {
	return resourceTimeoutsBlockWith(ctx, timeoutOptions())
}

// resourceTimeoutsBlockWith is resourceTimeoutsBlock with the descriptions
// of opts, for a resource other than interactly_number.
func resourceTimeoutsBlockWith(ctx context.Context, opts timeouts.Opts) schema.Block {
	block, ok := timeouts.Block(ctx, opts).(schema.SingleNestedBlock)
	if !ok {
		panic("the timeouts package's resource block is not a SingleNestedBlock")
	}
	for name, a := range block.Attributes {
		attribute, ok := a.(schema.StringAttribute)
		if !ok {
			panic("the timeouts package's " + name + " attribute is not a StringAttribute")
		}
		attribute.Validators = []validator.String{durationValidator("timeouts." + name)}
		block.Attributes[name] = attribute
	}
	return block
}

// operationTimeout is the cause of a context whose operation deadline passed.
type operationTimeout struct {
	op      operation
	timeout time.Duration
	what    string // what the operation works on; "" means "the number"
	block   string // what holds the timeouts block; "" means "resource"
}

func (e *operationTimeout) Error() string {
	return fmt.Sprintf("%s %s did not finish within %s, its %s timeout", e.op.verb, or(e.what, "the number"), shortDuration(e.timeout), e.op.name)
}

// or is s, or fallback when s is empty.
func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// withDeadline bounds ctx by the operation's timeout from the timeouts block
// (or its default).
func withDeadline(ctx context.Context, t timeouts.Value, op operation, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	return withDeadlineOn(ctx, t, op, "", diags)
}

// withDeadlineOn is withDeadline for an operation on what ("the assistant";
// "" means the number), which the message names when the deadline passes.
func withDeadlineOn(ctx context.Context, t timeouts.Value, op operation, what string, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	timeout := op.defaultTimeout
	if !t.IsNull() && !t.IsUnknown() {
		var d diag.Diagnostics
		timeout, d = op.configured(t, ctx, op.defaultTimeout)
		diags.Append(d...)
	}
	return context.WithTimeoutCause(ctx, timeout, &operationTimeout{op: op, timeout: timeout, what: what})
}

// addOperationError is addAPIError for a call made under an operation
// deadline: when the deadline is what ended it, the error says so.
func addOperationError(ctx context.Context, diags *diag.Diagnostics, summary string, err error) {
	var timedOut *operationTimeout
	if errors.As(context.Cause(ctx), &timedOut) {
		diags.AddError(summary+": timed out",
			fmt.Sprintf("%s (every attempt, retry and rate-limit wait included).\n\nLast error: %v\n\n"+
				"The API was too slow, kept failing or kept asking to wait. Check the API's status and try again, "+
				"or allow more time with timeouts { %s = \"...\" } in the %s.",
				capitalize(timedOut.Error()), err, timedOut.op.name, or(timedOut.block, "resource")))
		return
	}
	addAPIError(diags, summary, err)
}

// nullTimeouts is the timeouts block of a resource imported without one.
func nullTimeouts() timeouts.Value {
	attributes := map[string]attr.Type{}
	for _, op := range []operation{opCreate, opRead, opUpdate, opDelete} {
		attributes[op.name] = types.StringType
	}
	return timeouts.Value{Object: types.ObjectNull(attributes)}
}

// shortDuration prints 5m0s as 5m and 1m30s as it is.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
