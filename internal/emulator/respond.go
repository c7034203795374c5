package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// errorBody is the JSON body of every error answer. The API documents no
// error format; this is the shape of the NestJS-style errors that
// comparable APIs send.
type errorBody struct {
	StatusCode int    `json:"statusCode"`
	Error      string `json:"error"`
	Message    string `json:"message"`
}

// problem is an error answer decided while holding the lock and written
// after releasing it, so that a slow client never holds the lock.
type problem struct {
	status  int
	message string
}

func problemf(status int, format string, args ...any) *problem {
	return &problem{status: status, message: fmt.Sprintf(format, args...)}
}

func (p *problem) write(w http.ResponseWriter) {
	writeError(w, p.status, "%s", p.message)
}

// writeError answers status with the JSON error body. Messages must never
// contain the API key or the Authorization header.
func writeError(w http.ResponseWriter, status int, format string, args ...any) {
	text := http.StatusText(status)
	if text == "" {
		text = fmt.Sprintf("Status %d", status)
	}
	writeJSON(w, status, errorBody{StatusCode: status, Error: text, Message: fmt.Sprintf(format, args...)})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	// Messages quote "<API key>"; \u003c escapes would only confuse people.
	enc.SetEscapeHTML(false)
	// The status is sent; an encoding error can only be a client gone away.
	_ = enc.Encode(v)
}
