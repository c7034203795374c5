package provider

import (
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// bareNumber is a duration written without its unit, the commonest slip.
var bareNumber = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

// checkDuration parses a duration setting and says in our words, naming
// the setting, what is wrong with it: Go's parser speaks of "missing unit in
// duration", and timetypes' message printed its line breaks as "\n".
func checkDuration(setting, value string) (time.Duration, error) {
	d, err := time.ParseDuration(value)
	switch {
	case err != nil && bareNumber.MatchString(value):
		return 0, fmt.Errorf("%s = %q has no unit: write %q for %s seconds or %q for %s minutes", setting, value, value+"s", value, value+"m", value)
	case err != nil:
		return 0, fmt.Errorf("%s = %q is not a duration: write a number and a unit (s, m or h), such as \"30s\", \"5m\" or \"1m30s\"", setting, value)
	case d <= 0:
		return 0, fmt.Errorf("%s = %q must be longer than zero, such as \"30s\"", setting, value)
	}
	return d, nil
}

// durationValidator checks a duration argument at validate time.
func durationValidator(setting string) validator.String {
	return stringCheck{
		description: "must be a positive duration with a unit, such as \"30s\", \"5m\" or \"1m30s\"",
		summary:     "Invalid " + setting,
		check: func(value string) error {
			_, err := checkDuration(setting, value)
			return err
		},
	}
}
