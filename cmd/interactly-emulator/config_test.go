package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// env is a getenv over a map.
func env(vars map[string]string) func(string) string {
	return func(name string) string { return vars[name] }
}

func TestParseFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want config
	}{
		{"defaults with the key from the environment", nil, map[string]string{"INTERACTLY_API_KEY": "env-key"},
			config{addr: "127.0.0.1:8080", apiKey: "env-key"}},
		{"flag key wins", []string{"-api-key", "flag-key"}, map[string]string{"INTERACTLY_API_KEY": "env-key"},
			config{addr: "127.0.0.1:8080", apiKey: "flag-key"}},
		{"everything", []string{
			"-addr", "[::1]:0", "-api-key", "k", "-seed", "seed.json", "-latency", "50ms", "-rate-limit", "2.5",
			"-rate-limit-shape", "token-bucket,burst=3,headers=x,retry-after=date",
			"-addr-file", "addr.txt", "-profile", "sparse", "-echo-authorization",
			"-fault", "PUT /assistants/v1/numbers/{id} status=503 times=3 retry-after=1",
			"-fault", "* * latency=10ms",
			"-fault", "GET * stall-body times=1",
		}, nil, config{
			addr: "[::1]:0", apiKey: "k", seedFile: "seed.json", latency: 50 * time.Millisecond, rateLimit: 2.5, addrFile: "addr.txt",
			profile: emulator.ProfileSparse, echoAuth: true,
			rateLimitShape: emulator.RateLimitShape{Kind: emulator.TokenBucket, Burst: 3, Headers: emulator.XHeaders, RetryAfter: emulator.RetryAfterDate},
			faults: []emulator.Fault{
				{Method: "PUT", Route: "/assistants/v1/numbers/{id}", Status: 503, Times: 3, RetryAfter: "1"},
				{Latency: 10 * time.Millisecond},
				{Method: "GET", StallBody: true, Times: 1},
			},
		}},
		{"keys of other teams", []string{"-api-key", "k", "-team-key", "team-2=k2", "-team-key", "team-3=k=3="}, nil,
			config{addr: "127.0.0.1:8080", apiKey: "k", teamKeys: map[string]string{"k2": "team-2", "k=3=": "team-3"}}},
		{"generate on localhost", []string{"-api-key", "k", "-generate", "1000", "-addr", "localhost:9000"}, nil,
			config{addr: "localhost:9000", apiKey: "k", generate: 1000}},
	}
	for _, tt := range tests {
		got, err := parseFlags(tt.args, env(tt.env), nil)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestParseFlagsErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args    []string
		message string
	}{
		{nil, "an API key is required: set INTERACTLY_API_KEY or pass -api-key"},
		{[]string{"-api-key", "k", "-team-key", "team-2"}, `-team-key: want TEAMID=KEY`},
		{[]string{"-api-key", "k", "-team-key", "=k2"}, "want TEAMID=KEY"},
		{[]string{"-api-key", "k", "-team-key", "team-2="}, "want TEAMID=KEY"},
		{[]string{"-api-key", "k", "-team-key", "t2=k2", "-team-key", "t3=k2"}, "teams t2 and t3 are given the same key"},
		{[]string{"-api-key", "k", "-team-key", "t2=k"}, "-team-key gives team t2 the key of the seed's team"},
		{[]string{"-api-key", "k", "-seed", "s.json", "-generate", "5"}, "-seed and -generate exclude each other"},
		{[]string{"-api-key", "k", "-generate", "-5"}, "-generate -5: want a count"},
		{[]string{"-api-key", "k", "-latency", "-1s"}, "-latency -1s"},
		{[]string{"-api-key", "k", "-latency", "soon"}, `invalid value "soon" for flag -latency`},
		{[]string{"-api-key", "k", "-rate-limit", "-1"}, "-rate-limit -1"},
		{[]string{"-api-key", "k", "-rate-limit-shape", "leaky-bucket"}, `unknown kind "leaky-bucket"`},
		{[]string{"-api-key", "k", "-rate-limit-shape", "fixed-window,burst=3"}, "burst=3: want a whole number of requests, 1 or more, on a token-bucket"},
		{[]string{"-api-key", "k", "-fault", "PUT /nowhere status=500"}, `invalid value "PUT /nowhere status=500" for flag -fault: fault "PUT /nowhere status=500": no API route matches`},
		{[]string{"-api-key", "k", "-fault", "* * times=2"}, "the fault does nothing"},
		{[]string{"-api-key", "k", "-profile", "lenient"}, `unknown profile "lenient": the profiles are default, sparse, verbose`},
		{[]string{"-api-key", "k", "-port", "80"}, "flag provided but not defined: -port"},
		{[]string{"-api-key", "k", "serve"}, `unexpected arguments ["serve"]`},
		{[]string{"-api-key", "k", "-addr", "0.0.0.0:8080"}, `-addr "0.0.0.0:8080" would listen on 0.0.0.0: use a loopback address`},
		{[]string{"-api-key", "k", "-addr", ":8080"}, "would listen on every interface"},
		{[]string{"-api-key", "k", "-addr", "8080"}, `-addr "8080": want host:port`},
	}
	for _, tt := range tests {
		_, err := parseFlags(tt.args, env(nil), nil)
		if err == nil || !strings.Contains(err.Error(), tt.message) {
			t.Errorf("parseFlags(%q) error %v, want one containing %q", tt.args, err, tt.message)
		}
	}
}

// The key must not appear in the usage, even when it is in the environment.
func TestParseFlagsHelp(t *testing.T) {
	t.Parallel()
	var usage bytes.Buffer
	_, err := parseFlags([]string{"-h"}, env(map[string]string{"INTERACTLY_API_KEY": "sekrit"}), &usage)
	if !errors.Is(err, flag.ErrHelp) {
		t.Errorf("error %v, want flag.ErrHelp", err)
	}
	out := usage.String()
	for _, want := range []string{"Usage: interactly-emulator", "-addr host:port", "-fault", "$INTERACTLY_API_KEY",
		"assistants (GET and PATCH", `"assistantDocuments"`, "numbers and of assistants, in any team"} {
		if !strings.Contains(out, want) {
			t.Errorf("usage does not contain %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "sekrit") {
		t.Errorf("usage shows the API key:\n%s", out)
	}
}

func TestCheckLoopback(t *testing.T) {
	t.Parallel()
	tests := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:8080", true},
		{"127.0.0.2:0", true},
		{"[::1]:8080", true},
		{"localhost:0", true},
		{"0.0.0.0:8080", false},
		{"[::]:8080", false},
		{":8080", false},
		{"192.168.1.10:8080", false},
		{"example.com:8080", false},
		{"127.0.0.1", false},
	}
	for _, tt := range tests {
		if err := checkLoopback(tt.addr); (err == nil) != tt.ok {
			t.Errorf("checkLoopback(%q) = %v, want ok=%t", tt.addr, err, tt.ok)
		}
	}
}

// A malformed -team-key is reported without the key it may hold.
func TestParseFlagsTeamKeyErrorHidesTheKey(t *testing.T) {
	t.Parallel()
	for _, value := range []string{"sekrit", "=sekrit"} {
		_, err := parseFlags([]string{"-api-key", "k", "-team-key", value}, env(nil), nil)
		if err == nil || strings.Contains(err.Error(), "sekrit") {
			t.Errorf("-team-key %q: error %v, want one that does not show the key", value, err)
		}
	}
}

// The seed shown in the usage is one the emulator loads, with its second
// team's assistant in that team.
func TestUsageSeedLoads(t *testing.T) {
	t.Parallel()
	_, example, _ := strings.Cut(usageHeader, "holds the initial data:\n")
	example, _, _ = strings.Cut(example, "\n\n")
	path := filepath.Join(t.TempDir(), "seed.json")
	if err := os.WriteFile(path, []byte(example), 0o600); err != nil {
		t.Fatal(err)
	}
	seed, err := emulator.LoadSeed(path)
	if err != nil {
		t.Fatalf("the usage's seed does not load: %v\n%s", err, example)
	}
	if len(seed.Numbers) != 1 || len(seed.AssistantDocuments) != 1 || seed.AssistantDocuments[0].TeamID() != "2a7c3c3c3c3c3c3c3c3c3c3c" {
		t.Errorf("the usage's seed loads as %+v", seed)
	}
}
