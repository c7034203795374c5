package provider

import "sync"

// forgottenObjects remembers, for the life of one provider process, the
// objects that a Read found gone and removed from state.
//
// Since Terraform 1.3 the refresh before a destroy is a full plan: Read
// removes a vanished object, and the same process then plans it as new. The
// plan-time lookup of an object the team lacks is an error for an object
// nobody has seen, but for one this process has just forgotten it would
// block the destroy of the whole workspace; there it is a warning.
//
// Keys are what the plan-time lookup searches by: the E.164 number for
// interactly_number, the assistant ID for interactly_assistant.
type forgottenObjects struct {
	mu   sync.Mutex
	keys map[forgottenKey]struct{}
}

type forgottenKey struct {
	resourceType string // e.g. "interactly_number"
	key          string
}

func newForgottenObjects() *forgottenObjects {
	return &forgottenObjects{keys: map[forgottenKey]struct{}{}}
}

// remember records that a Read removed the object from state. A nil
// receiver (a resource used before Configure) remembers nothing.
func (f *forgottenObjects) remember(resourceType, key string) {
	if f == nil || key == "" {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.keys[forgottenKey{resourceType, key}] = struct{}{}
}

// wasForgotten reports whether a Read of this process removed the object.
func (f *forgottenObjects) wasForgotten(resourceType, key string) bool {
	if f == nil {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	_, ok := f.keys[forgottenKey{resourceType, key}]
	return ok
}
