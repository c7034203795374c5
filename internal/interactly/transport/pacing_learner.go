package transport

import (
	"math"
	"time"
)

// learner finds the rate an API accepts from its 429s alone, for APIs that
// announce no budget. It sends as fast as Terraform asks until the first
// refusal; from then on at a rate that
//   - drops, once per refusal episode, to holdFactor × the rate the API
//     accepted over the last second (or the rate sent, when lower). Under a
//     limit, the rate accepted is the limit whatever its shape (a fixed or
//     sliding window, a token bucket once its burst is spent), so the client
//     lands just under it. The refusals of requests sent before the drop, or
//     within dropSettle after it, answer the old rate and are not news; a
//     refusal soon after that says the drop was not enough, and the next
//     one goes to repeatFactor of the rate refused;
//   - grows with every accepted answer: fast (×e a second) while far below
//     the rate it last measured, or when that measurement is not to be
//     trusted; by probeGrowth of it a second just under it, so the client
//     spends most of its time there; and by beyondGrowth a second above it,
//     for the limit may have risen (another client of the key finished);
//     staleAfter above it without a refusal, or above it with no refusal
//     for trustFor, the ceiling is stale and the growth fast again.
//
// Growth needs demand: it happens only while attempts queue for the pace,
// so an idle spell does not build up a burst.
//
// The measurement is trusted only over a full second of sending: the first
// refusal often comes within a fraction of a second, when the accepted count
// is a token bucket's burst, not its rate, and before the answers to the
// requests sent with the refused one are in. Nor is it trusted when nothing
// waited for the pace within the last second: then the client sent what
// Terraform asked, a burst of it refused by a small bucket, and the measure
// is Terraform's pace, not the API's. The first drop, when untrusted, goes
// to holdFactor × what was sent over the last second rather than what was
// accepted: processes of one key that started together sent alike, while
// which of them got the burst's few accepted answers is chance, and a drop
// to those would set their shares apart from the start. Later untrusted
// drops go to what was accepted, so that a burst the API refused does not
// set the pace above its limit again. Until dropSettle has passed, the
// answers still coming in raise the rate to what they show accepted; the
// fast growth then climbs from there and the next refusal, a second later,
// measures properly.
//
// Several processes on one key (several Terraform runs in CI), none knowing
// the others, each learn the rate from their own 429s. A trusted measure
// under sharedBelow of the highest one this process took says others spend
// the key: it was accepted less though it asked as much. For sharedMemory
// after such a refusal the process shares the key as TCP flows share a
// link: each refusal cuts its rate by sharedFactor, deeper than holdFactor,
// and it grows by the same number of requests a second in every process,
// not by a part of its own rate, so that the processes' rates converge
// while their sum stays near the limit. That growth doubles every
// sharedDoubling without a refusal, so that a process whose others have
// finished climbs back to the limit within seconds.
//
// In the fake-clock simulation, a process that reaches the key while
// another already spends it stays behind: its first requests are refused
// before any is accepted, so it starts near minAdaptiveRate, while the
// other, measuring about the whole limit, sees nothing it would not see
// alone and keeps it. (The benchmark's runs reach the API together as a
// rule, and the few that started late there did not finish last.) That
// share is not taken back without contention, and each way of contending
// tried in the simulation cost more than it gave:
//   - a newcomer that sends at Terraform's pace until it has a full second
//     to measure evens the shares out, at up to nearly three times the
//     refusals a run;
//   - one that starts at a few requests a second rather than at
//     minAdaptiveRate hardly changes the shares;
//   - sends at random intervals around the pace (so that one process's
//     sends no longer fall into the gaps the other's leave) even out some
//     runs started apart and set apart runs started together.
//
// Runs that must finish together set max_requests_per_second, or need an
// API that announces its budget.
type learner struct {
	rate     float64 // requests per second; 0 until the first refusal
	ceiling  float64 // the rate last measured; 0 when not to be trusted
	lastDrop time.Time
	passedAt time.Time // when the rate rose past the ceiling; zero while under it
	peak     float64   // the highest ceiling measured
	sharedAt time.Time // when a refusal last showed others spending the key
}

// sharing reports whether a refusal showed others spending the key within
// sharedMemory of now.
func (l *learner) sharing(now time.Time) bool {
	return !l.sharedAt.IsZero() && now.Sub(l.sharedAt) < sharedMemory
}

const (
	holdFactor      = 0.95
	fastGrowth      = 1.0  // requests per second added per accepted answer: ×e a second
	probeGrowth     = 0.02 // of the ceiling, per second, just under it
	beyondGrowth    = 0.05 // of the rate, per second, above the ceiling
	farBelow        = 0.9  // of the ceiling: below it, grow fast
	minAdaptiveRate = 1.0  // requests per second; the API may allow fewer, and Retry-After still applies
	// dropSettle is how long after a drop refusals are still taken as
	// answers to the old rate: the API's window (a second, as a rule) must
	// pass before it can tell the new rate from the old one.
	dropSettle = time.Second
	// staleAfter is how long the rate may stay above the ceiling without
	// a refusal before the ceiling is taken as stale. Long enough for a
	// token bucket's burst, saved up while under the limit, to run out.
	staleAfter = 3 * time.Second
	// trustFor is how long a ceiling is trusted at all: past it, and
	// without a refusal since, a rate at the ceiling grows fast.
	trustFor = 10 * time.Second
	// repeatFactor is how far below the rate just refused a refusal right
	// after a drop sends the client.
	repeatFactor = 0.85
	// sharedBelow is the part of the highest trusted measure under which
	// a trusted measure says others spend the key.
	sharedBelow = 0.8
	// sharedFactor is what a refusal leaves of the rate while others
	// spend the key: a deep cut is what evens the processes' rates out,
	// and it costs little throughput when only one of them cuts at a time.
	sharedFactor = 0.7
	// sharedGrowth is the growth while others spend the key, in requests
	// a second each second, the same in every process.
	sharedGrowth = 0.3
	// sharedDoubling is how often that growth doubles without a refusal.
	sharedDoubling = 2 * time.Second
	// sharedMemory is how long after a refusal that showed others the
	// process keeps sharing.
	sharedMemory = 6 * time.Second
)

// refused records a 429 at now for an attempt sent at sentAt, given how many
// attempts were sent and answers accepted over the last second, and whether
// the client was saturating: sending for a full second, with attempts
// queued for the pace (or none paced yet).
func (l *learner) refused(now, sentAt time.Time, sent, accepted int, saturating bool) {
	if l.rate > 0 && sentAt.Before(l.lastDrop.Add(dropSettle)) {
		return
	}
	measured := float64(min(sent, accepted))
	if !saturating && l.rate == 0 {
		measured = float64(sent)
	}
	if l.rate > 0 && now.Sub(l.lastDrop) < 2*dropSettle {
		// Refused again as soon as the last drop could show: the measure
		// overstates the limit (a fixed window accepts up to twice its
		// quota within a second across a boundary), so go below the rate
		// just refused rather than stepping down from it.
		measured = min(measured, l.rate*repeatFactor)
	}
	trusted := saturating && measured >= minAdaptiveRate
	if trusted && measured < sharedBelow*l.peak {
		l.sharedAt = now
	}
	factor := holdFactor
	if l.sharing(now) {
		factor = sharedFactor
	}
	l.ceiling = 0
	if trusted {
		l.ceiling = measured
		l.peak = max(l.peak, measured)
	}
	l.rate = max(minAdaptiveRate, measured*factor)
	l.lastDrop = now
	l.passedAt = time.Time{}
}

// accepted records an answer at now that was not a 429, given how many
// were accepted over the last second (this one included); queued tells
// whether attempts are waiting for the pace.
func (l *learner) accepted(now time.Time, accepted int, queued bool) {
	if l.rate == 0 {
		return
	}
	// An untrusted drop was measured while answers to the requests sent
	// with it were still on their way: those accepted raise the measure.
	if l.ceiling == 0 && now.Sub(l.lastDrop) < dropSettle {
		l.rate = max(l.rate, float64(accepted)*holdFactor)
	}
	if !queued {
		return
	}
	if l.ceiling > 0 && l.rate >= l.ceiling {
		if l.passedAt.IsZero() {
			l.passedAt = now
		}
		if now.Sub(l.passedAt) >= staleAfter || now.Sub(l.lastDrop) >= trustFor {
			l.ceiling = 0
		}
	}
	// Each answer is 1/rate of a second's worth of answers at this rate.
	switch {
	case l.sharing(now) && l.ceiling > 0:
		quiet := now.Sub(l.lastDrop).Seconds() / sharedDoubling.Seconds()
		l.rate += sharedGrowth * math.Exp2(quiet) / l.rate
	case l.ceiling == 0 || l.rate < farBelow*l.ceiling:
		l.rate += fastGrowth
	case l.rate < l.ceiling:
		l.rate += probeGrowth * l.ceiling / l.rate
	default:
		l.rate += beyondGrowth
	}
}

// gate holds every attempt back for a while when the API refuses requests
// sent after it had already refused one, for APIs that announce no budget.
// One refusal says little of how long the key stays closed: a token bucket
// accepts again within 1/rate, and the learner's drop (see learner) is the
// answer to it. A refusal of a request sent after the previous refusal was
// heard, with nothing sent since accepted, says the key is still closed:
// a fixed window spent, a sliding one full. Sending at the pace until it
// opens would have every one of them refused, and each refused attempt then
// waits out its own Retry-After.
//
// Retry-After, in whole seconds, bounds when the key opens again but may
// overstate it by up to a second, so the gate does not wait all of it: it
// holds for two intervals of the pace, twice as many after each probe
// refused in a row, and at most half of what is left of the time until the
// key has said it opens again; the next attempt probes there. One accepted
// opens the gate.
type gate struct {
	until        time.Time // no attempt before it
	openBy       time.Time // by when the refusals since the last accepted answer said the key opens
	refusedAt    time.Time // when the latest refusal was heard
	acceptedSent time.Time // when the latest attempt the API accepted was sent
	repeats      int       // refusals in a row of attempts sent after the one before was heard
}

// gateRetryAfter is taken as the Retry-After of a refusal that has none.
const gateRetryAfter = time.Second

// refused records a refusal heard at now of the attempt sent at sentAt,
// whose Retry-After (gateRetryAfter when it had none) was retryAfter, with
// the pace at one attempt every interval (0: none).
func (g *gate) refused(now, sentAt time.Time, retryAfter, interval time.Duration) {
	openBy := now.Add(retryAfter)
	prior := g.repeats
	repeat := !g.refusedAt.IsZero() && sentAt.After(g.refusedAt) && !g.acceptedSent.After(g.refusedAt)
	switch {
	case !repeat || g.openBy.Before(now):
		g.openBy = openBy
	case openBy.Before(g.openBy):
		g.openBy = openBy
	}
	g.repeats = 0
	if repeat {
		g.repeats = prior + 1
		hold := g.openBy.Sub(now) / 2
		if interval > 0 {
			hold = min(hold, interval<<min(g.repeats, 16))
		}
		g.until = now.Add(hold)
	}
	g.refusedAt = now
}

// accepted records that the attempt sent at sentAt was not refused for rate.
func (g *gate) accepted(sentAt time.Time) {
	if sentAt.After(g.acceptedSent) {
		g.acceptedSent = sentAt
	}
	if sentAt.After(g.refusedAt) {
		g.until = time.Time{}
	}
}

// closedUntil reports whether the gate holds attempts at now and, if so,
// until when.
func (g *gate) closedUntil(now time.Time) (time.Time, bool) {
	return g.until, now.Before(g.until)
}
