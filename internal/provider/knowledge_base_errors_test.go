package provider

import (
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// The advice written for numbers never follows a knowledge base's error:
// a create's server fault must not read "Nothing was changed".
func TestKnowledgeBaseErrorsGetTheirOwnAdvice(t *testing.T) {
	for _, tc := range []struct {
		method string
		status int
		want   string // "" means no advice
	}{
		{"POST", 500, ""},
		{"POST", 404, ""},
		{"PUT", 404, ""},
		{"PUT", 500, "may or may not have been applied"},
		{"POST", 400, "refused the request"},
		{"DELETE", 409, "refused the request"},
		{"PUT", 403, "owns the knowledge base"},
		{"GET", 401, "refused the API key"},
	} {
		err := &interactly.APIError{Method: tc.method, Path: "/kb/v1/knowledge-bases", StatusCode: tc.status}
		got := remedy(err)
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) || strings.Contains(got, "number") {
			t.Errorf("%s %d: advice %q, want %q", tc.method, tc.status, got, tc.want)
		}
	}
}
