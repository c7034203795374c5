package provider

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

func TestAddAPIErrorSaysWhatToDo(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		err  error
		want string
	}{
		"401":         {&interactly.APIError{Method: "GET", Path: "/x", StatusCode: 401}, "refused the API key"},
		"403":         {&interactly.APIError{Method: "GET", Path: "/x", StatusCode: 403}, "has no access"},
		"404 on PUT":  {&interactly.APIError{Method: "PUT", Path: "/x", StatusCode: 404}, "no longer in the team"},
		"404 on list": {&interactly.APIError{Method: "GET", Path: "/assistants/v1/numbers", StatusCode: 404}, "Check base_url"},
		"400 on PUT":  {&interactly.APIError{Method: "PUT", Path: "/x", StatusCode: 400}, "assistant_id that is not an assistant"},
		"429":         {&interactly.APIError{Method: "GET", Path: "/x", StatusCode: 429, Attempts: 5}, "-parallelism"},
		"503 on PUT":  {&interactly.APIError{Method: "PUT", Path: "/x", StatusCode: 503, Attempts: 5}, "may or may not have been applied: run terraform plan"},
		"503 on list": {&interactly.APIError{Method: "GET", Path: "/x", StatusCode: 503, Attempts: 5}, "Nothing was changed"},
		"cancelled":   {&interactly.RequestError{Method: "GET", Path: "/x", Err: context.Canceled}, "cancelled"},
		"timeout":     {&interactly.RequestError{Method: "GET", Path: "/x", Err: context.DeadlineExceeded}, "request_timeout"},
		"network":     {&interactly.RequestError{Method: "GET", Path: "/x", Err: errors.New("connection refused")}, "connectivity"},
	}
	for name, tc := range cases {
		var diags diag.Diagnostics
		addAPIError(&diags, "Unable to do it", tc.err)
		if len(diags) != 1 || diags[0].Summary() != "Unable to do it" {
			t.Fatalf("%s: diagnostics %v", name, diags)
		}
		detail := diags[0].Detail()
		if !strings.HasPrefix(detail, tc.err.Error()) || !strings.Contains(detail, tc.want) {
			t.Errorf("%s: detail %q; want the error, then advice containing %q", name, detail, tc.want)
		}
	}
}
