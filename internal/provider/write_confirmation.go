package provider

import (
	"context"
	"errors"
	"time"
)

// After a write that may have been applied (a 5xx after it reached the API,
// an answer that never came, Ctrl-C), the provider looks once at what the
// API holds before it reports a failure: when the object already is as
// planned, the write went through and the apply finishes without an error,
// so that Terraform neither taints an adoption nor leaves an update to be
// made again. One read only, and never past the operation's deadline: a
// failing API is not pressed further.

// interruptedCheckTimeout bounds the one read made after the user
// interrupted the apply (Ctrl-C): Terraform waits for the operation to end,
// and the user is waiting too.
const interruptedCheckTimeout = 5 * time.Second

// confirmationContext is the context of the one read after a failed write
// under ctx: ctx itself while its deadline holds; after a cancellation
// (Ctrl-C), a short context of its own; none (ok false) once the
// operation's deadline has passed.
func confirmationContext(ctx context.Context) (context.Context, context.CancelFunc, bool) {
	switch {
	case ctx.Err() == nil:
		return ctx, func() {}, true
	case errors.Is(ctx.Err(), context.Canceled):
		c, cancel := context.WithTimeout(context.WithoutCancel(ctx), interruptedCheckTimeout)
		return c, cancel, true
	default:
		return nil, nil, false
	}
}

// confirmWrite runs read, the one look at the API after a failed write, and
// reports whether it shows the write applied. A read that fails, or no time
// to make one, says nothing: the caller reports the write's failure.
func confirmWrite(ctx context.Context, read func(ctx context.Context) (applied bool, err error)) bool {
	checkCtx, cancel, ok := confirmationContext(ctx)
	if !ok {
		return false
	}
	defer cancel()
	applied, err := read(checkCtx)
	return err == nil && applied
}
