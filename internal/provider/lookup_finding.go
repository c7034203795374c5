package provider

import "github.com/hashicorp/terraform-plugin-framework/types"

// planFinding says what the plan had found of an object that a lookup now
// misses: an object that left after the plan found it is explained as such.
type planFinding int

const (
	// notFoundBefore: a plan, a refresh, an import or a data source read,
	// with no earlier finding to speak of.
	notFoundBefore planFinding = iota
	// foundByThePlan: an apply, after a plan that found the object.
	foundByThePlan
)

// findingOf is what the plan found of an object it adopts: the plan knows
// its ID exactly when the plan-time lookup found it.
func findingOf(plannedID types.String) planFinding {
	if plannedID.IsUnknown() {
		return notFoundBefore
	}
	return foundByThePlan
}
