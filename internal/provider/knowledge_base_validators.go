package provider

import (
	"context"
	"fmt"
	"math/big"
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

// ValidateNumber leaves a value that is no whole number, or a negative one, to
// settings.WholeAtLeast, which says so in its own words.
func (retrainFrequency) ValidateNumber(_ context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	m, accuracy := req.ConfigValue.ValueBigFloat().Int64()
	if accuracy != big.Exact || m < 0 {
		return
	}
	if m%60 != 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid retrain_frequency_minutes",
			fmt.Sprintf("retrain_frequency_minutes = %d: the API retrains every whole number of hours. Give 0 (never retrain) "+
				"or a multiple of 60, such as 60 (hourly) or 1440 (daily).", m))
	}
}
