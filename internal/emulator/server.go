package emulator

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Options configures a Server.
type Options struct {
	APIKey string // required bearer key of the seed's team; every API route answers 401 JSON error without "Authorization: Bearer <APIKey>" or a key of TeamKeys
	// TeamKeys adds API keys of other teams (or more keys of the seed's
	// team): API key -> team ID. Each key lists, updates and creates only
	// its own team's numbers (Number.TeamID); another team's number is a
	// 404 like an unknown one.
	TeamKeys  map[string]string
	Seed      Seed          // initial data; the zero Seed is an empty team
	Latency   time.Duration // fixed latency added to every API request (stand-in for a hosted API's round trip)
	RateLimit float64       // requests per second over all API routes; beyond it 429 (see RateLimitShape); 0 = unlimited
	Profile   Profile       // how answers fill in what the API docs leave open; "" = ProfileDefault
	// EchoAuthorization writes the request's Authorization header value
	// into every answer: into each number document of a 2xx body (field
	// "echoedAuthorization") and into the message of an error body. A test
	// aid, for proving that a client never shows what the API sends back.
	EchoAuthorization bool
	// RateLimitShape is how RateLimit counts and what its answers say;
	// the zero value is a token bucket a second deep with Retry-After in
	// seconds and no rate-limit headers.
	RateLimitShape RateLimitShape
}

// Server emulates the Interactly API. It is safe for concurrent use.
type Server struct {
	keys      map[string]string // API key -> team ID
	latency   time.Duration
	rateLimit float64
	profile   Profile
	limit     *RateLimiter // nil when unlimited
	mux       *http.ServeMux
	echoAuth  bool

	// mu guards everything below. One lock is enough: every critical
	// section is a few map operations.
	mu       sync.Mutex
	store    *store
	faults   []*activeFault
	counts   map[string]int
	statuses map[int]int
	// bareAssistantUpdates: see AnswerAssistantUpdatesWithoutDocument.
	bareAssistantUpdates bool
}

// New returns a Server holding opts.Seed. It panics if opts.APIKey is empty
// or the seed is invalid (see LoadSeed): both are mistakes in the calling
// code, best reported where they are made.
func New(opts Options) *Server {
	if opts.APIKey == "" {
		panic("emulator: Options.APIKey is required")
	}
	for key, team := range opts.TeamKeys {
		if key == "" || team == "" {
			panic("emulator: Options.TeamKeys needs a non-empty key and team ID in every entry")
		}
	}
	profile, err := ParseProfile(string(opts.Profile))
	if err != nil {
		panic("emulator: invalid Options.Profile: " + err.Error())
	}
	seed := opts.Seed.withDefaults()
	if err := seed.validate(); err != nil {
		panic(fmt.Sprintf("emulator: invalid Options.Seed: %v", err))
	}
	s := &Server{
		keys:      teamKeys(opts, seed.TeamID),
		latency:   opts.Latency,
		rateLimit: opts.RateLimit,
		profile:   profile,
		mux:       http.NewServeMux(),
		store:     newStore(seed),
		counts:    make(map[string]int),
		statuses:  make(map[int]int),
		echoAuth:  opts.EchoAuthorization,
	}
	s.limit = NewRateLimiter(opts.RateLimit, opts.RateLimitShape)
	s.routes()
	return s
}

func (s *Server) routes() {
	s.mux.HandleFunc(listRoute.pattern(), s.api(s.listNumbers))
	s.mux.HandleFunc(updateRoute.pattern(), s.api(s.updateNumber))
	s.mux.HandleFunc(purchaseRoute.pattern(), s.api(s.purchaseNumber))
	s.mux.HandleFunc(importRoute.pattern(), s.api(s.importNumber))
	s.mux.HandleFunc(getAssistantRoute.pattern(), s.api(s.getAssistant))
	s.mux.HandleFunc(patchAssistantRoute.pattern(), s.api(s.patchAssistant))

	s.mux.HandleFunc("GET /_emulator/counts", s.getCounts)
	s.mux.HandleFunc("POST /_emulator/counts/reset", s.resetCounts)
	s.mux.HandleFunc("GET /_emulator/numbers", s.getNumbers)
	s.mux.HandleFunc("GET /_emulator/assistants", s.getAssistants)
	s.mux.HandleFunc("POST /_emulator/assistants", s.addAdminAssistant)
	s.mux.HandleFunc("PATCH /_emulator/assistants/{id}", s.patchAdminAssistant)
	s.mux.HandleFunc("DELETE /_emulator/assistants/{id}", s.removeAdminAssistant)
	s.mux.HandleFunc("POST /_emulator/numbers", s.addNumber)
	s.mux.HandleFunc("PATCH /_emulator/numbers/{id}", s.patchNumber)
	s.mux.HandleFunc("DELETE /_emulator/numbers/{id}", s.removeNumber)
	s.mux.HandleFunc("GET /_emulator/faults", s.getFaults)
	s.mux.HandleFunc("POST /_emulator/faults", s.postFault)
	s.mux.HandleFunc("DELETE /_emulator/faults", s.deleteFaults)
	s.mux.HandleFunc("GET /_emulator/health", health)
	s.mux.HandleFunc("/", s.noRoute)
}

// ServeHTTP answers an API or admin request; see the package documentation
// for the steps an API request goes through.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}
