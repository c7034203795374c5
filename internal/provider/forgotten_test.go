package provider

import "testing"

func TestForgottenObjects(t *testing.T) {
	t.Parallel()
	f := newForgottenObjects()
	f.remember(numberTypeName, "+14155550100")
	f.remember(numberTypeName, "") // nothing to remember
	if !f.wasForgotten(numberTypeName, "+14155550100") {
		t.Error("a number Read removed is not remembered")
	}
	if f.wasForgotten("interactly_assistant", "+14155550100") || f.wasForgotten(numberTypeName, "+14155550101") {
		t.Error("another type or key is taken as forgotten")
	}
	if f.wasForgotten(numberTypeName, "") {
		t.Error("an empty key is taken as forgotten")
	}
	var unconfigured *forgottenObjects
	unconfigured.remember(numberTypeName, "+1")
	if unconfigured.wasForgotten(numberTypeName, "+1") {
		t.Error("a nil record remembers")
	}
}
