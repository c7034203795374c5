package provider

import (
	"context"
	"fmt"
	"time"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The data sources and the list resource read under a deadline of their own,
// as the resource's refresh does: without one, an API that keeps asking to
// wait (429 with a long Retry-After) or keeps failing would hold a plan for
// as long as it pleases. They take a timeouts block with read alone, with
// the default of the resource's read timeout.

func readTimeoutDescription(what string) string {
	return fmt.Sprintf("How long %s may take, every retry and rate-limit wait included, as a duration such as `\"30s\"` "+
		"or `\"10m\"`. Default `\"%s\"`. A retry whose wait (the API's `Retry-After`, or the backoff) would end after this fails at once instead of waiting.", what, shortDuration(opRead.defaultTimeout))
}

// dataSourceTimeoutsBlock is the data sources' timeouts block: the timeouts
// package's block, with its duration check replaced by ours, which names
// the setting and suggests a unit.
func dataSourceTimeoutsBlock(ctx context.Context, what string) dsschema.Block {
	block, ok := dstimeouts.BlockWithOpts(ctx, dstimeouts.Opts{ReadDescription: readTimeoutDescription(what)}).(dsschema.SingleNestedBlock)
	if !ok {
		panic("the timeouts package's data source block is not a SingleNestedBlock")
	}
	read, ok := block.Attributes["read"].(dsschema.StringAttribute)
	if !ok {
		panic("the timeouts package's read attribute is not a StringAttribute")
	}
	read.Validators = []validator.String{durationValidator("timeouts.read")}
	block.Attributes["read"] = read
	return block
}

// listTimeoutsBlock is the same block in the list resource's configuration
// (the config block of a list block). The timeouts package has no list
// variant; the data source value type fits, since it is the same object.
func listTimeoutsBlock() listschema.Block {
	return listschema.SingleNestedBlock{
		Attributes: map[string]listschema.Attribute{
			"read": listschema.StringAttribute{
				MarkdownDescription: readTimeoutDescription("listing the numbers"),
				Optional:            true,
				Validators:          []validator.String{durationValidator("timeouts.read")},
			},
		},
		CustomType: dstimeouts.Type{ObjectType: types.ObjectType{AttrTypes: map[string]attr.Type{"read": types.StringType}}},
	}
}

// withReadDeadline bounds ctx by the read timeout of a data source's or list
// resource's timeouts block (or the default). what and block name the
// subject and where its timeouts block lives, for the message when the
// deadline passes.
func withReadDeadline(ctx context.Context, t dstimeouts.Value, what, block string, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	timeout := opRead.defaultTimeout
	if !t.IsNull() && !t.IsUnknown() {
		var d diag.Diagnostics
		timeout, d = t.Read(ctx, opRead.defaultTimeout)
		diags.Append(d...)
	}
	return context.WithTimeoutCause(ctx, max(timeout, time.Nanosecond), &operationTimeout{op: opRead, timeout: timeout, what: what, block: block})
}
