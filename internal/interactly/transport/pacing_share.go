package transport

import "time"

// share is the part of an announced budget this process spends when other
// processes spend the same key: several Terraform runs in CI, each its own
// provider process, none knowing of the others. The API's rate-limit headers
// count the key, not the process, so a process that spends the remaining
// count it sees as its own spends the others' part too, and all of them are
// refused.
//
// How a process finds out, and how the shares are found:
//   - others are seen when an answer's remaining count is lower than this
//     process's own sends can explain: under any window or bucket of the
//     announced limit, a key used by one process alone has at least
//     min(limit, the deepest budget seen) less that process's sends over
//     the window (counted from a window before the request was sent, so
//     that late arrivals only make the estimate cautious). The deficit is a
//     lower bound of what the others spent. What was spent just before the
//     process started (the plan of the same apply) shows so too, for up to
//     a window; if nothing beyond it shows by then, the process is alone
//     again at once (budget.weighBefore). Repeated 429s show others too:
//     alone, a process is seldom refused, and not again soon after, while
//     a token bucket's refill may hide the others from the count
//     (budget.refusedAgain);
//   - on first seeing them, the process takes the part of the window's
//     spending that was its own (its sends over its sends and the deficit),
//     and spends the budget only at its pace from then on: no burst of the
//     budget in hand, and at most its part of the window's limit. For
//     firstFor after, the part follows that share down as later answers
//     show more of the others' spending: processes that start together
//     first see only the beginning of each other's, and parts that add up
//     to more than the whole would have them refused until the cuts below
//     brought them down;
//   - then additive increase, multiplicative decrease over the key's
//     remaining count, which every process sharing the key sees alike: when
//     an answer says the key is nearly spent (remaining at most lowShare of
//     the limit; under a fixed window, see budget, under fixedLowPart of
//     what the limit's pace would leave of the window) or refuses one for
//     rate, the part drops by shareCut, once a window; otherwise, while the
//     count shows room (under a fixed window, more than the limit's pace
//     would leave), it grows by shareGrowth a second while attempts wait
//     for it. All processes cut at the same signal by the same factor and
//     grow by the same amount, so their parts converge to equal ones while
//     together they keep the key just under its limit;
//   - with no others seen for shareMemory, the process is alone again and
//     spends the whole budget as before.
type share struct {
	part     float64   // of the announced budget, (0, 1]; 1 while alone
	othersAt time.Time // when the latest answer showed others spending the key
	cutAt    time.Time // when the part was last cut
	firstAt  time.Time // when others were first seen, this time
}

const (
	// shareMemory is how long others are remembered once seen. A key
	// spent right at its limit hides them (every process's sends leave it
	// nearly empty), so the memory outlasts the few seconds between cuts.
	shareMemory = 10 * time.Second
	// lowShare is the remaining count, as a part of the limit, at which
	// the key counts as nearly spent.
	lowShare = 0.05
	// shareCut is the factor a part drops by when the key is nearly spent.
	shareCut = 0.85
	// bigShareCut is the factor for a process that spends more than all
	// the others seen.
	bigShareCut = 0.6
	// shareGrowth is how much a part grows a second while nothing says the
	// key is nearly spent: at a limit of 20 a second, two requests a second.
	shareGrowth = 0.1
	// firstPart is the least part a process takes when it first sees
	// others: its own part of a window may be tiny then, having just
	// started, and the cuts find the right one sooner from above.
	firstPart = 0.25
	// maxFirstPart is the most: the deficit is only a lower bound of the
	// others' spending, and there is at least one other.
	maxFirstPart = 0.5
	// firstFor is how long after first seeing others the part follows
	// the share of the spending seen down: processes that start together
	// see each other's first sends only as their answers come in, so the
	// first deficit is short of the others' spending.
	firstFor = 2 * time.Second
	// leastFirstPart is the least part it follows the share down to.
	leastFirstPart = 0.1
	// bigShare is how much more than all the others seen together a
	// process must spend to be cut by bigShareCut.
	bigShare = 1.5
	// minPart keeps a process from pausing altogether.
	minPart = 0.02
)

// shared reports whether other processes were seen spending the key within
// shareMemory of now.
func (s *share) shared(now time.Time) bool {
	return !s.othersAt.IsZero() && now.Sub(s.othersAt) < shareMemory
}

// forget takes it that no others were seen.
func (s *share) forget() { *s = share{} }

// of is the part of the budget this process spends at now.
func (s *share) of(now time.Time) float64 {
	if !s.shared(now) {
		return 1
	}
	return s.part
}

// othersSeen records an answer at now that showed others spending deficit
// requests of the window in which this process sent own.
func (s *share) othersSeen(now time.Time, own, deficit int) {
	ownPart := float64(own) / float64(own+deficit)
	switch {
	case !s.shared(now):
		s.part = max(firstPart, min(maxFirstPart, ownPart))
		s.cutAt = now
		s.firstAt = now
	case now.Sub(s.firstAt) < firstFor:
		s.part = max(leastFirstPart, min(s.part, ownPart))
	}
	s.othersAt = now
}

// answered records an answer at now while shared: whether it said the key
// is nearly spent (or refused the request for rate), whether it showed room
// to grow, how long the window is, at what rate this process and (at least)
// the others were spending, and whether attempts wait for the pace.
func (s *share) answered(now time.Time, nearlySpent, roomy bool, window time.Duration, ownRate, othersRate float64, queued bool) {
	if !s.shared(now) {
		return
	}
	settled := now.Sub(s.cutAt) >= window
	switch {
	case nearlySpent && settled:
		cut := shareCut
		if ownRate > bigShare*othersRate {
			// Spending more than all the others together: the part
			// that most needs to give way, so that parts even out
			// within a few cuts rather than dozens.
			cut = bigShareCut
		}
		s.part = max(minPart, s.part*cut)
		s.cutAt = now
	case roomy && settled && queued && ownRate > 0:
		// Each answer is 1/ownRate of a second's worth.
		s.part = min(1, s.part+shareGrowth/ownRate)
	}
}
