package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// maxRequestCap is the largest max_requests_per_second accepted: far above
// any API quota, so a larger value is a typo rather than a wish.
const maxRequestCap = 10000

func maxRequestsPerSecondAttribute() schema.NumberAttribute {
	return schema.NumberAttribute{
		MarkdownDescription: fmt.Sprintf("At most this many API requests start in any one second, spaced evenly. The "+
			"cap holds for the API key as a whole within the provider process: every configuration of the provider "+
			"in the process with the same API key and base URL shares one cap, and when their settings differ the "+
			"strictest (lowest non-zero) applies to all of them. For pipelines that share one API quota and must each "+
			"stay under their share. Defaults to the `%s` "+
			"environment variable, then `0`, which means no cap. Between 0 and %d. Independently of the cap, the "+
			"provider paces its requests at the rate the API announces in rate-limit headers, or, without them, at "+
			"the rate it accepted once it answers `429`.",
			envMaxRequestsPerSecond, maxRequestCap),
		Optional:   true,
		Validators: []validator.Number{settings.WholeBetween(0, maxRequestCap, "the provider")},
	}
}
