package provider

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// An adoption whose write may have been applied is saved tainted, and the
// next apply replaces it: the destroy of the tainted object, then a new
// adoption of the same object. Terraform never tells the provider that the
// two belong together, so two facts carry it across:
//
//   - the plan of the replacement's adoption sets a private state entry
//     naming the object it adopts; Terraform hands the planned private
//     state of a replacement to its destroy half too, while a destroy that
//     no adoption follows gets the private state of its own destroy plan.
//     The destroy of an object that the same plan adopts again releases
//     nothing: no detach of a line that stays adopted, no restore that the
//     adoption would undo a moment later;
//   - the refresh of the tainted object, in the same provider process and
//     before its replacement is planned, remembers its restore point, and
//     the plan of the adoption keeps it: the restore point of the first
//     adoption survives (a tainted object's own private state does not).
//     At apply, Terraform plans the adoption once more, after the destroy
//     and without a refresh: the destroy remembers the restore point then.

// adoptsAgainKey names the private state entry that holds the ID of the
// object a planned adoption takes over.
const adoptsAgainKey = "adopts_again"

// planAdoptsAgain records in a planned adoption's private state that it
// adopts the object with this ID.
func planAdoptsAgain(ctx context.Context, private privateStore, id string) diag.Diagnostics {
	data, _ := json.Marshal(id) // a string always encodes
	return private.SetKey(ctx, adoptsAgainKey, data)
}

// adoptedAgain reports whether the destroy of the object with this ID is
// the first half of a replacement that adopts the same object again.
func adoptedAgain(ctx context.Context, private privateReader, id string) bool {
	data, diags := private.GetKey(ctx, adoptsAgainKey)
	var planned string
	return !diags.HasError() && len(data) > 0 && json.Unmarshal(data, &planned) == nil && planned == id && id != ""
}

// restorePointsSeen remembers, for the life of one provider process, the
// restore point each refresh found in state, by resource type and ID.
type restorePointsSeen struct {
	mu     sync.Mutex
	points map[forgottenKey]attr.Value
}

func newRestorePointsSeen() *restorePointsSeen {
	return &restorePointsSeen{points: map[forgottenKey]attr.Value{}}
}

// remember records the restore point a refresh found; a null one says
// nothing. A nil receiver remembers nothing.
func (s *restorePointsSeen) remember(resourceType, id string, point attr.Value) {
	if s == nil || id == "" || point == nil || point.IsNull() || point.IsUnknown() {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.points[forgottenKey{resourceType, id}] = point
}

// seen is the restore point a refresh of this process found for the object.
func (s *restorePointsSeen) seen(resourceType, id string) (attr.Value, bool) {
	if s == nil {
		return nil, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	point, ok := s.points[forgottenKey{resourceType, id}]
	return point, ok
}
