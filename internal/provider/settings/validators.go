package settings

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// HTTPURLOrEmpty accepts an http or https URL, or "" (which clears the setting).
func HTTPURLOrEmpty() validator.String {
	return stringvalidator.RegexMatches(regexp.MustCompile(`^(https?://[^\s/?#]+[^\s]*)?$`),
		"must be an http:// or https:// URL, or empty")
}

// NonNegativeInt refuses a whole number below zero.
func NonNegativeInt() []validator.Int64 { return []validator.Int64{int64validator.AtLeast(0)} }

// NonNegativeFloat refuses a number below zero.
func NonNegativeFloat() []validator.Float64 { return []validator.Float64{float64validator.AtLeast(0)} }
