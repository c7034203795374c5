package emulator

import (
	"crypto/rand"
	"fmt"
	"net/http"
)

// purchaseRequest is the body of POST /assistants/v1/numbers/purchase.
type purchaseRequest struct {
	Number string `json:"number"`
}

// purchaseNumber answers POST /assistants/v1/numbers/purchase.
func (s *Server) purchaseNumber(w http.ResponseWriter, r *http.Request) {
	var req purchaseRequest
	if !decodeBody(w, r, &req, "number") {
		return
	}
	s.create(w, teamOf(r), req.Number, "")
}

// importRequest is the body of POST /assistants/v1/numbers/{provider}.
type importRequest struct {
	Number      string       `json:"number"`
	Label       string       `json:"label"`
	Credentials *credentials `json:"credentials"`
}

// credentials are the carrier credentials of an import. The emulator checks
// their shape only, and never stores or repeats them.
type credentials struct {
	AccountSID string `json:"accountSid"`
	AuthToken  string `json:"authToken"`
	APIKeySID  string `json:"apiKeySid"`
	APISecret  string `json:"apiSecret"`
}

// valid reports whether c holds exactly one complete pair.
func (c credentials) valid() bool {
	account := c.AccountSID != "" || c.AuthToken != ""
	apiKey := c.APIKeySID != "" || c.APISecret != ""
	accountPair := c.AccountSID != "" && c.AuthToken != ""
	apiKeyPair := c.APIKeySID != "" && c.APISecret != ""
	return (accountPair && !apiKey) || (apiKeyPair && !account)
}

// importNumber answers POST /assistants/v1/numbers/{provider}.
func (s *Server) importNumber(w http.ResponseWriter, r *http.Request) {
	if p := r.PathValue("provider"); p != defaultProvider {
		writeError(w, http.StatusBadRequest, "unsupported provider %q: the only provider is %q", p, defaultProvider)
		return
	}
	var req importRequest
	if !decodeBody(w, r, &req, "number, label and credentials (accountSid and authToken, or apiKeySid and apiSecret)") {
		return
	}
	if req.Credentials != nil && !req.Credentials.valid() {
		writeError(w, http.StatusBadRequest,
			"invalid credentials: give either accountSid and authToken, or apiKeySid and apiSecret")
		return
	}
	s.create(w, teamOf(r), req.Number, req.Label)
}

// create answers a purchase or import of number into team: 200, the only
// status the API documents, with the new document.
func (s *Server) create(w http.ResponseWriter, team, number, label string) {
	if number == "" {
		writeError(w, http.StatusBadRequest, "number is required")
		return
	}
	if err := checkE164(number); err != nil {
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	}
	n, prob := s.add(team, number, label)
	if prob != nil {
		prob.write(w)
		return
	}
	writeNumber(w, n)
}

// add puts a new number in the team, with a new ID, no assistant and both
// directions enabled, unless a team already has it. Another team's number
// is a conflict that names nothing of that team.
func (s *Server) add(team, number, label string) (Number, *problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if existing, dup := s.store.findNumber(number); dup {
		if existing.TeamID != team {
			return Number{}, problemf(http.StatusConflict, "number %s belongs to another team", number)
		}
		return Number{}, problemf(http.StatusConflict, "number %s is already in the team, with _id %q", number, existing.ID)
	}
	n := Number{
		ID:              newID(),
		TeamID:          team,
		Number:          number,
		Provider:        Provider{Name: defaultProvider},
		InboundEnabled:  true,
		OutboundEnabled: true,
		Label:           label,
	}
	s.store.put(n)
	return n, nil
}

// newID returns a random version 4 UUID, the shape of the API's IDs.
func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
