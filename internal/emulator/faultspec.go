package emulator

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// faultSyntax is shown with every ParseFault error.
const faultSyntax = `want "METHOD ROUTE OPTION...", e.g. "PUT /assistants/v1/numbers/{id} status=503 times=3 retry-after=1"; ` +
	`METHOD and ROUTE may be *; options: status=N times=N retry-after=SECONDS|"HTTP-DATE" latency=DURATION ` +
	`hang drop malformed cut-body stall-body apply fail-rate=FRACTION seed=N`

// ParseFault parses the command-line form of a Fault: a method, a route
// pattern, and options, separated by spaces:
//
//	PUT /assistants/v1/numbers/{id} status=503 times=3 retry-after=1
//	* * fail-rate=0.1 status=503 seed=7
//	GET /assistants/v1/numbers latency=200ms
//	POST /assistants/v1/numbers/purchase hang
//	PUT /assistants/v1/numbers/{id} status=502 apply
//
// "*" matches any method or route. Double quotes group words, for an HTTP
// date: retry-after="Wed, 21 Oct 2026 07:28:00 GMT". The method and route must name an API
// route, so that a typo fails here instead of never matching. A fault must
// do something (status, latency, hang, drop, malformed, cut-body or
// stall-body), and may do at most one of those but latency.
func ParseFault(spec string) (Fault, error) {
	f, err := parseFault(spec)
	if err != nil {
		return Fault{}, fmt.Errorf("fault %q: %w (%s)", spec, err, faultSyntax)
	}
	return f, nil
}

func parseFault(spec string) (Fault, error) {
	fields, err := splitSpec(spec)
	if err != nil {
		return Fault{}, err
	}
	if len(fields) < 3 {
		return Fault{}, errors.New("too few words")
	}
	f := Fault{Method: strings.ToUpper(fields[0]), Route: fields[1]}
	if f.Method == "*" {
		f.Method = ""
	}
	if f.Route == "*" {
		f.Route = ""
	}
	if err := checkFaultRoute(f.Method, f.Route); err != nil {
		return Fault{}, err
	}
	seen := make(map[string]bool)
	for _, opt := range fields[2:] {
		key, value, hasValue := strings.Cut(opt, "=")
		if seen[key] {
			return Fault{}, fmt.Errorf("option %s given twice", key)
		}
		seen[key] = true
		if err := f.setOption(key, value, hasValue); err != nil {
			return Fault{}, err
		}
	}
	return f, f.check(seen)
}

// splitSpec splits a spec into words at spaces, except inside double
// quotes, which an HTTP date needs: retry-after="Wed, 21 Oct 2026 07:28:00 GMT".
func splitSpec(spec string) ([]string, error) {
	var words []string
	var word strings.Builder
	inWord, quoted := false, false
	for _, c := range spec {
		switch {
		case c == '"':
			quoted, inWord = !quoted, true
		case !quoted && (c == ' ' || c == '\t'):
			if inWord {
				words = append(words, word.String())
				word.Reset()
			}
			inWord = false
		default:
			word.WriteRune(c)
			inWord = true
		}
	}
	if quoted {
		return nil, errors.New("unterminated quote")
	}
	if inWord {
		words = append(words, word.String())
	}
	return words, nil
}

// checkFaultRoute checks that some API route matches method and route.
func checkFaultRoute(method, route string) error {
	for _, rt := range apiRoutes {
		if (method == "" || method == rt.method) && (route == "" || route == rt.path) {
			return nil
		}
	}
	return fmt.Errorf("no API route matches %s %s; the routes are %s", orStar(method), orStar(route), routePatterns())
}

func orStar(s string) string {
	if s == "" {
		return "*"
	}
	return s
}

// setOption sets one option of the spec.
func (f *Fault) setOption(key, value string, hasValue bool) error {
	flags := map[string]*bool{
		"hang": &f.Hang, "drop": &f.Drop, "malformed": &f.Malformed, "cut-body": &f.CutBody, "stall-body": &f.StallBody,
		"apply": &f.Apply,
	}
	if flag, ok := flags[key]; ok {
		if hasValue {
			return fmt.Errorf("option %s takes no value", key)
		}
		*flag = true
		return nil
	}
	if !hasValue {
		return fmt.Errorf("unknown option %q", key)
	}
	var err error
	switch key {
	case "status":
		f.Status, err = atoi(value)
		if err == nil && (f.Status < 400 || f.Status > 599) {
			err = errors.New("want an error status, 400 to 599")
		}
	case "times":
		f.Times, err = atoi(value)
		if err == nil && f.Times < 1 {
			err = errors.New("want at least 1 (leave times out to fault every request)")
		}
	case "retry-after":
		f.RetryAfter, err = value, checkRetryAfter(value)
	case "latency":
		f.Latency, err = time.ParseDuration(value)
		if err != nil || f.Latency <= 0 {
			err = errors.New("want a positive duration, e.g. 200ms")
		}
	case "fail-rate":
		f.FailRate, err = strconv.ParseFloat(value, 64)
		if err != nil || !(f.FailRate > 0 && f.FailRate <= 1) {
			err = errors.New("want a fraction above 0, at most 1")
		}
	case "seed":
		if f.Seed, err = strconv.ParseInt(value, 10, 64); err != nil {
			err = errors.New("want a whole number")
		}
	default:
		return fmt.Errorf("unknown option %q", key)
	}
	if err != nil {
		return fmt.Errorf("option %s=%s: %w", key, value, err)
	}
	return nil
}

// atoi is strconv.Atoi with an error message for people.
func atoi(value string) (int, error) {
	n, err := strconv.Atoi(value)
	if err != nil {
		return 0, errors.New("want a whole number")
	}
	return n, nil
}

// checkRetryAfter accepts both forms of Retry-After: delay seconds or an
// HTTP date.
func checkRetryAfter(value string) error {
	if n, err := strconv.Atoi(value); err == nil && n >= 0 {
		return nil
	}
	if _, err := http.ParseTime(value); err == nil {
		return nil
	}
	return errors.New("want whole seconds or an HTTP date")
}

// check rejects specs whose options do nothing or contradict each other.
func (f Fault) check(seen map[string]bool) error {
	effects := 0
	for _, on := range []bool{f.Status != 0, f.Hang, f.Drop, f.Malformed, f.CutBody, f.StallBody} {
		if on {
			effects++
		}
	}
	switch {
	case effects > 1:
		return errors.New("choose one of status, hang, drop, malformed, cut-body and stall-body")
	case f.Apply && effects == 0:
		return errors.New("apply needs status, hang, drop, malformed, cut-body or stall-body: it applies the request, then answers as they say")
	case effects == 0 && f.Latency == 0:
		return errors.New("the fault does nothing: give status, latency, hang, drop, malformed, cut-body or stall-body")
	case seen["retry-after"] && f.Status == 0:
		return errors.New("retry-after needs status")
	case seen["seed"] && !seen["fail-rate"]:
		return errors.New("seed needs fail-rate")
	}
	return nil
}
