package emulator

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html"
	"net/http"
	"slices"
	"strings"
)

// Profile chooses how the emulator answers where the API docs leave the
// answer open. A client tested against one profile only would share that
// profile's guesses, so the provider's acceptance suite runs under each.
type Profile string

const (
	// ProfileDefault sends every documented field (leaving out assistantId
	// and label when there is none), JSON error bodies, insertion order.
	ProfileDefault Profile = "default"
	// ProfileSparse sends as little as the docs allow: no label,
	// inboundEnabled or outboundEnabled in any document, no assistant sent
	// as an absent field, "" or null (varying by number), and error answers
	// with an empty body.
	ProfileSparse Profile = "sparse"
	// ProfileVerbose sends every field (null for none), undocumented extra
	// fields, the list in reverse insertion order, "application/json;
	// charset=utf-8", and error bodies of other shapes: plain text for 401,
	// 403 and 429, a proxy's HTML page for 5xx, and a JSON shape of its own
	// for other 4xx.
	ProfileVerbose Profile = "verbose"
)

// Profiles lists every profile, the default first.
func Profiles() []Profile { return []Profile{ProfileDefault, ProfileSparse, ProfileVerbose} }

// ParseProfile reads a profile name; "" is the default.
func ParseProfile(name string) (Profile, error) {
	if name == "" {
		return ProfileDefault, nil
	}
	if p := Profile(name); slices.Contains(Profiles(), p) {
		return p, nil
	}
	names := make([]string, 0, len(Profiles()))
	for _, p := range Profiles() {
		names = append(names, string(p))
	}
	return "", fmt.Errorf("unknown profile %q: the profiles are %s", name, strings.Join(names, ", "))
}

// document is n as this profile sends it.
func (p Profile) document(n Number) any {
	switch p {
	case ProfileSparse:
		doc := map[string]any{"_id": n.ID, "teamId": n.TeamID, "number": n.Number, "provider": n.Provider}
		switch {
		case n.AssistantID != "":
			doc["assistantId"] = n.AssistantID
		case variant(n.ID, 3) == 1:
			doc["assistantId"] = ""
		case variant(n.ID, 3) == 2:
			doc["assistantId"] = nil
		}
		return doc
	case ProfileVerbose:
		return map[string]any{
			"_id": n.ID, "teamId": n.TeamID, "number": n.Number,
			"provider":        map[string]any{"name": n.Provider.Name, "credentialId": "cred-" + n.TeamID},
			"assistantId":     nullIfEmpty(n.AssistantID),
			"inboundEnabled":  n.InboundEnabled,
			"outboundEnabled": n.OutboundEnabled,
			"label":           nullIfEmpty(n.Label),
			"squadId":         nil,
			"fallbackDestination": map[string]any{
				"type": "number", "number": n.Number, "message": "Please call back later.",
			},
			"createdAt": "2026-01-15T09:30:00.000Z",
			"updatedAt": "2026-11-01T12:00:00.000Z",
			"__v":       0,
		}
	default:
		return n
	}
}

// documents is a list answer's body.
func (p Profile) documents(numbers []Number) []any {
	docs := make([]any, len(numbers))
	for i, n := range numbers {
		docs[i] = p.document(n)
	}
	if p == ProfileVerbose {
		slices.Reverse(docs)
	}
	return docs
}

// writeError answers an error in this profile's shape.
func (p Profile) writeError(w http.ResponseWriter, status int, message string) {
	text := http.StatusText(status)
	if text == "" {
		text = fmt.Sprintf("Status %d", status)
	}
	switch {
	case p == ProfileSparse:
		w.WriteHeader(status)
	case p == ProfileVerbose && status >= 500:
		title := html.EscapeString(fmt.Sprintf("%d %s", status, text))
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(status)
		fmt.Fprintf(w, "<html>\r\n<head><title>%s</title></head>\r\n<body>\r\n<center><h1>%s</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n", title, title)
	case p == ProfileVerbose && (status == http.StatusUnauthorized || status == http.StatusForbidden || status == http.StatusTooManyRequests):
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprintf(w, "%s: %s\n", text, message)
	case p == ProfileVerbose:
		code := strings.ToUpper(strings.ReplaceAll(text, " ", "_"))
		writeJSON(w, status, map[string]any{"errors": []map[string]string{{"code": code, "detail": message}}})
	default:
		writeJSON(w, status, errorBody{StatusCode: status, Error: text, Message: message})
	}
}

// contentType is the Content-Type of this profile's JSON answers.
func (p Profile) contentType() string {
	if p == ProfileVerbose {
		return "application/json; charset=utf-8"
	}
	return "application/json"
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// variant picks one of n forms for a number, the same every time.
func variant(id string, n uint32) uint32 {
	h := fnv.New32a()
	_, _ = h.Write([]byte(id))
	return h.Sum32() % n
}

// profiledWriter carries the server's profile to the functions that write
// answers, so that every error written during an API request, whoever
// writes it, takes the profile's shape.
type profiledWriter struct {
	http.ResponseWriter
	profile Profile
}

// Unwrap lets http.ResponseController reach the connection (to drop it).
func (w *profiledWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// profileOf finds the profiledWriter under w, through the writers that wrap
// it (status counting, the Authorization echo, a body-breaking fault).
func profileOf(w http.ResponseWriter) Profile {
	for {
		if pw, ok := w.(*profiledWriter); ok {
			return pw.profile
		}
		inner, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return ProfileDefault
		}
		w = inner.Unwrap()
	}
}

// encodeJSON is json.Encoder without HTML escaping: messages quote
// "<API key>", and \u003c escapes would only confuse people.
func encodeJSON(w http.ResponseWriter, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	// The status is sent; an encoding error can only be a client gone away.
	_ = enc.Encode(v)
}
