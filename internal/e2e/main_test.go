package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// providerDir holds the provider binary built once for all tests.
var providerDir string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if os.Getenv("TF_ACC") == "" {
		return m.Run() // the tests skip themselves
	}
	dir, err := os.MkdirTemp("", "interactly-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := tfcli.BuildProvider(ctx, dir, "e2e"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	providerDir = dir
	return m.Run()
}

// newWorkspace starts an emulator with opts and a workspace that reaches it
// through INTERACTLY_BASE_URL.
func newWorkspace(t *testing.T, opts emulator.Options) (*tfcli.Workspace, *emulator.Server) {
	t.Helper()
	return newWorkspaceBehind(t, opts, nil)
}

// newWorkspaceBehind is newWorkspace with the emulator served through
// front, when not nil, to observe the requests it receives.
func newWorkspaceBehind(t *testing.T, opts emulator.Options, front func(http.Handler) http.Handler) (*tfcli.Workspace, *emulator.Server) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("end-to-end test: set TF_ACC=1 (make testacc runs it)")
	}
	cli, err := tfcli.CLIPath()
	if err != nil {
		t.Fatal(err)
	}
	emu := emulator.New(opts)
	var handler http.Handler = emu
	if front != nil {
		handler = front(emu)
	}
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	ws, err := tfcli.NewWorkspace(filepath.Join(t.TempDir(), "ws"), cli, providerDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	ws.Env = []string{"INTERACTLY_BASE_URL=" + srv.URL}
	return ws, emu
}

func mustRun(t *testing.T, ws *tfcli.Workspace, args ...string) tfcli.Result {
	t.Helper()
	result, err := ws.MustSucceed(context.Background(), args...)
	if err != nil {
		t.Fatal(err)
	}
	return result
}

func ptr[T any](v T) *T { return &v }

// specsFor declares every seeded number with the given settings.
func specsFor(numbers []emulator.Number, assistant string, inbound, outbound *bool) []tfconfig.NumberSpec {
	specs := make([]tfconfig.NumberSpec, len(numbers))
	for i, n := range numbers {
		specs[i] = tfconfig.NumberSpec{Key: n.ID, Number: n.Number, Assistant: assistant, Inbound: inbound, Outbound: outbound}
	}
	return specs
}
