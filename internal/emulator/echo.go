package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
)

// echoField is the field that Options.EchoAuthorization adds to every number
// document of a successful answer.
const echoField = "echoedAuthorization"

// echoWriter buffers an answer and, when it is sent, writes the request's
// Authorization header value into it: into every JSON object of a 2xx body,
// as echoField, and at the end of an error body's "message". It is a test
// aid: a client that logs or stores what the API sends must still never
// show the key, and only an API that sends the key back can prove it.
type echoWriter struct {
	http.ResponseWriter
	authorization string
	status        int
	body          bytes.Buffer
}

func newEchoWriter(w http.ResponseWriter, r *http.Request) *echoWriter {
	return &echoWriter{ResponseWriter: w, authorization: r.Header.Get("Authorization")}
}

func (e *echoWriter) WriteHeader(status int) {
	if e.status == 0 {
		e.status = status
	}
}

func (e *echoWriter) Write(p []byte) (int, error) {
	e.WriteHeader(http.StatusOK)
	return e.body.Write(p)
}

// Unwrap lets http.ResponseController reach the connection, for faults that
// hijack it.
func (e *echoWriter) Unwrap() http.ResponseWriter { return e.ResponseWriter }

// flush sends the buffered answer with the Authorization value written in.
func (e *echoWriter) flush() {
	if e.status == 0 {
		return // nothing was answered (a hang, a hijacked connection)
	}
	body := e.body.Bytes()
	var doc any
	if json.Unmarshal(body, &doc) == nil {
		if e.status >= 200 && e.status <= 299 {
			doc = e.echoIntoObjects(doc)
		} else if obj, ok := doc.(map[string]any); ok {
			msg, _ := obj["message"].(string)
			obj["message"] = msg + " (Authorization: " + e.authorization + ")"
		}
		var out bytes.Buffer
		enc := json.NewEncoder(&out)
		enc.SetEscapeHTML(false)
		if enc.Encode(doc) == nil {
			body = out.Bytes()
		}
	} else if e.status >= 400 {
		// An error body in plain text or HTML (see the profiles).
		body = append(body, []byte(" (Authorization: "+e.authorization+")")...)
	}
	e.Header().Set("Content-Length", strconv.Itoa(len(body)))
	e.ResponseWriter.WriteHeader(e.status)
	_, _ = e.ResponseWriter.Write(body)
}

// echoIntoObjects adds echoField to doc if it is an object, or to each
// object of doc if it is an array.
func (e *echoWriter) echoIntoObjects(doc any) any {
	switch v := doc.(type) {
	case map[string]any:
		v[echoField] = e.authorization
	case []any:
		for _, item := range v {
			if obj, ok := item.(map[string]any); ok {
				obj[echoField] = e.authorization
			}
		}
	}
	return doc
}
