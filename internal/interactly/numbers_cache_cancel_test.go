package interactly

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
)

// listingServer answers the listing requests of a client in a synctest
// bubble: the first hangs until its caller gives up, the others list one
// number. Being a RoundTripper rather than a server, it blocks on channels
// only, so synctest.Wait knows when every goroutine waits.
type listingServer struct {
	requests atomic.Int32
}

func (s *listingServer) RoundTrip(req *http.Request) (*http.Response, error) {
	if s.requests.Add(1) == 1 {
		<-req.Context().Done()
		return nil, req.Context().Err()
	}
	return &http.Response{
		StatusCode: http.StatusOK,
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(strings.NewReader(`[{"_id":"num-1","teamId":"t","number":"+14155550100","provider":{"name":"twilio"}}]`)),
		Request:    req,
	}, nil
}

// A reader that joined a listing another reader started is not failed by
// that reader's cancellation: it lists again. synctest.Wait makes the order
// certain: the second reader waits on the first one's listing before the
// first is cancelled.
func TestCancelledReaderDoesNotFailOthers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		server := &listingServer{}
		client, err := New(Config{BaseURL: "https://cancelled-reader.test", APIKey: "sk-cancelled-reader"})
		if err != nil {
			t.Fatal(err)
		}
		client.httpClient.Transport = &loggingTransport{next: server, logger: nopLogger{}}

		first, cancel := context.WithCancel(context.Background())
		firstDone := make(chan error, 1)
		go func() { _, _, err := client.CachedNumber(first, "num-1"); firstDone <- err }()
		synctest.Wait() // the first reader's listing hangs at the server
		secondDone := make(chan error, 1)
		var found bool
		go func() {
			var err error
			_, found, err = client.CachedNumber(context.Background(), "num-1")
			secondDone <- err
		}()
		synctest.Wait() // the second reader waits on that same listing
		if got := server.requests.Load(); got != 1 {
			t.Fatalf("listing requests before the cancellation = %d, want 1: the second reader did not join the first listing", got)
		}
		cancel()

		if err := <-firstDone; !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled reader: err = %v, want context.Canceled", err)
		}
		if err := <-secondDone; err != nil || !found {
			t.Errorf("the other reader got found=%v, err=%v; want it to list again and find num-1", found, err)
		}
		if got := server.requests.Load(); got != 2 {
			t.Errorf("listing requests = %d, want 2: the cancelled one and the second reader's own", got)
		}
	})
}
