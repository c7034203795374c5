package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
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
