package provider

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// The client's lines land in the interactly_api subsystem with the key
// masked, and a context prepared once serves every line: asking again
// returns the same context instead of building the subsystem anew.
func TestTFLoggerBuildsTheSubsystemOncePerCall(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_INTERACTLY_API", "TRACE")
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	logger := newTFLogger(testAPIKey)

	prepared := logger.CallContext(ctx)
	if again := logger.CallContext(prepared); again != prepared {
		t.Error("CallContext built a new context for one already prepared")
	}
	logger.Debug(prepared, "API request", map[string]any{"echo": "Bearer " + testAPIKey})
	logger.Trace(prepared, "API response body "+testAPIKey, nil)

	text := out.String()
	lines, err := tflogtest.MultilineJSONDecode(&out)
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 2 {
		t.Fatalf("%d log lines, want 2: %v", len(lines), lines)
	}
	for _, line := range lines {
		if line["@module"] != "provider."+logSubsystem {
			t.Errorf("line in module %v, want provider.%s: %v", line["@module"], logSubsystem, line)
		}
	}
	if strings.Contains(text, testAPIKey) || !strings.Contains(text, "Bearer ***") {
		t.Errorf("the log shows the API key, or not its mask: %s", text)
	}

	// Another key's logger does not take this context as its own.
	if other := newTFLogger("sk-other-key").CallContext(prepared); other == prepared {
		t.Error("a logger of another key reused a context masked for a different key")
	}
}

// Every API line carries the fields of the Terraform request it serves,
// which the framework sets on the root logger of the request's context.
func TestTFLoggerLinesCarryTheTerraformRequestsFields(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_INTERACTLY_API", "DEBUG")
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	ctx = tflog.SetField(ctx, "tf_req_id", "req-1")
	ctx = tflog.SetField(ctx, "tf_resource_type", "interactly_number")
	logger := newTFLogger(testAPIKey)
	logger.Debug(logger.CallContext(ctx), "API request", map[string]any{"http_status": 200})

	lines, err := tflogtest.MultilineJSONDecode(&out)
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 {
		t.Fatalf("%d log lines, want 1: %v", len(lines), lines)
	}
	if lines[0]["tf_req_id"] != "req-1" || lines[0]["tf_resource_type"] != "interactly_number" {
		t.Errorf("the API line lacks the request's fields: %v", lines[0])
	}
}
