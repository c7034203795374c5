package interactly_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

const testKey = "sk-test-9f8e7d6c5b4a"

// seed is a small team: one number with an assistant, one without, and an
// assistant ready to attach.
func seed() emulator.Seed {
	const on, off = true, false
	return emulator.Seed{
		TeamID:     "1f7b1b1b1b1b1b1b1b1b1b1b",
		Assistants: []string{"asst-a", "asst-b"},
		Numbers: []emulator.Number{
			{ID: "num-1", Number: "+14155550100", Provider: emulator.Provider{Name: "twilio"}, AssistantID: "asst-a", InboundEnabled: on, OutboundEnabled: on, Label: "support"},
			{ID: "num-2", Number: "+14155550101", Provider: emulator.Provider{Name: "twilio"}, InboundEnabled: on, OutboundEnabled: off, Label: "sales"},
		},
	}
}

// startEmulator serves a fresh emulator and returns it with a client whose
// retries wait only milliseconds, so fault tests stay fast.
func startEmulator(t *testing.T, mutate ...func(*interactly.Config)) (*emulator.Server, *interactly.Client) {
	t.Helper()
	return startEmulatorWith(t, emulator.New(emulator.Options{APIKey: testKey, Seed: seed()}), mutate...)
}

func startEmulatorWith(t *testing.T, emu *emulator.Server, mutate ...func(*interactly.Config)) (*emulator.Server, *interactly.Client) {
	t.Helper()
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	cfg := interactly.Config{
		BaseURL:        srv.URL,
		APIKey:         testKey,
		UserAgent:      "terraform-provider-interactly/test Terraform/1.5.7",
		MaxRetries:     3,
		RequestTimeout: 5 * time.Second,
		RetryWaitMin:   time.Millisecond,
		RetryWaitMax:   5 * time.Millisecond,
	}
	for _, m := range mutate {
		m(&cfg)
	}
	client, err := interactly.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return emu, client
}

func TestListNumbersFiltersByLabelOnTheServer(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t)
	all, err := client.ListNumbers(context.Background(), "")
	if err != nil || len(all) != 2 {
		t.Fatalf("ListNumbers() = %d numbers, %v; want 2", len(all), err)
	}
	sales, err := client.ListNumbers(context.Background(), "sales")
	if err != nil || len(sales) != 1 || sales[0].ID != "num-2" {
		t.Fatalf("ListNumbers(sales) = %+v, %v; want num-2 only", sales, err)
	}
	if sales[0].AssistantID != "" || sales[0].InboundEnabled == nil || !*sales[0].InboundEnabled || *sales[0].OutboundEnabled {
		t.Errorf("decoded %+v; want no assistant, inbound on, outbound off", sales[0])
	}
	if got := emu.Counts()["GET /assistants/v1/numbers"]; got != 2 {
		t.Errorf("list calls = %d, want 2 (label filters are not served from the shared copy)", got)
	}
}

func TestUpdateNumberSendsOnlyGivenFields(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t)
	ctx := context.Background()
	none, off := "", false

	got, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{AssistantID: &none})
	if err != nil {
		t.Fatal(err)
	}
	if got.AssistantID != "" || !*got.InboundEnabled || !*got.OutboundEnabled {
		t.Errorf("after detach: %+v; want no assistant and both switches untouched", got)
	}
	got, err = client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{OutboundEnabled: &off})
	if err != nil || *got.OutboundEnabled || !*got.InboundEnabled {
		t.Fatalf("after outbound off: %+v, %v", got, err)
	}
	stored, _ := emu.GetNumber("num-1")
	if stored.OutboundEnabled || stored.AssistantID != "" {
		t.Errorf("emulator holds %+v", stored)
	}
}

func TestRequestsCarryKeyAndUserAgent(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var auth, agent string
	emu := emulator.New(emulator.Options{APIKey: testKey, Seed: seed()})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		auth, agent = r.Header.Get("Authorization"), r.Header.Get("User-Agent")
		mu.Unlock()
		emu.ServeHTTP(w, r)
	}))
	defer srv.Close()
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testKey, UserAgent: "terraform-provider-interactly/1.2.3 Terraform/1.5.7"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.ListNumbers(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if auth != "Bearer "+testKey {
		t.Errorf("Authorization = %q", auth)
	}
	if agent != "terraform-provider-interactly/1.2.3 Terraform/1.5.7" {
		t.Errorf("User-Agent = %q", agent)
	}
}

func TestTypedErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	t.Run("401 names the status and never the key", func(t *testing.T) {
		t.Parallel()
		_, client := startEmulator(t, func(c *interactly.Config) { c.APIKey = "sk-wrong-key-123456" })
		_, err := client.ListNumbers(ctx, "")
		if interactly.StatusCode(err) != http.StatusUnauthorized {
			t.Fatalf("err = %v; want a 401", err)
		}
		if msg := err.Error(); !strings.Contains(msg, "HTTP 401") || strings.Contains(msg, "sk-wrong-key-123456") {
			t.Errorf("message %q: want the status and not the key", msg)
		}
	})
	t.Run("404 for an unknown number", func(t *testing.T) {
		t.Parallel()
		_, client := startEmulator(t)
		none := ""
		_, err := client.UpdateNumber(ctx, "no-such-id", interactly.UpdateNumberRequest{AssistantID: &none})
		if !interactly.IsNotFound(err) || !strings.Contains(err.Error(), "PUT /assistants/v1/numbers/no-such-id: HTTP 404") {
			t.Errorf("err = %v; want a 404 naming the request", err)
		}
	})
	t.Run("400 for an unknown assistant carries the server's message", func(t *testing.T) {
		t.Parallel()
		_, client := startEmulator(t)
		ghost := "asst-ghost"
		_, err := client.UpdateNumber(ctx, "num-1", interactly.UpdateNumberRequest{AssistantID: &ghost})
		if interactly.StatusCode(err) != http.StatusBadRequest || !strings.Contains(err.Error(), "asst-ghost") {
			t.Errorf("err = %v; want a 400 that names the assistant", err)
		}
	})
}

func TestRetriesTransientFaultsThenSucceeds(t *testing.T) {
	t.Parallel()
	faults := []emulator.Fault{
		{Method: "GET", Route: "/assistants/v1/numbers", Status: 503, Times: 2},
		{Method: "GET", Route: "/assistants/v1/numbers", Status: 502, Times: 1},
		{Method: "GET", Route: "/assistants/v1/numbers", Status: 504, Times: 1},
		{Method: "GET", Route: "/assistants/v1/numbers", Status: 429, Times: 2, RetryAfter: "0"},
		{Method: "GET", Route: "/assistants/v1/numbers", Drop: true, Times: 2},
		{Method: "GET", Route: "/assistants/v1/numbers", Hang: true, Times: 1},
	}
	for _, fault := range faults {
		t.Run(faultName(fault), func(t *testing.T) {
			t.Parallel()
			emu, client := startEmulator(t, func(c *interactly.Config) { c.RequestTimeout = 300 * time.Millisecond })
			emu.AddFault(fault)
			numbers, err := client.ListNumbers(context.Background(), "")
			if err != nil || len(numbers) != 2 {
				t.Fatalf("ListNumbers() = %d numbers, %v; want success after retries", len(numbers), err)
			}
			if got, want := emu.Counts()["GET /assistants/v1/numbers"], fault.Times+1; got != want {
				t.Errorf("requests = %d, want %d", got, want)
			}
		})
	}
}

func faultName(f emulator.Fault) string {
	switch {
	case f.Drop:
		return "dropped connection"
	case f.Hang:
		return "hung request"
	default:
		return http.StatusText(f.Status)
	}
}

func TestRetriesRunOutWithAttemptsAndLastStatus(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t, func(c *interactly.Config) { c.MaxRetries = 2 })
	emu.AddFault(emulator.Fault{Method: "PUT", Status: 503})
	on := true
	_, err := client.UpdateNumber(context.Background(), "num-2", interactly.UpdateNumberRequest{OutboundEnabled: &on})
	var apiErr *interactly.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 || apiErr.Attempts != 3 {
		t.Fatalf("err = %#v; want a 503 after 3 attempts", err)
	}
	if !strings.Contains(err.Error(), "gave up after 3 attempts") {
		t.Errorf("message %q does not say how many attempts were made", err)
	}
	if got := emu.Counts()["PUT /assistants/v1/numbers/{id}"]; got != 3 {
		t.Errorf("PUT requests = %d, want 3", got)
	}
}

func TestConnectionErrorsRunOutWithAttempts(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close() // nothing listens there any more
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testKey, MaxRetries: 2, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.ListNumbers(context.Background(), "")
	var reqErr *interactly.RequestError
	if !errors.As(err, &reqErr) || reqErr.Attempts != 3 || !strings.Contains(err.Error(), "after 3 attempts") {
		t.Errorf("err = %v; want a request error after 3 attempts", err)
	}
}

func TestDoesNotRetryWhatIsNotTransient(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		fault  emulator.Fault
		call   func(*interactly.Client) error
		counts string
	}{
		{"500 is a server bug, not a busy server", emulator.Fault{Method: "GET", Status: 500},
			func(c *interactly.Client) error { _, err := c.ListNumbers(context.Background(), ""); return err },
			"GET /assistants/v1/numbers"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			emu, client := startEmulator(t)
			emu.AddFault(tc.fault)
			if err := tc.call(client); interactly.StatusCode(err) != tc.fault.Status {
				t.Fatalf("err = %v; want status %d", err, tc.fault.Status)
			}
			if got := emu.Counts()[tc.counts]; got != 1 {
				t.Errorf("requests = %d, want exactly 1", got)
			}
		})
	}
}

func TestCancellationStopsWaitingAtOnce(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		fault emulator.Fault
	}{
		{"during a hung request", emulator.Fault{Hang: true}},
		{"during a Retry-After wait", emulator.Fault{Status: 429, RetryAfter: "120"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			emu, client := startEmulator(t, func(c *interactly.Config) { c.RequestTimeout = time.Minute })
			emu.AddFault(tc.fault)
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(100*time.Millisecond, cancel)
			start := time.Now()
			_, err := client.ListNumbers(ctx, "")
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v; want context.Canceled", err)
			}
			// A generous bound: without cancellation this waits a minute or two.
			if elapsed := time.Since(start); elapsed > 20*time.Second {
				t.Errorf("returned after %v; cancellation was not honoured", elapsed)
			}
		})
	}
}

func TestMalformedSuccessBodyIsAnError(t *testing.T) {
	t.Parallel()
	emu, client := startEmulator(t)
	emu.AddFault(emulator.Fault{Method: "GET", Malformed: true})
	numbers, err := client.ListNumbers(context.Background(), "")
	var reqErr *interactly.RequestError
	if !errors.As(err, &reqErr) || numbers != nil {
		t.Fatalf("ListNumbers() = %v, %v; want a request error and no numbers", numbers, err)
	}
}

// rawServer answers every request with status and body as given.
func rawServer(t *testing.T, status int, contentType, body string) *interactly.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testKey, MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	return client
}

func TestOddBodiesAreReportedCleanly(t *testing.T) {
	t.Parallel()
	huge := "<html><body>" + strings.Repeat("Internal failure. ", 100_000) + "</body></html>"
	cases := []struct {
		name        string
		status      int
		contentType string
		body        string
		wantIn      []string
		maxLen      int
	}{
		{"empty error body", 400, "text/plain", "", []string{"HTTP 400 Bad Request"}, 200},
		{"HTML error page", 502, "text/html", "<html><h1>Bad gateway</h1></html>", []string{"HTTP 502", "Bad gateway"}, 300},
		{"huge error page is cut", 500, "text/html", huge, []string{"HTTP 500", "Internal failure.", "…"}, 900},
		{"JSON message is extracted", 403, "application/json", `{"statusCode":403,"message":"key lacks numbers:write"}`, []string{"HTTP 403 Forbidden: key lacks numbers:write"}, 200},
		{"message list is shown", 400, "application/json", `{"message":["number must be E.164"]}`, []string{`["number must be E.164"]`}, 200},
		{"key echoed by a server is redacted", 401, "application/json", `{"message":"bad key ` + testKey + `"}`, []string{"[REDACTED]"}, 200},
		{"truncated success body", 200, "application/json", `[{"_id":"a","number":"+1415`, []string{"not a valid answer"}, 900},
		{"null instead of a list", 200, "application/json", `null`, []string{"null"}, 300},
		{"document without an id", 200, "application/json", `[{"number":"+14155550100"}]`, []string{`without "_id"`}, 300},
		{"trailing garbage", 200, "application/json", `[] []`, []string{"unexpected data"}, 300},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			client := rawServer(t, tc.status, tc.contentType, tc.body)
			numbers, err := client.ListNumbers(context.Background(), "")
			if err == nil {
				t.Fatalf("no error; got %d numbers", len(numbers))
			}
			msg := err.Error()
			for _, want := range tc.wantIn {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
			if len(msg) > tc.maxLen {
				t.Errorf("message is %d bytes, want at most %d", len(msg), tc.maxLen)
			}
			if strings.Contains(msg, testKey) {
				t.Errorf("message %q contains the API key", msg)
			}
		})
	}
}

func TestExtraFieldsAreIgnored(t *testing.T) {
	t.Parallel()
	client := rawServer(t, 200, "application/json",
		`[{"_id":"n1","teamId":"t","number":"+14155550100","provider":{"name":"twilio","region":"us1"},"createdAt":"2026-01-01","assistantId":""}]`)
	numbers, err := client.ListNumbers(context.Background(), "")
	if err != nil || len(numbers) != 1 || numbers[0].AssistantID != "" || numbers[0].Provider.Name != "twilio" {
		t.Fatalf("ListNumbers() = %+v, %v", numbers, err)
	}
}

func TestNewRefusesPlainHTTPBeyondLoopback(t *testing.T) {
	t.Parallel()
	cases := map[string]bool{
		"https://api-prod.interactly.ai": true,
		"http://localhost:8080":          true,
		"http://127.0.0.1:9999/":         true,
		"http://127.3.4.5":               true,
		"http://[::1]:8080":              true,
		"http://api.localhost":           true,
		"http://api-prod.interactly.ai":  false,
		"http://10.0.0.5:8080":           false,
		"http://localhost.example.com":   false,
		"ftp://127.0.0.1":                false,
		"https://user:pw@example.com":    false,
		"not a url":                      false,
		"https://":                       false,
	}
	for raw, ok := range cases {
		_, err := interactly.New(interactly.Config{BaseURL: raw, APIKey: testKey})
		if (err == nil) != ok {
			t.Errorf("New(base URL %q) error = %v; want accepted = %v", raw, err, ok)
		}
		if err != nil && strings.Contains(err.Error(), "pw@") {
			t.Errorf("error %q shows URL credentials", err)
		}
	}
	if _, err := interactly.New(interactly.Config{BaseURL: "http://api.example.com"}); err == nil {
		t.Error("New without an API key succeeded")
	}
}
