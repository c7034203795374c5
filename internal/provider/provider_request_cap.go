package provider

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// maxRequestCap is the largest max_requests_per_second accepted: far above
// any API quota, so a larger value is a typo rather than a wish.
const maxRequestCap = 10000

func maxRequestsPerSecondAttribute() schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: fmt.Sprintf("At most this many API requests start in any one second, spaced evenly, across the "+
			"whole provider process (every provider block with the same API key and base URL shares the cap). For "+
			"pipelines that share one API quota and must each stay under their share. Defaults to the `%s` "+
			"environment variable, then `0`, which means no cap. Between 0 and %d. Independently of the cap, once the "+
			"API answers `429` the provider paces its requests at the rate the API accepts.",
			envMaxRequestsPerSecond, maxRequestCap),
		Optional:   true,
		Validators: []validator.Int64{int64validator.Between(0, maxRequestCap)},
	}
}

// resolveMaxRequestsPerSecond returns the request cap from the block, else
// from its environment variable (checked here, since no schema validator
// sees it), else 0: no cap.
func resolveMaxRequestsPerSecond(value types.Int64, env func(string) (string, bool)) (int, diag.Diagnostics) {
	var diags diag.Diagnostics
	if !value.IsNull() && !value.IsUnknown() {
		// Checked as int64 (the schema checks it too), so that no value
		// wraps around in the conversion on 32-bit platforms.
		n := value.ValueInt64()
		if n < 0 || n > maxRequestCap {
			diags.AddAttributeError(path.Root("max_requests_per_second"), "Invalid max_requests_per_second",
				fmt.Sprintf("max_requests_per_second is %d; it must be between 0 and %d.", n, maxRequestCap))
			return 0, diags
		}
		return int(n), diags
	}
	raw, ok := env(envMaxRequestsPerSecond)
	if !ok || raw == "" {
		return 0, diags
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 || n > maxRequestCap {
		diags.AddAttributeError(path.Root("max_requests_per_second"), "Invalid "+envMaxRequestsPerSecond,
			fmt.Sprintf("%s=%q is not a whole number between 0 and %d. Set it to the most requests a second the provider "+
				"may start, such as 20, or to 0 or nothing for no cap.", envMaxRequestsPerSecond, raw, maxRequestCap))
		return 0, diags
	}
	return n, diags
}
