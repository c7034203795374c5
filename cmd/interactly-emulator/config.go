package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// apiKeyEnv is where the API key comes from when -api-key is not given. It
// is the better place: a flag shows in the process list.
const apiKeyEnv = "INTERACTLY_API_KEY"

// config is the command line, parsed and checked.
type config struct {
	addr      string
	apiKey    string
	teamKeys  map[string]string // -team-key: API key -> team ID
	seedFile  string
	generate  int
	latency   time.Duration
	rateLimit float64
	faults    []emulator.Fault
	addrFile  string
	profile   emulator.Profile
	echoAuth  bool
	// rateLimitShape is -rate-limit-shape: how -rate-limit counts and
	// what its answers say.
	rateLimitShape emulator.RateLimitShape
}

// faultFlags collects repeated -fault flags, parsing each as it comes so
// that a bad spec is reported with its flag.
type faultFlags struct {
	specs  []string
	faults []emulator.Fault
}

func (f *faultFlags) String() string { return strings.Join(f.specs, "; ") }

func (f *faultFlags) Set(spec string) error {
	fault, err := emulator.ParseFault(spec)
	if err != nil {
		return err
	}
	f.specs = append(f.specs, spec)
	f.faults = append(f.faults, fault)
	return nil
}

const usageHeader = `Usage: interactly-emulator [flags]

Serves an in-memory emulator of the Interactly API, for running Terraform
configurations offline: phone numbers (list, update, purchase, import) and
assistants (GET and PATCH /assistants/v1/assistants/{id}), each of the team
of the API key. Point the provider at the printed base URL with the same key.

A seed file (-seed) holds the initial data:

  {"teamId": "1f7b1b1b1b1b1b1b1b1b1b1b",
   "assistants": ["asst-support"],
   "assistantDocuments": [{"_id": "asst-staging", "teamId": "2a7c3c3c3c3c3c3c3c3c3c3c",
                           "name": "Staging desk", "assistantSystemPrompt": "..."}],
   "numbers": [{"_id": "5d1c2f0e-8a7b-4c3d-9e1f-2a3b4c5d6e01", "number": "+14155550100",
                "assistantId": "asst-support", "label": "support"}]}

Each ID in "assistants" gets a generated document as rich as the API docs'
example; "assistantDocuments" gives assistants whole. Numbers and assistants
without a teamId belong to the seed's team; give another team's key with
-team-key TEAMID=KEY.

Admin routes under /_emulator/ need no key and do what the dashboard does:
GET numbers, assistants, counts, faults; POST, PATCH {id}, DELETE {id} of
numbers and of assistants, in any team; POST and DELETE faults. See the
provider's guide "Rehearsing with the emulator" and internal/emulator/README.md.

Flags:
`

// parseFlags parses the command line. getenv supplies the API key when
// -api-key is absent; -h prints the usage to usage and returns flag.ErrHelp.
func parseFlags(args []string, getenv func(string) string, usage io.Writer) (config, error) {
	var cfg config
	var faults faultFlags
	fs := flag.NewFlagSet("interactly-emulator", flag.ContinueOnError)
	// Errors are returned, and printed once by main; only -h prints here.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usageHeader)
		fs.PrintDefaults()
	}
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "loopback `host:port` to listen on; port 0 picks a free port")
	// No default from the environment here: PrintDefaults would show the key.
	fs.StringVar(&cfg.apiKey, "api-key", "", "the API key clients must send as a bearer token (default $"+apiKeyEnv+")")
	// Parsed after the flags, because the flag package would quote a bad
	// value, key included, in its error.
	var teamKeys []string
	fs.Func("team-key", "`TEAMID=KEY`: one more API key, of the team TEAMID, which sees and changes only that team's numbers and assistants "+
		"(the seed's numbers and assistants carry their teamId; -api-key is the key of the seed's team); repeatable", func(v string) error {
		teamKeys = append(teamKeys, v)
		return nil
	})
	fs.StringVar(&cfg.seedFile, "seed", "", "JSON `file` with the initial teams, assistants and numbers (see above)")
	fs.IntVar(&cfg.generate, "generate", 0, "start with `N` generated numbers instead of a seed file")
	fs.DurationVar(&cfg.latency, "latency", 0, "latency added to every API request, e.g. 50ms")
	fs.Float64Var(&cfg.rateLimit, "rate-limit", 0, "API requests per second allowed before answering 429 (0 = unlimited)")
	fs.Func("rate-limit-shape", "how -rate-limit counts and answers: `shape` is token-bucket (default), fixed-window or sliding-window, "+
		"then comma-separated options burst=N (token-bucket), headers=none|ietf|x|both, retry-after=seconds|date|none; "+
		"e.g. \"token-bucket,burst=10,headers=ietf\" (see the emulator README)", func(spec string) (err error) {
		cfg.rateLimitShape, err = emulator.ParseRateLimitShape(spec)
		return err
	})
	fs.Var(&faults, "fault", "inject a fault (repeatable); a `spec` is \"METHOD ROUTE OPTION...\", e.g. \"PUT /assistants/v1/numbers/{id} status=503 times=3\"; "+
		"METHOD and ROUTE may be *; options: status=N times=N retry-after=SECONDS latency=DURATION hang drop malformed cut-body stall-body apply fail-rate=FRACTION seed=N")
	fs.Func("profile", "how answers fill in what the API docs leave open: default, sparse or verbose (see the emulator README)", func(name string) (err error) {
		cfg.profile, err = emulator.ParseProfile(name)
		return err
	})
	fs.BoolVar(&cfg.echoAuth, "echo-authorization", false, "write the request's Authorization header back into every answer "+
		"(number documents and error messages), to test that a client never shows what the API sends back")
	fs.StringVar(&cfg.addrFile, "addr-file", "", "once listening, write the base URL to this `file` (for scripts using port 0)")

	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(usage)
			fs.Usage()
		}
		return config{}, err
	}
	cfg.faults = faults.faults
	for _, v := range teamKeys {
		if err := cfg.addTeamKey(v); err != nil {
			return config{}, fmt.Errorf("-team-key: %w", err)
		}
	}
	if cfg.apiKey == "" {
		cfg.apiKey = getenv(apiKeyEnv)
	}
	return cfg, cfg.check(fs.Args())
}

// addTeamKey parses one -team-key TEAMID=KEY. It splits at the first "=",
// since a team ID never holds one and a key may.
func (cfg *config) addTeamKey(value string) error {
	team, key, ok := strings.Cut(value, "=")
	if !ok || team == "" || key == "" {
		return errors.New("want TEAMID=KEY, e.g. 2a7c3c3c3c3c3c3c3c3c3c3c=staging-key")
	}
	if other, dup := cfg.teamKeys[key]; dup {
		return fmt.Errorf("teams %s and %s are given the same key: give each team its own", other, team)
	}
	if cfg.teamKeys == nil {
		cfg.teamKeys = make(map[string]string)
	}
	cfg.teamKeys[key] = team
	return nil
}

// check rejects inconsistent settings.
func (cfg config) check(extra []string) error {
	switch {
	case len(extra) > 0:
		return fmt.Errorf("unexpected arguments %q: every setting is a flag", extra)
	case cfg.apiKey == "":
		return fmt.Errorf("an API key is required: set %s or pass -api-key", apiKeyEnv)
	case cfg.teamKeys[cfg.apiKey] != "":
		return fmt.Errorf("-team-key gives team %s the key of the seed's team (-api-key or %s): give each team its own key", cfg.teamKeys[cfg.apiKey], apiKeyEnv)
	case cfg.seedFile != "" && cfg.generate != 0:
		return errors.New("-seed and -generate exclude each other")
	case cfg.generate < 0:
		return fmt.Errorf("-generate %d: want a count of numbers, 0 or more", cfg.generate)
	case cfg.latency < 0:
		return fmt.Errorf("-latency %v: want a duration, 0 or more", cfg.latency)
	case cfg.rateLimit < 0:
		return fmt.Errorf("-rate-limit %g: want requests per second, 0 (unlimited) or more", cfg.rateLimit)
	}
	return checkLoopback(cfg.addr)
}

// checkLoopback accepts only addresses reachable from this machine alone:
// clients send the API key in clear text over http.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: want host:port, e.g. 127.0.0.1:8080", addr)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	if host == "" {
		host = "every interface"
	}
	return fmt.Errorf("-addr %q would listen on %s: use a loopback address (127.0.0.1, ::1 or localhost), "+
		"because clients send the API key in clear text over http", addr, host)
}

// seed returns the initial data the flags ask for.
func (cfg config) seed() (emulator.Seed, error) {
	switch {
	case cfg.seedFile != "":
		return emulator.LoadSeed(cfg.seedFile)
	case cfg.generate > 0:
		return emulator.GenerateSeed(cfg.generate), nil
	default:
		return emulator.Seed{}, nil
	}
}
