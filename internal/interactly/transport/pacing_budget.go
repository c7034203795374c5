package transport

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// budget is what an API's rate-limit headers announce, for APIs that send
// them: the IETF httpapi draft's RateLimit-Limit, RateLimit-Remaining,
// RateLimit-Reset (seconds) and RateLimit-Policy ("100;w=60"), or the
// X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (seconds,
// or a Unix time as GitHub sends it) that many APIs send instead.
//
// What it announces decides when an attempt may go, in this order:
//   - the gate: when the budget is spent (the remaining count, less what
//     was sent after the answer that told it) and the reset is gateAfter
//     or more away, nothing goes before the reset;
//   - the window: no more than announcedShare of the limit go within any
//     window (the policy's w, else the longest reset seen, in whole
//     seconds), counting the client's own sends. Whatever the limiter
//     counts, a fixed window or a sliding one, this never exceeds it;
//   - the budget in hand: while the remaining count is not spent, an
//     attempt goes at once, up to inHandPart of it before the next answer.
//     So a fresh window's budget, or the tokens a bucket saved up, are used
//     rather than spread thin, and the answers show another process
//     spending the same budget before both have spent it twice over;
//   - the pace: once it is spent and the reset is near, attempts go evenly
//     at announcedShare of the limit over its window, the rate a token
//     bucket refills at and at which a window's slots come free.
//
// While other processes are seen spending the key (share,
// pacing_share.go), there is no budget in hand, and the window and the pace
// are this process's part of the limit.
//
// Reset counts whole seconds, so it may announce a reset up to a second
// late. A reset within the next second is as near as the header can say,
// and under a limit of a second's window the budget comes back request by
// request (a sliding window, a token bucket) or at a boundary it does not
// place: the window and the pace cover those, and the gate closes only for
// a reset at least gateAfter off. A fixed window places its boundary
// itself, though: its remaining count jumps back up there, at the same
// phase window after window. Once two jumps in a row fell on one phase, the
// gate closes a spent fixed window (counting what the others, when there
// are any, spend meanwhile) until the boundary the jumps place.
type budget struct {
	known     bool
	limit     int           // requests per window, 0 when not announced
	window    time.Duration // the policy's window, or the longest reset seen
	policy    bool          // whether window came from RateLimit-Policy
	remaining int           // as the freshest answer said
	spent     int           // attempts let through after the freshest answer's was sent
	freshest  time.Time     // when the attempt whose answer set remaining was sent
	resetAt   time.Time
	resetIn   time.Duration // as the freshest answer said
	sends     []time.Time   // the client's own sends within the last two windows, oldest first
	deepest   int           // the most the key was seen to allow at once: the highest remaining count plus the request that answer counted
	share     share         // this process's part when others spend the key too
	// A fixed window's boundary, as far as the answers show it: the send
	// time of the latest answer whose remaining count jumped back up, and
	// how many such jumps in a row fell on the same phase of the window.
	boundary   time.Time
	boundaries int
	othersRate float64 // requests a second others were last seen spending of the key, at least
	// What the key had spent before this process (see weighBefore).
	firstSend  time.Time
	before     int       // the first weighed answer's deficit, at most beforePart of the limit
	beforeSeen bool      // whether an answer was weighed
	othersNow  bool      // whether a deficit showed others spending the key since this process started
	refusedAt  time.Time // when the latest 429 was heard
}

// boundaryJitter is how far, as a part of the window, the jumps of a fixed
// window may fall from each other's phase: the jump is seen at the first
// answer after it, which is late by up to one answer's spacing.
const boundaryJitter = 0.25

// sawReset records that the answer to the attempt sent at sentAt counted a
// budget come back at once: a jump of more than half the limit.
func (b *budget) sawReset(sentAt time.Time) {
	if !b.boundary.IsZero() {
		jitter := time.Duration(boundaryJitter * float64(b.window))
		d := sentAt.Sub(b.boundary) % b.window
		switch {
		case d <= jitter:
			// As late as the others or later: the earliest is the
			// closest to the boundary.
			b.boundaries++
			return
		case b.window-d <= jitter:
			b.boundaries++
			b.boundary = sentAt
			return
		}
	}
	b.boundaries = 1
	b.boundary = sentAt
}

// fixedWindow reports whether the budget comes back at once at boundaries
// a window apart: two jumps in a row on the same phase. A sliding window or
// a bucket jumps at most once, when a burst leaves it.
func (b *budget) fixedWindow() bool { return b.boundaries >= 2 }

// windowEnd is the first boundary of a fixed window after at.
func (b *budget) windowEnd(at time.Time) time.Time {
	windows := int64(at.Sub(b.boundary)/b.window) + 1
	if at.Before(b.boundary) {
		windows = 0
	}
	return b.boundary.Add(time.Duration(windows) * b.window)
}

// gateAfter is the shortest announced reset the gate waits for. Reset is
// in whole seconds, rounded up, and a Unix time is up to a second later
// still: anything under two seconds may be a reset within the next second,
// as near as the headers can say.
const gateAfter = 2 * time.Second

// announcedShare is the share of the announced rate the client paces at:
// the margin absorbs the jitter between sending and arriving.
const announcedShare = 0.97

// observe reads an answer's rate-limit headers; sentAfter is how many
// attempts were let through after this one was sent. It reports the
// remaining count the answer announced, and whether it announced one.
func (b *budget) observe(now, sentAt time.Time, h http.Header, sentAfter int) (int, bool) {
	limit, remaining, reset, window, ok := parseRateLimitHeaders(h, now)
	if !ok {
		return 0, false
	}
	b.deepest = max(b.deepest, remaining+1)
	if window > 0 {
		b.window, b.policy = window, true
	} else if !b.policy {
		// Reset is in whole seconds, rounded one way or the other (a Unix
		// time rounded up is up to a second late): a window is at least a
		// second, and the fraction is the rounding, not the window.
		b.window = max(b.window, reset.Truncate(time.Second), time.Second)
	}
	if limit > 0 {
		b.limit = limit
	}
	if b.known && sentAt.Before(b.freshest) {
		return remaining, true // an older answer overtaken by a newer one
	}
	if b.known && b.limit > 0 && b.window > 0 && remaining-b.remaining > b.limit/2 {
		b.sawReset(sentAt)
	}
	b.known = true
	b.freshest = sentAt
	b.remaining = remaining
	b.spent = sentAfter
	b.resetAt = now.Add(reset)
	b.resetIn = reset
	return remaining, true
}

// weigh reads, from an answer at now to the attempt sent at sentAt that
// announced remaining, whether other processes spend the key and how much
// of it this one should (see share). refused is whether it was a 429;
// queued whether attempts wait for the pace.
func (b *budget) weigh(now, sentAt time.Time, remaining int, refused, queued bool) {
	if b.limit == 0 || b.window <= 0 {
		return
	}
	// Whatever the limiter's shape, a key spent by this process alone has
	// at least its capacity less this process's sends over a window. Sends
	// are counted from a tenth of a window more before the request was
	// sent up to now, so that late arrivals only make the estimate
	// cautious. The capacity is the limit, unless the budget was never seen
	// near it (a token bucket shallower than its rate).
	own := b.ownSince(sentAt.Add(-b.window - b.window/10))
	capacity := b.limit
	if float64(b.deepest) < 0.8*float64(b.limit) {
		capacity = b.deepest
	}
	deficit := capacity - own - remaining
	if refused && b.refusedAgain(now, sentAt) {
		// The count may not show the others: a token bucket refills
		// during the window, so a process sending at the limit's pace
		// sees no deficit while the others take the refill.
		deficit = max(deficit, 1)
		b.othersNow = true
	}
	b.othersRate = float64(max(deficit, 0)) / b.window.Seconds()
	if deficit > 0 {
		b.share.othersSeen(now, own, deficit)
	}
	b.weighBefore(sentAt, deficit)
	nearlySpent := refused || remaining <= max(1, int(lowShare*float64(b.limit)))
	ownRate := float64(b.ownSince(now.Add(-b.window))) / b.window.Seconds()
	roomy := !nearlySpent
	if b.fixedWindow() {
		// A fixed window's count falls all through the window, and is
		// nearly spent at the end of every window the key is used to
		// the full: what tells is whether it falls faster than the
		// limit's pace, which would spend it before the window ends, or
		// slower, which leaves room.
		left := b.windowEnd(sentAt).Sub(sentAt).Seconds() / b.window.Seconds()
		atPace := float64(b.limit) * left
		nearlySpent = nearlySpent || float64(remaining) < fixedLowPart*atPace
		roomy = !nearlySpent && float64(remaining) > atPace
	}
	b.share.answered(now, nearlySpent, roomy, b.window, ownRate, b.othersRate, queued)
}

// refusedAgain records a 429 heard at now for the attempt sent at sentAt and
// reports whether it says others spend the key. Alone, a process is seldom
// refused by an API that announces its budget (it spends at most its pace
// and a part of what is in hand): now and then once, when jitter puts a
// few of its requests together, and the attempts then on their way with
// it. Refused again for an attempt sent after that refusal was heard, and
// within refusedWithin, it shares the key with others.
func (b *budget) refusedAgain(now, sentAt time.Time) bool {
	again := !b.refusedAt.IsZero() && sentAt.After(b.refusedAt) && now.Sub(b.refusedAt) < refusedWithin*b.window
	b.refusedAt = now
	return again
}

// refusedWithin is how many windows after a refusal another one says others
// spend the key.
const refusedWithin = 2

// weighBefore tells others that spend the key now from what was spent before
// this process started: the plan of the same terraform apply, which is a
// process of its own, or an earlier run. Those requests count in the key's
// remaining count for up to a window after this process's first send, and
// show as others. A deficit above the first answer's, or any deficit after
// that window, shows others now; if, a window on, none did, the others seen
// were only what came before, and the process is alone again at once
// rather than after shareMemory.
func (b *budget) weighBefore(sentAt time.Time, deficit int) {
	if !b.beforeSeen {
		b.before, b.beforeSeen = min(max(deficit, 0), int(beforePart*float64(b.limit))), true
	}
	firstWindow := sentAt.Before(b.firstSend.Add(b.window))
	if deficit > b.before || (!firstWindow && deficit > 0) {
		b.othersNow = true
	}
	if !firstWindow && !b.othersNow {
		b.share.forget()
	}
}

// beforePart is the most of the limit that the first answer's deficit is
// taken to have been spent before this process: a few requests, such as a
// plan's. Processes that start together spend more than that of each
// other's budget by their first answers.
const beforePart = 0.1

// fixedLowPart is the part of what the limit's pace would leave of a fixed
// window under which its remaining count says the key is nearly spent.
const fixedLowPart = 0.7

// ownSince counts the client's sends after from.
func (b *budget) ownSince(from time.Time) int {
	n := 0
	for i := len(b.sends) - 1; i >= 0 && b.sends[i].After(from); i-- {
		n++
	}
	return n
}

// spend records an attempt let through at now.
func (b *budget) spend(now time.Time) {
	if b.known {
		b.spent++
	}
	if b.firstSend.IsZero() {
		b.firstSend = now
	}
	// Kept before any answer too: the first answers count the requests
	// sent before them.
	keep := 2 * max(b.window, time.Second)
	cut := 0
	for cut < len(b.sends) && now.Sub(b.sends[cut]) >= keep {
		cut++
	}
	b.sends = append(b.sends[cut:], now)
}

// windowFullUntil reports whether the client has sent its share of the
// limit within the last window and, if so, until when.
func (b *budget) windowFullUntil(now time.Time) (time.Time, bool) {
	if !b.known || b.limit == 0 || b.window <= 0 {
		return time.Time{}, false
	}
	inWindow := b.ownSince(now.Add(-b.window))
	share := max(1, int(announcedShare*b.share.of(now)*float64(b.limit)))
	if inWindow < share {
		return time.Time{}, false
	}
	return b.sends[len(b.sends)-share].Add(b.window), true
}

// inHand reports whether the announced budget has requests left that the
// client has not sent yet.
//
// Of what the freshest answer said is left, it spends at most
// inHandPart before more answers come: another process may spend the same
// budget at the same time, and the answers show whether one does before
// both have spent it twice over. (Spending at most that part of a
// remaining count above zero leaves some unsent.)
func (b *budget) inHand(now time.Time) bool {
	return b.known && b.remaining > 0 && b.spent < max(1, int(inHandPart*float64(b.remaining))) && !b.share.shared(now)
}

// inHandPart is the part of the budget in hand spent before the next
// answer.
const inHandPart = 0.25

// closedUntil reports whether the announced budget is spent and, if so,
// until when.
func (b *budget) closedUntil(now time.Time) (time.Time, bool) {
	if b.known && b.fixedWindow() && float64(b.remaining-b.spent) <= b.othersRate*now.Sub(b.freshest).Seconds() {
		// A fixed window gives nothing back before its end, whatever
		// Reset says in whole seconds: spent (by this process's sends
		// since the freshest answer and, at the rate they were last
		// seen spending, the others'), it stays so until the window
		// that answer counted in ends.
		end := b.windowEnd(b.freshest)
		return end, now.Before(end)
	}
	if !b.known || b.remaining-b.spent > 0 || !now.Before(b.resetAt) || b.resetIn < gateAfter {
		return time.Time{}, false
	}
	return b.resetAt, true
}

// rate is the announced pace in requests per second, 0 when none.
func (b *budget) rate() float64 {
	if !b.known || b.limit == 0 || b.window <= 0 {
		return 0
	}
	return announcedShare * float64(b.limit) / b.window.Seconds()
}

// pace is the rate this process spends the announced budget at, its part
// of the announced rate; 0 when none is announced.
func (b *budget) pace(now time.Time) float64 {
	return b.rate() * b.share.of(now)
}

// parseRateLimitHeaders reads the IETF draft's headers, else the X- ones.
// ok is false unless at least Remaining and Reset were there and valid;
// window is 0 when no policy named it.
func parseRateLimitHeaders(h http.Header, now time.Time) (limit, remaining int, reset, window time.Duration, ok bool) {
	for _, prefix := range []string{"RateLimit-", "X-RateLimit-"} {
		rem, err := strconv.Atoi(strings.TrimSpace(h.Get(prefix + "Remaining")))
		if err != nil || rem < 0 {
			continue
		}
		secs, err := strconv.ParseInt(strings.TrimSpace(h.Get(prefix+"Reset")), 10, 64)
		if err != nil || secs < 0 {
			continue
		}
		reset = time.Duration(secs) * time.Second
		// A Unix time rather than a count of seconds (no window lasts
		// years).
		if secs > 100_000_000 {
			reset = max(0, time.Unix(secs, 0).Sub(now))
		}
		reset = min(reset, MaxRetryAfter)
		limit, _ = strconv.Atoi(strings.TrimSpace(h.Get(prefix + "Limit")))
		if prefix == "RateLimit-" {
			window = policyWindow(h.Get("RateLimit-Policy"))
		}
		return max(limit, 0), rem, reset, window, true
	}
	return 0, 0, 0, 0, false
}

// policyWindow reads the window of the first policy of a RateLimit-Policy
// header such as "100;w=60, 1000;w=3600"; 0 when there is none.
func policyWindow(policy string) time.Duration {
	first, _, _ := strings.Cut(policy, ",")
	for param := range strings.SplitSeq(first, ";") {
		name, value, ok := strings.Cut(strings.TrimSpace(param), "=")
		if !ok || name != "w" {
			continue
		}
		if secs, err := strconv.Atoi(value); err == nil && secs > 0 {
			return time.Duration(secs) * time.Second
		}
	}
	return 0
}
