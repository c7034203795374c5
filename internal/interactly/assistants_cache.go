package interactly

import (
	"context"
	"sync"
)

// assistantProbes remembers, for the life of a Client, what a GET of each
// assistant showed. A plan of many numbers attached to a few assistants
// then asks about each assistant once, and an API that fails is not asked
// again by every number.
type assistantProbes struct {
	mu     sync.Mutex
	probes map[string]*assistantProbe
}

type assistantProbe struct {
	done    chan struct{}
	missing bool
	err     error
}

// AssistantMissing reports whether the team has no assistant with this ID,
// by clear evidence (see IsAssistantNotFound). It asks the API at most once
// per assistant for the life of the Client, however many callers ask at the
// same time; err is set when the API said neither.
func (c *Client) AssistantMissing(ctx context.Context, id string) (missing bool, err error) {
	p := &c.assistants
	p.mu.Lock()
	if p.probes == nil {
		p.probes = map[string]*assistantProbe{}
	}
	probe, ok := p.probes[id]
	if !ok {
		probe = &assistantProbe{done: make(chan struct{})}
		p.probes[id] = probe
		p.mu.Unlock()
		_, getErr := c.GetAssistant(ctx, id)
		probe.missing = IsAssistantNotFound(getErr)
		if getErr != nil && !probe.missing {
			probe.err = getErr
		}
		close(probe.done)
		return probe.missing, probe.err
	}
	p.mu.Unlock()
	select {
	case <-ctx.Done():
		return false, ctx.Err()
	case <-probe.done:
		return probe.missing, probe.err
	}
}
