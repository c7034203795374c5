package interactly_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

const listRoute = "GET /assistants/v1/numbers"

func TestConcurrentReadersShareOneListing(t *testing.T) {
	t.Parallel()
	emu := emulator.New(emulator.Options{APIKey: testKey, Seed: emulator.GenerateSeed(1000), Latency: 20 * time.Millisecond})
	client := clientFor(t, emu)
	numbers := emu.Numbers()

	var wg sync.WaitGroup
	errs := make(chan error, len(numbers))
	for _, n := range numbers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, found, err := client.CachedNumber(context.Background(), n.ID)
			if err != nil || !found || got.Number != n.Number {
				errs <- errors.New("lookup of " + n.ID + " failed")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got := emu.Counts()[listRoute]; got != 1 {
		t.Errorf("list calls for 1000 concurrent reads = %d, want 1", got)
	}
}

func clientFor(t *testing.T, emu *emulator.Server) *interactly.Client {
	t.Helper()
	_, client := startEmulatorWith(t, emu)
	return client
}

func TestLookupsByNumberAndSortedListing(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t)
	ctx := context.Background()
	n, found, err := client.CachedNumberByE164(ctx, "+14155550101")
	if err != nil || !found || n.ID != "num-2" {
		t.Fatalf("CachedNumberByE164 = %+v, %v, %v", n, found, err)
	}
	if _, found, _ := client.CachedNumberByE164(ctx, "+19995550000"); found {
		t.Error("found a number the team does not have")
	}
	if _, found, _ := client.CachedNumber(ctx, "missing"); found {
		t.Error("found an ID the team does not have")
	}
	all, err := client.CachedNumbers(ctx)
	if err != nil || len(all) != 2 || all[0].Number != "+14155550100" || all[1].Number != "+14155550101" {
		t.Fatalf("Numbers() = %+v, %v; want both, sorted by number", all, err)
	}
	if got := emu.Counts()[listRoute]; got != 1 {
		t.Errorf("list calls = %d, want 1 for all lookups", got)
	}
}

func TestWritesUpdateTheSharedListing(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t)
	ctx := context.Background()
	if _, _, err := client.CachedNumber(ctx, "num-1"); err != nil {
		t.Fatal(err)
	}
	none := ""
	if _, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{AssistantID: &none}); err != nil {
		t.Fatal(err)
	}
	n, _, err := client.CachedNumber(ctx, "num-1")
	if err != nil || n.AssistantID != "" {
		t.Fatalf("after detach the shared copy has %+v, %v", n, err)
	}
	// A number released outside Terraform: the PUT's 404 drops it.
	emu.DeleteNumber("num-2")
	if _, err := client.UpdateNumber(ctx, "num-2", interactly.UpdateNumberRequest{AssistantID: &none}); !interactly.IsNotFound(err) {
		t.Fatalf("err = %v; want 404", err)
	}
	if _, found, _ := client.CachedNumber(ctx, "num-2"); found {
		t.Error("a number the API no longer knows is still in the shared copy")
	}
	if got := emu.Counts()[listRoute]; got != 1 {
		t.Errorf("list calls = %d, want 1", got)
	}
}

func TestEachClientListsAnew(t *testing.T) {
	t.Parallel()
	emu, first := startEmulator(t)
	ctx := context.Background()
	if _, _, err := first.CachedNumber(ctx, "num-1"); err != nil {
		t.Fatal(err)
	}
	// A change made outside Terraform between two operations...
	n, _ := emu.GetNumber("num-1")
	n.AssistantID = "asst-b"
	emu.SetNumber(n)
	// ...is seen by the next operation's client.
	_, second := startEmulatorWith(t, emu)
	got, _, err := second.CachedNumber(ctx, "num-1")
	if err != nil || got.AssistantID != "asst-b" {
		t.Errorf("a new client read %+v, %v; want the change made outside", got, err)
	}
}

func TestFailedListingIsNotCachedBeyondItsMemory(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	emu, client := startEmulator(t, func(c *interactly.Config) { c.MaxRetries = 0; c.Now = clock.Now })
	emu.AddFault(emulator.Fault{Method: "GET", Status: 503, Times: 1})
	ctx := context.Background()
	if _, _, err := client.CachedNumber(ctx, "num-1"); interactly.StatusCode(err) != 503 {
		t.Fatalf("first read err = %v; want the 503", err)
	}
	clock.Advance(interactly.FailureMemory)
	if _, found, err := client.CachedNumber(ctx, "num-1"); err != nil || !found {
		t.Fatalf("second read = %v, %v; want a fresh listing", found, err)
	}
}

func TestTimedOutListingIsReportedNotRepeated(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t, func(c *interactly.Config) {
		c.MaxRetries = 1
		c.RequestTimeout = 100 * time.Millisecond
	})
	emu.AddFault(emulator.Fault{Method: "GET", Hang: true})
	_, _, err := client.CachedNumber(context.Background(), "num-1")
	if err == nil {
		t.Fatal("a listing that timed out on every attempt succeeded")
	}
	if got := emu.Counts()[listRoute]; got != 2 {
		t.Errorf("list requests = %d, want 2 (one call, one retry); a timeout is not the caller's cancellation", got)
	}
}

// A listing answered with the team as it was before a write that finished
// while the listing was on its way must not undo the write: the client
// replays such writes on top of the listing.
func TestWriteDuringListingIsNotLost(t *testing.T) {
	t.Parallel()
	emu := emulator.New(emulator.Options{APIKey: testKey, Seed: seed()})
	putDone := make(chan struct{})
	listTaken := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			emu.ServeHTTP(w, r)
			return
		}
		// Take the listing now, answer it only after the write is done.
		rec := httptest.NewRecorder()
		emu.ServeHTTP(rec, r)
		close(listTaken)
		<-putDone
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
	}))
	t.Cleanup(srv.Close)
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	read := make(chan interactly.Number, 1)
	go func() {
		n, _, err := client.CachedNumber(ctx, "num-1")
		if err != nil {
			t.Error(err)
		}
		read <- n
	}()
	<-listTaken
	none := ""
	if _, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{AssistantID: &none}); err != nil {
		t.Fatal(err)
	}
	close(putDone)
	if n := <-read; n.AssistantID != "" {
		t.Errorf("the reader that started the listing got assistant %q; want the write's detach", n.AssistantID)
	}
	if n, _, _ := client.CachedNumber(ctx, "num-1"); n.AssistantID != "" {
		t.Errorf("the shared listing holds assistant %q for num-1 after the detach; the write was lost", n.AssistantID)
	}
}
