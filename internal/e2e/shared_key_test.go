package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/tfcli"
	"github.com/interactly/terraform-provider-interactly/internal/tfconfig"
)

// TestAccTwoRunsShareAKey: two terraform applies at once on one API key,
// each its own provider process, as two CI pipelines are. Each process
// paces without knowing of the other; together they must stay under the
// key's limit: at most 5 refusals (429) per run when the API sends
// rate-limit headers, at most 20 without, and every number adopted.
func TestAccTwoRunsShareAKey(t *testing.T) {
	const (
		perRun = 60 // numbers per run: a 6-second floor for both at 20 a second
		limit  = 20 // requests per second the key allows
	)
	for _, shape := range []struct {
		spec       string
		maxRefused int // per run
	}{
		{"sliding-window,headers=ietf", 5},
		{"sliding-window", 20},
	} {
		t.Run(shape.spec, func(t *testing.T) {
			parsed, err := emulator.ParseRateLimitShape(shape.spec)
			if err != nil {
				t.Fatal(err)
			}
			seed := emulator.GenerateSeed(2 * perRun)
			first, emu := newWorkspace(t, emulator.Options{APIKey: "sk-shared", Seed: seed, RateLimit: limit, RateLimitShape: parsed})
			emu.AddFault(emulator.Fault{Latency: 20 * time.Millisecond})
			cli, err := tfcli.CLIPath()
			if err != nil {
				t.Fatal(err)
			}
			second, err := tfcli.NewWorkspace(filepath.Join(t.TempDir(), "second"), cli, providerDir, nil)
			if err != nil {
				t.Fatal(err)
			}
			first.Env = append(first.Env, "INTERACTLY_API_KEY=sk-shared")
			second.Env = first.Env
			// The provider's DEBUG logs of both runs, to see where their
			// time went when this test fails.
			if dir := os.Getenv("SHARED_KEY_LOG_DIR"); dir != "" {
				for i, ws := range []*tfcli.Workspace{first, second} {
					ws.Env = append(slices.Clone(ws.Env), "TF_LOG_PROVIDER=DEBUG", fmt.Sprintf("TF_LOG_PATH=%s/run-%d.log", dir, i+1))
				}
			}
			for i, ws := range []*tfcli.Workspace{first, second} {
				specs := specsFor(seed.Numbers[i*perRun:(i+1)*perRun], "asst-2", ptr(true), ptr(true))
				if err := ws.WriteFile("main.tf", tfconfig.NumbersConfig(specs)); err != nil {
					t.Fatal(err)
				}
			}
			emu.ResetCounts()
			var wg sync.WaitGroup
			for _, ws := range []*tfcli.Workspace{first, second} {
				wg.Go(func() {
					if _, err := ws.MustSucceed(context.Background(), "apply", "-auto-approve"); err != nil {
						t.Error(err)
					}
				})
			}
			wg.Wait()
			statuses := emu.StatusCounts()
			if got := statuses[http.StatusTooManyRequests]; got > 2*shape.maxRefused {
				t.Errorf("the two runs were refused %d times; want at most %d each", got, shape.maxRefused)
			}
			if got := statuses[http.StatusOK]; got < 2*perRun {
				t.Errorf("%d requests accepted; want at least one per number, %d", got, 2*perRun)
			}
			t.Logf("answers by status: %v", statuses)
		})
	}
}
