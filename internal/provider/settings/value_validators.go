package settings

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The validators of settings speak of values as the user wrote
// them: "at least 0, got -1", never "0.000000" or a Go type. A whole-number
// setting is a Number attribute checked here rather than an Int64 one: the
// framework converts an Int64's configuration before any validator runs, and
// refuses 1.5 with an error about itself instead of about the value.

// wholeNumberRange accepts whole numbers from least to most (no upper bound
// but int64's when most is nil); takenBy names who needs a whole number
// ("the API"), for the error.
type wholeNumberRange struct {
	least   int64
	most    *int64
	takenBy string
}

// WholeAtLeast accepts whole numbers of least or more, for a setting the API
// takes.
func WholeAtLeast(least int64) validator.Number {
	return wholeNumberRange{least: least, takenBy: "the API"}
}

// WholeBetween accepts whole numbers from least to most, both included;
// takenBy names who needs a whole number, such as "the provider".
func WholeBetween(least, most int64, takenBy string) validator.Number {
	return wholeNumberRange{least: least, most: &most, takenBy: takenBy}
}

func (v wholeNumberRange) Description(context.Context) string {
	if v.most == nil {
		return fmt.Sprintf("must be a whole number, at least %d", v.least)
	}
	return fmt.Sprintf("must be a whole number between %d and %d", v.least, *v.most)
}

func (v wholeNumberRange) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v wholeNumberRange) ValidateNumber(_ context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	n := req.ConfigValue.ValueBigFloat()
	written := WrittenNumber(n)
	belowLeast := n.Cmp(new(big.Float).SetInt64(v.least)) < 0
	switch {
	case !n.IsInt():
		resp.Diagnostics.AddAttributeError(req.Path, "Not a whole number",
			fmt.Sprintf("%s = %s: %s takes %s as a whole number. Write it without a fraction, such as %s.",
				req.Path, written, v.takenBy, req.Path, roundedText(n)))
	case v.most != nil && (belowLeast || n.Cmp(new(big.Float).SetInt64(*v.most)) > 0):
		resp.Diagnostics.AddAttributeError(req.Path, "Value out of range",
			fmt.Sprintf("%s must be between %d and %d, got: %s.", req.Path, v.least, *v.most, written))
	case belowLeast:
		resp.Diagnostics.AddAttributeError(req.Path, "Value out of range",
			fmt.Sprintf("%s must be at least %d, got %s.", req.Path, v.least, written))
	case !fitsInt64(n):
		resp.Diagnostics.AddAttributeError(req.Path, "Value out of range",
			fmt.Sprintf("%s = %s is larger than the API can hold (at most %d).", req.Path, written, int64(math.MaxInt64)))
	}
}

// WrittenNumber prints n as a user would write it: whole numbers below
// 10^21 in full (4294967297, never 4.294967297e+09), as JavaScript prints
// numbers; others in their shortest form (1e+30, 1.5).
func WrittenNumber(n *big.Float) string {
	if n.IsInt() && new(big.Float).Abs(n).Cmp(big.NewFloat(1e21)) < 0 {
		return n.Text('f', 0)
	}
	return n.Text('g', -1)
}

// roundedText is n rounded to the nearest whole number, for a suggestion.
func roundedText(n *big.Float) string {
	f, _ := n.Float64()
	return strconv.FormatFloat(math.Round(f), 'f', 0, 64) // halves away from zero: 1.5 is 2, -2.5 is -3
}

func fitsInt64(n *big.Float) bool {
	_, accuracy := n.Int64()
	return accuracy == big.Exact
}

// decimalAtLeast accepts numbers of min or more.
type decimalAtLeast struct{ min float64 }

// DecimalAtLeast accepts numbers of min or more.
func DecimalAtLeast(least float64) validator.Float64 { return decimalAtLeast{min: least} }

func (v decimalAtLeast) Description(context.Context) string {
	return "must be at least " + strconv.FormatFloat(v.min, 'g', -1, 64)
}

func (v decimalAtLeast) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v decimalAtLeast) ValidateFloat64(_ context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueFloat64() >= v.min {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Value out of range",
		fmt.Sprintf("%s must be at least %s, got %s.", req.Path, strconv.FormatFloat(v.min, 'g', -1, 64),
			strconv.FormatFloat(req.ConfigValue.ValueFloat64(), 'g', -1, 64)))
}

// listNotEmpty refuses an empty list where the API needs one item or more:
// sending [] would clear the setting (an assistant without a voice) rather
// than leave it as it is, which omitting the attribute does.
type listNotEmpty struct{ what string }

// NotEmptyList refuses an empty list; what names one item ("voice").
func NotEmptyList(what string) validator.List { return listNotEmpty{what: what} }

func (v listNotEmpty) Description(context.Context) string {
	return "must hold at least one " + v.what
}

func (v listNotEmpty) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v listNotEmpty) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || len(req.ConfigValue.Elements()) > 0 {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Empty "+req.Path.String(),
		fmt.Sprintf("%s must hold at least one %s: the API needs one or more, and an empty list would leave the assistant "+
			"without one. Omit %s to leave it as it is in Interactly.", req.Path, v.what, req.Path))
}
