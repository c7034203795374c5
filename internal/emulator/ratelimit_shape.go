package emulator

import (
	"fmt"
	"strconv"
	"strings"
)

// RateLimitShape is how the emulator's rate limit counts and what its answers
// tell the client. APIs differ in all of it, and a client paced against one
// limiter only would be tuned to it, so the benchmark and the tests run under
// each shape. The zero value is the limiter the emulator always had: a token
// bucket as deep as a second's requests, Retry-After in seconds, no
// rate-limit headers.
type RateLimitShape struct {
	Kind RateLimitKind
	// Burst is the token bucket's depth, the most requests it accepts at
	// once; 0 means a second's worth (the rate, at least 1). Only for
	// TokenBucket.
	Burst      int
	Headers    RateLimitHeaders
	RetryAfter RetryAfterForm
}

// RateLimitKind is how the limit counts requests.
type RateLimitKind string

const (
	// TokenBucket refills one request every 1/rate seconds, up to Burst.
	TokenBucket RateLimitKind = "token-bucket"
	// FixedWindow accepts the rate's requests in each window of one second
	// aligned on whole seconds, and refuses the rest until the next window.
	FixedWindow RateLimitKind = "fixed-window"
	// SlidingWindow accepts a request when fewer than the rate's requests
	// were accepted in the second before it (refused ones do not count).
	SlidingWindow RateLimitKind = "sliding-window"
)

// RateLimitHeaders is which rate-limit headers every API answer carries.
type RateLimitHeaders string

const (
	// NoHeaders: the client learns of the limit only from 429s.
	NoHeaders RateLimitHeaders = "none"
	// IETFHeaders: RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset
	// (seconds from now) and RateLimit-Policy ("50;w=1"), as the IETF
	// httpapi draft names them.
	IETFHeaders RateLimitHeaders = "ietf"
	// XHeaders: X-RateLimit-Limit, X-RateLimit-Remaining and
	// X-RateLimit-Reset as a Unix time in seconds, as GitHub sends them.
	XHeaders RateLimitHeaders = "x"
	// BothHeaders sends both sets.
	BothHeaders RateLimitHeaders = "both"
)

// RetryAfterForm is how a 429 says when to come back.
type RetryAfterForm string

const (
	RetryAfterSeconds RetryAfterForm = "seconds" // whole seconds, at least 1
	RetryAfterDate    RetryAfterForm = "date"    // an HTTP date, rounded up to the second
	RetryAfterNone    RetryAfterForm = "none"    // no Retry-After at all
)

// ParseRateLimitShape reads a shape written as the kind followed by
// comma-separated options, such as "token-bucket,burst=10,headers=ietf" or
// "fixed-window,retry-after=date". "" is the zero RateLimitShape.
func ParseRateLimitShape(spec string) (RateLimitShape, error) {
	var s RateLimitShape
	if strings.TrimSpace(spec) == "" {
		return s, nil
	}
	kind, rest, _ := strings.Cut(spec, ",")
	switch k := RateLimitKind(strings.TrimSpace(kind)); k {
	case TokenBucket, FixedWindow, SlidingWindow:
		s.Kind = k
	default:
		return s, fmt.Errorf("rate-limit shape %q: unknown kind %q; the kinds are %s, %s, %s", spec, kind, TokenBucket, FixedWindow, SlidingWindow)
	}
	if rest == "" {
		return s, nil
	}
	for opt := range strings.SplitSeq(rest, ",") {
		name, value, _ := strings.Cut(strings.TrimSpace(opt), "=")
		switch name {
		case "burst":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 || s.Kind != TokenBucket {
				return s, fmt.Errorf("rate-limit shape %q: burst=%s: want a whole number of requests, 1 or more, on a %s", spec, value, TokenBucket)
			}
			s.Burst = n
		case "headers":
			switch h := RateLimitHeaders(value); h {
			case NoHeaders, IETFHeaders, XHeaders, BothHeaders:
				s.Headers = h
			default:
				return s, fmt.Errorf("rate-limit shape %q: headers=%s: want none, ietf, x or both", spec, value)
			}
		case "retry-after":
			switch f := RetryAfterForm(value); f {
			case RetryAfterSeconds, RetryAfterDate, RetryAfterNone:
				s.RetryAfter = f
			default:
				return s, fmt.Errorf("rate-limit shape %q: retry-after=%s: want seconds, date or none", spec, value)
			}
		default:
			return s, fmt.Errorf("rate-limit shape %q: unknown option %q; the options are burst=N, headers=none|ietf|x|both, retry-after=seconds|date|none", spec, opt)
		}
	}
	return s, nil
}

// String writes the shape as ParseRateLimitShape reads it, leaving out
// what is the default.
func (s RateLimitShape) String() string {
	parts := []string{string(s.kind())}
	if s.Burst > 0 {
		parts = append(parts, fmt.Sprintf("burst=%d", s.Burst))
	}
	if s.Headers != "" && s.Headers != NoHeaders {
		parts = append(parts, "headers="+string(s.Headers))
	}
	if s.RetryAfter != "" && s.RetryAfter != RetryAfterSeconds {
		parts = append(parts, "retry-after="+string(s.RetryAfter))
	}
	return strings.Join(parts, ",")
}

func (s RateLimitShape) kind() RateLimitKind {
	if s.Kind == "" {
		return TokenBucket
	}
	return s.Kind
}

func (s RateLimitShape) ietf() bool { return s.Headers == IETFHeaders || s.Headers == BothHeaders }
func (s RateLimitShape) x() bool    { return s.Headers == XHeaders || s.Headers == BothHeaders }
