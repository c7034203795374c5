package transport

import (
	"testing"
	"time"
)

// spent is a budget of 20 a second that has seen the key's full depth and
// this process's sends at these offsets from t0.
func spent(sends ...time.Duration) *budget {
	b := &budget{known: true, limit: 20, window: time.Second, policy: true, deepest: 20}
	for _, at := range sends {
		b.sends = append(b.sends, t0.Add(at))
	}
	return b
}

// A remaining count that this process's own sends explain says nothing of
// others; one lower says others spend the key, and the process takes its
// part of the window's spending, within [firstPart, maxFirstPart].
func TestShareSeesOthersInTheRemainingCount(t *testing.T) {
	t.Parallel()
	now := t0.Add(500 * time.Millisecond)
	alone := spent(100*time.Millisecond, 200*time.Millisecond)
	alone.weigh(now, now, 18, false, true)
	if alone.share.shared(now) || alone.pace(now) != alone.rate() {
		t.Errorf("2 sends and 18 left of 20: seen as shared (pace %v of %v)", alone.pace(now), alone.rate())
	}
	b := spent(100*time.Millisecond, 200*time.Millisecond)
	b.weigh(now, now, 10, false, true) // 8 spent by others
	if !b.share.shared(now) {
		t.Fatal("2 sends and 10 left of 20: others not seen")
	}
	if b.share.part != firstPart {
		t.Errorf("part %v after seeing others spend 8 to this process's 2; want the least first part, %v", b.share.part, firstPart)
	}
	if b.inHand(now) {
		t.Error("budget in hand while others spend the key")
	}
	if got, want := b.pace(now), b.rate()*firstPart; got != want {
		t.Errorf("pace %v; want the part of the announced rate, %v", got, want)
	}
	if later := now.Add(shareMemory); b.share.shared(later) || b.share.of(later) != 1 {
		t.Errorf("others still remembered %v after they were last seen", shareMemory)
	}
}

// A nearly spent key cuts the part once a window, harder for a process that
// spends more than all the others seen; a key not nearly spent lets it grow
// while attempts wait.
func TestSharePartCutsAndGrows(t *testing.T) {
	t.Parallel()
	s := share{part: 0.5, othersAt: t0, cutAt: t0}
	s.answered(t0.Add(100*time.Millisecond), true, !true, time.Second, 10, 10, true)
	if s.part != 0.5 {
		t.Errorf("part %v after a nearly spent key within a window of the last cut; want it left at 0.5", s.part)
	}
	at := t0.Add(time.Second)
	s.othersAt = at
	s.answered(at, true, !true, time.Second, 10, 10, true)
	if !near(s.part, 0.5*shareCut) {
		t.Errorf("part %v after a nearly spent key; want %v", s.part, 0.5*shareCut)
	}
	big := share{part: 0.5, othersAt: at, cutAt: t0}
	big.answered(at, true, !true, time.Second, 10, 2, true)
	if !near(big.part, 0.5*bigShareCut) {
		t.Errorf("part %v of a process spending 10 to the others' 2; want %v", big.part, 0.5*bigShareCut)
	}
	grow := share{part: 0.5, othersAt: at, cutAt: t0}
	grow.answered(at, false, !false, time.Second, 10, 10, true)
	if !near(grow.part, 0.5+shareGrowth/10) {
		t.Errorf("part %v after an answer at 10 a second with room left; want %v", grow.part, 0.5+shareGrowth/10)
	}
	idle := share{part: 0.5, othersAt: at, cutAt: t0}
	idle.answered(at, false, !false, time.Second, 10, 10, false)
	if idle.part != 0.5 {
		t.Errorf("part %v grew with nothing waiting", idle.part)
	}
}

// For firstFor after others are first seen, the part follows the share of
// the spending seen down, never under leastFirstPart, and never up; later
// it moves only by the cuts and the growth.
func TestShareFirstPartFollowsTheSpendingSeen(t *testing.T) {
	t.Parallel()
	var s share
	s.othersSeen(t0, 5, 5)
	if s.part != maxFirstPart {
		t.Fatalf("part %v after seeing others spend as much; want %v", s.part, maxFirstPart)
	}
	s.othersSeen(t0.Add(500*time.Millisecond), 5, 15)
	if !near(s.part, 0.25) {
		t.Errorf("part %v after others were seen spending 15 to this process's 5; want 0.25", s.part)
	}
	s.othersSeen(t0.Add(time.Second), 5, 5)
	if !near(s.part, 0.25) {
		t.Errorf("part %v rose with a smaller deficit; want it left at 0.25", s.part)
	}
	s.othersSeen(t0.Add(1500*time.Millisecond), 1, 99)
	if s.part != leastFirstPart {
		t.Errorf("part %v; want no less than %v", s.part, leastFirstPart)
	}
	s.part = 0.3
	s.othersSeen(t0.Add(firstFor), 1, 99)
	if s.part != 0.3 {
		t.Errorf("part %v changed by the spending seen %v after first seeing others", s.part, firstFor)
	}
}

// What was spent before the process started (the plan of the same apply,
// a process of its own) shows as others in its first window. If a window
// on nothing showed more than that, the process is alone again at once;
// a deficit that grew meanwhile says others spend the key now.
func TestShareForgetsWhatWasSpentBeforeTheProcess(t *testing.T) {
	t.Parallel()
	// answers has a budget of 20 a second, whose first send was at t0,
	// weigh answers that left remaining at these offsets, each with one
	// more of its own sends counted.
	answers := func(remaining ...int) *budget {
		b := &budget{known: true, limit: 20, window: time.Second, policy: true, deepest: 20}
		for i, left := range remaining {
			at := t0.Add(time.Duration(i) * 350 * time.Millisecond)
			b.spend(at)
			b.weigh(at.Add(10*time.Millisecond), at, left, false, true)
		}
		return b
	}
	// A plan's 2 requests, then 1, 2, 3 and 4 of this process's own; the
	// fourth answer is a window after the first send, and the plan's have
	// left the window by then.
	alone := answers(17, 16, 15, 16)
	if at := t0.Add(1060 * time.Millisecond); alone.share.shared(at) {
		t.Errorf("a window after its first send, with only what was spent before it seen: still sharing")
	}
	if early := answers(17, 16); !early.share.shared(t0.Add(360 * time.Millisecond)) {
		t.Errorf("within its first window, a deficit of 2: not seen as others")
	}
	// Others spent 3 more within the window: they are not forgotten,
	// though they spent nothing in the last one.
	shared := answers(17, 13, 12, 16)
	if at := t0.Add(1060 * time.Millisecond); !shared.share.shared(at) {
		t.Errorf("a deficit that grew within the first window was forgotten a window on")
	}
	// Another run that starts after the first window is seen.
	late := answers(17, 16, 15, 14)
	if at := t0.Add(1060 * time.Millisecond); !late.share.shared(at) {
		t.Errorf("a deficit of 2 a window after the first send: not seen as others")
	}
}

// A token bucket refills during the window, so a process that sends at the
// limit's pace sees no deficit while another takes the refill. A process
// alone is seldom refused by an API that announces its budget, and not
// again soon after: a second 429, for an attempt sent after the first was
// heard, says others spend the key all the same, even in the process's
// first window, and they are not forgotten as what was spent before it.
// One 429 alone says nothing.
func TestShareSeesOthersInARefusal(t *testing.T) {
	t.Parallel()
	var sends []time.Duration
	for i := range 20 {
		sends = append(sends, time.Duration(i)*45*time.Millisecond)
	}
	now := t0.Add(900 * time.Millisecond)
	firstRefusal := t0.Add(500 * time.Millisecond)
	// budget has sent at the limit's pace since t0, its first send, its
	// first answer said a plan had spent 2 before it, and it was refused
	// once at firstRefusal (for an attempt sent just before).
	budget := func() *budget {
		b := spent(sends...)
		b.firstSend, b.before, b.beforeSeen = t0, 2, true
		b.weigh(firstRefusal, firstRefusal.Add(-50*time.Millisecond), 0, true, true)
		return b
	}
	if once := budget(); once.share.shared(firstRefusal) {
		t.Error("one 429 with no deficit in the count: seen as shared; want alone")
	}
	accepted := budget()
	accepted.weigh(now, now, 0, false, true)
	if accepted.share.shared(now) {
		t.Fatal("20 sends and none left of 20, accepted: seen as shared; the test needs the count to hide the others")
	}
	sameBurst := budget()
	sameBurst.weigh(now, firstRefusal.Add(-40*time.Millisecond), 0, true, true)
	if sameBurst.share.shared(now) {
		t.Error("a second 429 for an attempt sent before the first was heard: seen as shared; want alone")
	}
	refused := budget()
	refused.weigh(now, now, 0, true, true)
	if !refused.share.shared(now) {
		t.Error("a 429 with no deficit in the count: others not seen")
	}
	later := t0.Add(1100 * time.Millisecond)
	refused.weigh(later, later, 2, false, true)
	if !refused.share.shared(later) {
		t.Error("the others a 429 showed were forgotten a window after the first send")
	}
	// Sending at the same pace for longer, refused again only
	// refusedWithin windows after the first.
	heard := firstRefusal.Add(refusedWithin * time.Second)
	for at := sends[len(sends)-1] + 45*time.Millisecond; t0.Add(at).Before(heard); at += 45 * time.Millisecond {
		sends = append(sends, at)
	}
	longAfter := budget()
	longAfter.weigh(heard, heard.Add(-10*time.Millisecond), 0, true, true)
	if longAfter.share.shared(heard) {
		t.Errorf("a second 429 %d windows after the first: seen as shared; want alone", refusedWithin)
	}
}
