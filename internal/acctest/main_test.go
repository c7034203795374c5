package acctest

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
	dir, err := os.MkdirTemp("", "interactly-acctest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := BuildProvider(ctx, dir, "acctest"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	providerDir = dir
	return m.Run()
}

// newWorkspace starts an emulator with opts and a workspace that reaches it
// through INTERACTLY_BASE_URL.
func newWorkspace(t *testing.T, opts emulator.Options) (*Workspace, *emulator.Server) {
	t.Helper()
	return newWorkspaceBehind(t, opts, nil)
}

// newWorkspaceBehind is newWorkspace with the emulator served through
// front, when not nil, to observe the requests it receives.
func newWorkspaceBehind(t *testing.T, opts emulator.Options, front func(http.Handler) http.Handler) (*Workspace, *emulator.Server) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("end-to-end test: set TF_ACC=1 (make testacc runs it)")
	}
	cli, err := CLIPath()
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
	ws, err := NewWorkspace(filepath.Join(t.TempDir(), "ws"), cli, providerDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	ws.Env = []string{"INTERACTLY_BASE_URL=" + srv.URL}
	return ws, emu
}

func mustRun(t *testing.T, ws *Workspace, args ...string) Result {
	t.Helper()
	result, err := ws.MustSucceed(context.Background(), args...)
	if err != nil {
		t.Fatal(err)
	}
	return result
}

func ptr[T any](v T) *T { return &v }

// specsFor declares every seeded number with the given settings.
func specsFor(numbers []emulator.Number, assistant string, inbound, outbound *bool) []NumberSpec {
	specs := make([]NumberSpec, len(numbers))
	for i, n := range numbers {
		specs[i] = NumberSpec{Key: n.ID, Number: n.Number, Assistant: assistant, Inbound: inbound, Outbound: outbound}
	}
	return specs
}
