package emulator

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rawGet sends a GET with the test key and returns the response with its
// body unread.
func rawGet(t *testing.T, ctx context.Context, c *client, path string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", c.authorization)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

func TestCutBodyPromisesMoreThanItSends(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	srv.AddFault(Fault{Method: "GET", CutBody: true, Times: 1})
	res := rawGet(t, context.Background(), c, "/assistants/v1/numbers")
	body, err := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("status %d, read error %v; want 200 and an unexpected EOF", res.StatusCode, err)
	}
	if int64(len(body)) >= res.ContentLength || len(body) == 0 {
		t.Errorf("read %d bytes of the %d announced; want a part", len(body), res.ContentLength)
	}
	whole := c.do("GET", "/assistants/v1/numbers", "")
	if !strings.HasPrefix(string(whole.body), string(body)) || int64(len(whole.body)) != res.ContentLength {
		t.Errorf("the cut body %q is not the start of the whole %q", body, whole.body)
	}
	// The cut answer is counted when its handler returns, which may be just
	// after the client saw the connection close.
	deadline := time.Now().Add(10 * time.Second)
	for got := srv.StatusCounts(); got[0] != 1 || got[200] != 1; got = srv.StatusCounts() {
		if time.Now().After(deadline) {
			t.Fatalf("status counts %v; want the cut answer under 0 and the whole one under 200", got)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestStallBodySendsHalfThenWaitsForTheClient(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed()})
	srv.AddFault(Fault{Method: "GET", StallBody: true, Times: 1})
	ctx, cancel := context.WithCancel(context.Background())
	res := rawGet(t, ctx, c, "/assistants/v1/numbers")
	got := make([]byte, res.ContentLength/2)
	if _, err := io.ReadFull(res.Body, got); err != nil {
		t.Fatalf("the first half did not arrive: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := res.Body.Read(make([]byte, 1)); done <- err }()
	select {
	case err := <-done:
		t.Fatalf("the rest of the body did not stall: read returned %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	cancel()
	if err := <-done; err == nil {
		t.Error("the stalled read succeeded after the client gave up")
	}
}

func TestEchoAuthorization(t *testing.T) {
	t.Parallel()
	_, c := start(t, Options{Seed: testSeed(), EchoAuthorization: true})
	list := c.do("GET", "/assistants/v1/numbers", "")
	var numbers []map[string]any
	list.decode(t, &numbers)
	for _, n := range numbers {
		if n[echoField] != "Bearer "+testKey {
			t.Errorf("number %v does not echo the Authorization header", n)
		}
	}
	put := c.do("PUT", "/assistants/v1/numbers/id-1", `{"inboundEnabled":false}`)
	if !strings.Contains(string(put.body), `"echoedAuthorization":"Bearer `+testKey+`"`) {
		t.Errorf("PUT answer %s does not echo the Authorization header", put.body)
	}
	c.authorization = "Bearer wrong-key-123"
	refused := c.do("GET", "/assistants/v1/numbers", "")
	if refused.status != 401 || !strings.Contains(string(refused.body), "Bearer wrong-key-123") {
		t.Errorf("401 answer %d %s does not echo the Authorization header", refused.status, refused.body)
	}
}

func TestStatusCounts(t *testing.T) {
	t.Parallel()
	srv, c := start(t, Options{Seed: testSeed(), RateLimit: 1})
	c.do("GET", "/assistants/v1/numbers", "")
	c.do("GET", "/assistants/v1/numbers", "") // beyond the limit
	if got := srv.StatusCounts(); got[200] != 1 || got[429] != 1 {
		t.Errorf("status counts %v; want one 200 and one 429", got)
	}
	srv.ResetCounts()
	if got := srv.StatusCounts(); len(got) != 0 {
		t.Errorf("after ResetCounts: %v", got)
	}
}
