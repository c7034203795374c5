package interactly

import (
	"context"
	"slices"
	"strings"
	"sync"
)

// The API has no call that reads one number: reading means listing the team.
// Listing once per resource would make a refresh of N numbers cost N lists of
// N entries. Instead each Client keeps one listing, fetched on first use and
// shared by every reader; concurrent readers wait on the same call.
//
// The Cached* methods read this copy; ListNumbers always asks the API. The
// copy lives as long as the Client, which the provider creates when it is
// configured, once in each provider process: Terraform starts provider
// processes anew for every command, so each command sees changes made
// outside Terraform before it, but not those made while it runs. Writes
// through this Client update the copy from the document the API returns.
//
// A listing that fails is not asked for again at once: the failure, a
// *ListingFailure, goes to every reader that waited for it and to every
// reader for FailureMemory after it, so a refresh of N numbers under a
// failing listing costs one listing's attempts, whatever N and Terraform's
// parallelism are, instead of N listings each with all their retries.

// CachedNumber returns the team's number with this ID from the shared
// listing. found is false when the team has no such number.
func (c *Client) CachedNumber(ctx context.Context, id string) (number Number, found bool, err error) {
	err = c.numbers.read(ctx, func(s *numberSnapshot) {
		number, found = s.byID[id]
	})
	return number, found, err
}

// CachedNumberByE164 returns the team's number whose E.164 value is e164.
func (c *Client) CachedNumberByE164(ctx context.Context, e164 string) (number Number, found bool, err error) {
	err = c.numbers.read(ctx, func(s *numberSnapshot) {
		var id string
		if id, found = s.idByE164[e164]; found {
			number = s.byID[id]
		}
	})
	return number, found, err
}

// CachedNumbers returns every number of the team from the shared listing, sorted by
// their E.164 value (then ID) so callers get a stable order.
func (c *Client) CachedNumbers(ctx context.Context) (numbers []Number, err error) {
	err = c.numbers.read(ctx, func(s *numberSnapshot) {
		numbers = make([]Number, 0, len(s.byID))
		for _, n := range s.byID {
			numbers = append(numbers, n)
		}
	})
	SortNumbers(numbers)
	return numbers, err
}

// SortNumbers orders numbers by E.164 value, then by ID.
func SortNumbers(numbers []Number) {
	slices.SortFunc(numbers, func(a, b Number) int {
		if c := strings.Compare(a.Number, b.Number); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

type numberSnapshot struct {
	byID     map[string]Number
	idByE164 map[string]string
}

type numberCache struct {
	client *Client

	mu       sync.Mutex
	snapshot *numberSnapshot // nil until the first listing succeeds
	inflight *listing        // the listing call under way, if any
	failure  *ListingFailure // the last failed listing, remembered until its Until
}

// listing is one GET of the team's numbers that several readers wait on.
type listing struct {
	ctx  context.Context // of the reader that started it
	done chan struct{}
	err  error
	// writes made while the listing was in flight, applied on top of it
	// because the listing may have been taken before them.
	writes []func(*numberSnapshot)
}

func newNumberCache(c *Client) *numberCache { return &numberCache{client: c} }

// read runs fn on the snapshot under the lock, listing the team first if no
// snapshot exists. A reader whose context ends stops waiting at once; a
// listing that failed because its own caller was cancelled is started again
// by the next reader still waiting, so one cancelled reader cannot fail the
// others.
func (nc *numberCache) read(ctx context.Context, fn func(*numberSnapshot)) error {
	for {
		nc.mu.Lock()
		if nc.snapshot != nil {
			fn(nc.snapshot)
			nc.mu.Unlock()
			return nil
		}
		if f := nc.failure; f != nil && nc.client.now().Before(f.until) {
			nc.mu.Unlock()
			return f
		}
		call := nc.inflight
		if call == nil {
			call = &listing{ctx: ctx, done: make(chan struct{})}
			nc.inflight = call
			go nc.list(ctx, call)
		}
		nc.mu.Unlock()

		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-call.done:
		}
		if call.err == nil {
			continue // the snapshot is there now
		}
		if call.ctx.Err() != nil && ctx.Err() == nil {
			continue // the reader that started it was cancelled, not us
		}
		return call.err
	}
}

// list fetches the team's numbers for call. It runs in its own goroutine so
// the reader that started it can stop waiting when its context ends, while
// the request itself still follows that reader's context. A failure that
// is not that reader's own cancellation or deadline is remembered.
func (nc *numberCache) list(ctx context.Context, call *listing) {
	numbers, err := nc.client.ListNumbers(ctx, "")
	nc.mu.Lock()
	defer nc.mu.Unlock()
	defer close(call.done)
	nc.inflight = nil
	if err != nil {
		call.err = err
		if ctx.Err() == nil {
			at := nc.client.now()
			nc.failure = &ListingFailure{Err: err, At: at, until: at.Add(FailureMemory)}
			call.err = nc.failure
		}
		return
	}
	nc.failure = nil
	snapshot := &numberSnapshot{
		byID:     make(map[string]Number, len(numbers)),
		idByE164: make(map[string]string, len(numbers)),
	}
	for _, n := range numbers {
		snapshot.byID[n.ID] = n
		snapshot.idByE164[n.Number] = n.ID
	}
	for _, write := range call.writes {
		write(snapshot)
	}
	nc.snapshot = snapshot
}

// store records a document a write returned.
func (nc *numberCache) store(n Number) {
	nc.apply(func(s *numberSnapshot) { s.put(n) })
}

// forget drops a number the API no longer knows.
func (nc *numberCache) forget(id string) {
	nc.apply(func(s *numberSnapshot) { s.remove(id) })
}

// apply makes a write visible to readers: in the snapshot if there is one,
// and on top of a listing under way. With neither, the next listing will
// include the write, since it is made after it.
func (nc *numberCache) apply(write func(*numberSnapshot)) {
	nc.mu.Lock()
	defer nc.mu.Unlock()
	if nc.snapshot != nil {
		write(nc.snapshot)
	}
	if nc.inflight != nil {
		nc.inflight.writes = append(nc.inflight.writes, write)
	}
}

func (s *numberSnapshot) put(n Number) {
	if old, ok := s.byID[n.ID]; ok && old.Number != n.Number {
		delete(s.idByE164, old.Number)
	}
	s.byID[n.ID] = n
	s.idByE164[n.Number] = n.ID
}

func (s *numberSnapshot) remove(id string) {
	if old, ok := s.byID[id]; ok {
		delete(s.idByE164, old.Number)
		delete(s.byID, id)
	}
}
