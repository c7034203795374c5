package emulator

import (
	"strings"
	"testing"
	"time"
)

func TestParseFault(t *testing.T) {
	t.Parallel()
	tests := []struct {
		spec string
		want Fault
	}{
		{"PUT /assistants/v1/numbers/{id} status=503 times=3 retry-after=1",
			Fault{Method: "PUT", Route: "/assistants/v1/numbers/{id}", Status: 503, Times: 3, RetryAfter: "1"}},
		{"* * fail-rate=0.1 status=503 seed=7", Fault{Status: 503, FailRate: 0.1, Seed: 7}},
		{"GET /assistants/v1/numbers latency=200ms", Fault{Method: "GET", Route: "/assistants/v1/numbers", Latency: 200 * time.Millisecond}},
		{"post /assistants/v1/numbers/purchase hang", Fault{Method: "POST", Route: "/assistants/v1/numbers/purchase", Hang: true}},
		{"* /assistants/v1/numbers/{provider} drop times=1", Fault{Method: "", Route: "/assistants/v1/numbers/{provider}", Drop: true, Times: 1}},
		{"GET * malformed latency=1s", Fault{Method: "GET", Malformed: true, Latency: time.Second}},
		{"  *\t*   status=429  ", Fault{Status: 429}},
		{"GET /assistants/v1/numbers cut-body times=2", Fault{Method: "GET", Route: "/assistants/v1/numbers", CutBody: true, Times: 2}},
		{"PUT * stall-body", Fault{Method: "PUT", StallBody: true}},
		{"PUT /assistants/v1/numbers/{id} status=502 apply", Fault{Method: "PUT", Route: "/assistants/v1/numbers/{id}", Status: 502, Apply: true}},
		{"* * apply drop times=1", Fault{Drop: true, Apply: true, Times: 1}},
		{`* * status=503 retry-after="Wed, 21 Oct 2026 07:28:00 GMT"`, Fault{Status: 503, RetryAfter: "Wed, 21 Oct 2026 07:28:00 GMT"}},
	}
	for _, tt := range tests {
		got, err := ParseFault(tt.spec)
		if err != nil {
			t.Errorf("ParseFault(%q): %v", tt.spec, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseFault(%q) = %+v, want %+v", tt.spec, got, tt.want)
		}
	}
}

func TestParseFaultErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ spec, message string }{
		{"", "too few words"},
		{"hang", "too few words"},
		{"* * cut-body stall-body", "choose one of"},
		{"PUT /assistants/v1/numbers/{id}", "too few words"},
		{"DELETE /assistants/v1/numbers/{id} status=500", "no API route matches DELETE /assistants/v1/numbers/{id}; the routes are GET /assistants/v1/numbers, PUT"},
		{"GET /assistants/v1/numbers/{id} status=500", "no API route matches GET /assistants/v1/numbers/{id}"},
		{"* /assistants/v1/numbers/abc status=500", "no API route matches * /assistants/v1/numbers/abc"},
		{"* * status=200", "option status=200: want an error status, 400 to 599"},
		{"* * status=five", "option status=five: want a whole number"},
		{"* * status=503 times=0", "option times=0: want at least 1"},
		{"* * status=503 retry-after=soon", "option retry-after=soon: want whole seconds or an HTTP date"},
		{"* * status=503 retry-after=-1", "want whole seconds or an HTTP date"},
		{"* * latency=fast", "option latency=fast: want a positive duration, e.g. 200ms"},
		{"* * latency=-1s", "want a positive duration"},
		{"* * status=503 fail-rate=0", "option fail-rate=0: want a fraction above 0, at most 1"},
		{"* * status=503 fail-rate=1.5", "want a fraction above 0, at most 1"},
		{"* * status=503 fail-rate=often", "option fail-rate=often: want a fraction above 0, at most 1"},
		{"* * status=503 fail-rate=0.5 seed=x", "option seed=x: want a whole number"},
		{"* * hang=true", "option hang takes no value"},
		{"* * apply", "apply needs status, hang, drop, malformed, cut-body or stall-body"},
		{"* * apply latency=1s", "apply needs status"},
		{"* * status", `unknown option "status"`},
		{"* * flaky=1", `unknown option "flaky"`},
		{"* * status=500 status=503", "option status given twice"},
		{"* * status=503 hang", "choose one of status, hang, drop, malformed, cut-body and stall-body"},
		{"* * drop malformed", "choose one of status, hang, drop, malformed, cut-body and stall-body"},
		{"* * times=2", "the fault does nothing"},
		{"* * hang retry-after=1", "retry-after needs status"},
		{"* * status=503 seed=7", "seed needs fail-rate"},
		{`* * status=503 retry-after="Wed, 21`, "unterminated quote"},
	}
	for _, tt := range tests {
		_, err := ParseFault(tt.spec)
		if err == nil {
			t.Errorf("ParseFault(%q) succeeded, want an error containing %q", tt.spec, tt.message)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tt.message) {
			t.Errorf("ParseFault(%q) error %q, want it to contain %q", tt.spec, msg, tt.message)
		}
		// Every error quotes the spec and shows the syntax.
		if !strings.Contains(msg, "want \"METHOD ROUTE OPTION...\"") {
			t.Errorf("ParseFault(%q) error %q does not show the syntax", tt.spec, msg)
		}
	}
}

// Every route ParseFault accepts is one the server answers, and the other
// way round.
func TestParseFaultRoutesAreServed(t *testing.T) {
	t.Parallel()
	srv := New(Options{APIKey: testKey})
	for _, rt := range apiRoutes {
		f, err := ParseFault(rt.method + " " + rt.path + " status=500")
		if err != nil {
			t.Errorf("%s: %v", rt.pattern(), err)
		}
		path := strings.NewReplacer("{id}", "x", "{provider}", "twilio").Replace(f.Route)
		req := httptestRequest(f.Method, path)
		if _, pattern := srv.mux.Handler(req); pattern != rt.pattern() {
			t.Errorf("%s %s is served by %q, want %q", f.Method, path, pattern, rt.pattern())
		}
	}
}
