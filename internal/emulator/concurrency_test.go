package emulator

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
)

// TestConcurrentRequests is meant for -race: requests and direct calls
// from many goroutines at once.
func TestConcurrentRequests(t *testing.T) {
	t.Parallel()
	const workers, rounds = 8, 20
	srv, c := start(t, Options{Seed: GenerateSeed(workers)})
	srv.AddFault(Fault{Method: "GET", Latency: 1, FailRate: 0.5, Seed: 1})
	numbers := srv.Numbers()
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds)
	for w := range workers {
		wg.Go(func() {
			id := numbers[w].ID
			for i := range rounds {
				// Every worker updates its own number and a shared one.
				for _, target := range []string{id, numbers[0].ID} {
					body := fmt.Sprintf(`{"inboundEnabled": %t, "assistantId": "asst-%d"}`, i%2 == 0, 1+i%3)
					res, err := c.send(t.Context(), "PUT", "/assistants/v1/numbers/"+target, body)
					if err == nil && res.status != http.StatusOK {
						err = fmt.Errorf("PUT %s: status %d, body %s", target, res.status, res.body)
					}
					if err != nil {
						errs <- err
						return
					}
				}
				if _, err := c.send(t.Context(), "GET", "/assistants/v1/numbers", ""); err != nil {
					errs <- err
					return
				}
				srv.SetNumber(Number{ID: fmt.Sprintf("extra-%d", w), Number: fmt.Sprintf("+1999000%04d", w)})
				srv.Counts()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	counts := srv.Counts()
	if got, want := counts["PUT /assistants/v1/numbers/{id}"], workers*rounds*2; got != want {
		t.Errorf("%d PUTs counted, want %d", got, want)
	}
	if got, want := counts["GET /assistants/v1/numbers"], workers*rounds; got != want {
		t.Errorf("%d GETs counted, want %d", got, want)
	}
	// Each worker's last round (i = rounds-1, odd) disabled inbound calls.
	if n, _ := srv.GetNumber(numbers[1].ID); n.InboundEnabled {
		t.Errorf("number %s: inboundEnabled after the last round's false", n.ID)
	}
	if got := len(srv.Numbers()); got != 2*workers {
		t.Errorf("%d numbers, want %d", got, 2*workers)
	}
}
