package interactly

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

// fakeResolver maps names to addresses.
type fakeResolver map[string][]netip.Addr

func (r fakeResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	return r[host], nil
}

// A *.localhost name passes ParseBaseURL's name check, but a resolver may
// send it anywhere: the dialer refuses a non-loopback address before any
// byte, the key included, is sent; the same name mapped to loopback works.
func TestPlainHTTPDialsOnlyLoopback(t *testing.T) {
	t.Parallel()
	reached := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		reached++
		_, _ = w.Write([]byte("[]"))
	}))
	t.Cleanup(srv.Close)
	port := strings.TrimPrefix(srv.URL[strings.LastIndex(srv.URL, ":"):], ":")
	resolver := fakeResolver{
		"elsewhere.localhost": {netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("192.0.2.10")},
		"here.localhost":      {netip.MustParseAddr("127.0.0.1")},
	}
	client := func(host string) *Client {
		c, err := New(Config{BaseURL: "http://" + host + ":" + port, APIKey: "sk-test", MaxRetries: 0, resolver: resolver})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}

	_, err := client("elsewhere.localhost").ListNumbers(context.Background(), "")
	var refused *NonLoopbackError
	if !errors.As(err, &refused) || refused.Address != "192.0.2.10" {
		t.Fatalf("err = %v, want a *NonLoopbackError naming 192.0.2.10", err)
	}
	if !strings.Contains(err.Error(), "https://") {
		t.Errorf("error %q should say to use https", err)
	}
	if reached != 0 {
		t.Fatalf("the server was reached %d times", reached)
	}
	if _, err := client("here.localhost").ListNumbers(context.Background(), ""); err != nil {
		t.Fatalf("a name that resolves to loopback: %v", err)
	}
	if reached != 1 {
		t.Errorf("the server was reached %d times, want 1", reached)
	}
}

// The socket-level check refuses any non-loopback address that gets past
// the resolution check.
func TestRequireLoopback(t *testing.T) {
	t.Parallel()
	for address, ok := range map[string]bool{
		"127.0.0.1:80": true, "[::1]:443": true, "127.9.9.9:1": true,
		"192.0.2.10:80": false, "[2001:db8::1]:80": false, "10.0.0.1:8080": false,
	} {
		if err := requireLoopback("tcp", address, nil); (err == nil) != ok {
			t.Errorf("requireLoopback(%q) = %v, want allowed %v", address, err, ok)
		}
	}
}
