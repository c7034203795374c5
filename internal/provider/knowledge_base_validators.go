package provider

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// httpURL accepts an http or https URL.
func httpURL() validator.String {
	return stringvalidator.RegexMatches(regexp.MustCompile(`^https?://[^\s/?#]+[^\s]*$`), "must be an http:// or https:// URL")
}

// retrainFrequency accepts 0 or a multiple of 60, as the API does.
type retrainFrequency struct{}

func (retrainFrequency) Description(context.Context) string {
	return "must be 0 (never) or a multiple of 60"
}

func (v retrainFrequency) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (retrainFrequency) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if m := req.ConfigValue.ValueInt64(); m < 0 || m%60 != 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid retrain_frequency_minutes",
			fmt.Sprintf("retrain_frequency_minutes = %d: the API retrains every whole number of hours. Give 0 (never retrain) "+
				"or a multiple of 60, such as 60 (hourly) or 1440 (daily).", m))
	}
}
