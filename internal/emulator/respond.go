package emulator

import (
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

// writeError answers status with an error body in the shape of the profile
// the request is served under (the JSON body above by default). Messages
// must never contain the API key or the Authorization header.
func writeError(w http.ResponseWriter, status int, format string, args ...any) {
	profileOf(w).writeError(w, status, fmt.Sprintf(format, args...))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", profileOf(w).contentType())
	w.WriteHeader(status)
	encodeJSON(w, v)
}

// writeNumber answers 200 with one number document in the request's profile.
func writeNumber(w http.ResponseWriter, n Number) {
	writeJSON(w, http.StatusOK, profileOf(w).document(n))
}
