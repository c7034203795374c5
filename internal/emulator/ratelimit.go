package emulator

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// verdict is what a rate limiter decided about one request, and what its
// answer may tell the client.
type verdict struct {
	accepted   bool
	remaining  int           // requests it would accept right after this one
	reset      time.Duration // until the quota grows again (the window ends, the oldest leaves, the bucket is full)
	retryAfter time.Duration // for a refused request: until one would be accepted
}

// limiter decides, request by request, whether the rate limit allows it.
// Refused requests never use up the quota.
type limiter interface {
	admit(now time.Time) verdict
}

// RateLimiter is the emulator's rate limit: a limiter of some shape and how
// its answers speak of it. The server holds one; simulations on a clock of
// their own use one directly (Admit).
type RateLimiter struct {
	rate   float64
	shape  RateLimitShape
	quota  int           // requests per window, as announced
	window time.Duration // the window the quota is counted over, as announced
	limiter
}

// NewRateLimiter returns the limit of perSecond requests a second in this
// shape, or nil for no limit. Windows are one second, or 1/perSecond when
// that is longer, so a rate under 1 still allows one request per window;
// a fractional rate above 1 is rounded down to whole requests a second.
func NewRateLimiter(perSecond float64, shape RateLimitShape) *RateLimiter {
	if perSecond <= 0 {
		return nil
	}
	window := time.Second
	quota := int(perSecond)
	if perSecond < 1 {
		window = time.Duration(float64(time.Second) / perSecond)
		quota = 1
	}
	rl := &RateLimiter{rate: perSecond, shape: shape, quota: quota, window: window}
	switch shape.kind() {
	case FixedWindow:
		rl.limiter = &fixedWindow{quota: quota, window: window}
	case SlidingWindow:
		rl.limiter = &slidingWindow{quota: quota, window: window}
	default:
		burst := shape.Burst
		if burst == 0 {
			// A second's worth keeps the limit meaningful over short
			// windows while letting a client's first few parallel calls
			// through.
			burst = max(1, int(perSecond))
		}
		rl.limiter = &tokenBucket{bucket: rate.NewLimiter(rate.Limit(perSecond), burst)}
	}
	return rl
}

// Admit decides on a request that arrives at now, and writes the headers
// its answer carries (rate-limit headers, Retry-After) into h. It reports
// whether the request is accepted; a nil RateLimiter accepts everything.
func (rl *RateLimiter) Admit(now time.Time, h http.Header) bool {
	if rl == nil {
		return true
	}
	v := rl.admit(now)
	rl.writeHeaders(h, v, now)
	return v.accepted
}

// writeHeaders sets the shape's rate-limit headers and, on a refusal, its
// Retry-After.
func (rl *RateLimiter) writeHeaders(h http.Header, v verdict, now time.Time) {
	if rl.shape.ietf() {
		h.Set("RateLimit-Limit", strconv.Itoa(rl.quota))
		h.Set("RateLimit-Remaining", strconv.Itoa(v.remaining))
		h.Set("RateLimit-Reset", strconv.Itoa(ceilSeconds(v.reset)))
		h.Set("RateLimit-Policy", strconv.Itoa(rl.quota)+";w="+strconv.Itoa(ceilSeconds(rl.window)))
	}
	if rl.shape.x() {
		h.Set("X-RateLimit-Limit", strconv.Itoa(rl.quota))
		h.Set("X-RateLimit-Remaining", strconv.Itoa(v.remaining))
		h.Set("X-RateLimit-Reset", strconv.FormatInt(ceilUnix(now.Add(v.reset)), 10))
	}
	if v.accepted {
		return
	}
	switch rl.shape.RetryAfter {
	case RetryAfterNone:
	case RetryAfterDate:
		// Rounded up: a client that waits until the date finds the
		// quota back.
		h.Set("Retry-After", time.Unix(ceilUnix(now.Add(v.retryAfter)), 0).UTC().Format(http.TimeFormat))
	default:
		h.Set("Retry-After", strconv.Itoa(max(1, ceilSeconds(v.retryAfter))))
	}
}

func ceilSeconds(d time.Duration) int { return int(math.Ceil(d.Seconds())) }

func ceilUnix(t time.Time) int64 {
	if t.Nanosecond() == 0 {
		return t.Unix()
	}
	return t.Unix() + 1
}

// tokenBucket is golang.org/x/time/rate's limiter: it refills continuously.
type tokenBucket struct {
	bucket *rate.Limiter
}

func (b *tokenBucket) admit(now time.Time) verdict {
	accepted := b.bucket.AllowN(now, 1)
	tokens := b.bucket.TokensAt(now)
	perToken := time.Duration(float64(time.Second) / float64(b.bucket.Limit()))
	v := verdict{
		accepted:  accepted,
		remaining: max(0, int(tokens)),
		reset:     time.Duration((float64(b.bucket.Burst()) - tokens) * float64(perToken)),
	}
	if !accepted {
		v.retryAfter = time.Duration((1 - tokens) * float64(perToken))
	}
	return v
}

// fixedWindow counts the accepted requests of each window aligned on
// multiples of its length since the Unix epoch.
type fixedWindow struct {
	quota  int
	window time.Duration

	mu       sync.Mutex
	start    time.Time // of the current window
	accepted int       // in the current window
}

func (f *fixedWindow) admit(now time.Time) verdict {
	f.mu.Lock()
	defer f.mu.Unlock()
	if start := now.Truncate(f.window); !start.Equal(f.start) {
		f.start, f.accepted = start, 0
	}
	untilNext := f.start.Add(f.window).Sub(now)
	if f.accepted >= f.quota {
		return verdict{reset: untilNext, retryAfter: untilNext}
	}
	f.accepted++
	return verdict{accepted: true, remaining: f.quota - f.accepted, reset: untilNext}
}

// slidingWindow accepts a request when fewer than quota requests were
// accepted in the window before it.
type slidingWindow struct {
	quota  int
	window time.Duration

	mu       sync.Mutex
	accepted []time.Time // in the window, oldest first
}

func (s *slidingWindow) admit(now time.Time) verdict {
	s.mu.Lock()
	defer s.mu.Unlock()
	cut := 0
	for cut < len(s.accepted) && now.Sub(s.accepted[cut]) >= s.window {
		cut++
	}
	s.accepted = s.accepted[cut:]
	if len(s.accepted) >= s.quota {
		untilOldestLeaves := s.accepted[0].Add(s.window).Sub(now)
		return verdict{reset: untilOldestLeaves, retryAfter: untilOldestLeaves}
	}
	s.accepted = append(s.accepted, now)
	return verdict{accepted: true, remaining: s.quota - len(s.accepted), reset: s.accepted[0].Add(s.window).Sub(now)}
}
