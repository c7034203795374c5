package emulator

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"
)

// maxStall bounds how long a stalled body holds its connection when the
// client never gives up, so a forgotten client cannot pin the emulator.
const maxStall = 10 * time.Minute

// bodyBreaker stands in for the ResponseWriter of a request whose fault
// breaks the body (CutBody, StallBody): the route answers into it as usual,
// then finish sends the status, the headers with a Content-Length promising
// the whole body, and only the first half of the body, and then closes the
// connection (CutBody) or sends nothing more until the client gives up
// (StallBody).
type bodyBreaker struct {
	w      http.ResponseWriter
	stall  bool
	header http.Header
	status int
	body   bytes.Buffer
}

func newBodyBreaker(w http.ResponseWriter, f Fault) *bodyBreaker {
	return &bodyBreaker{w: w, stall: f.StallBody, header: make(http.Header)}
}

func (b *bodyBreaker) Header() http.Header { return b.header }

// Unwrap lets the writers of answers find the profile under the breaker.
func (b *bodyBreaker) Unwrap() http.ResponseWriter { return b.w }

func (b *bodyBreaker) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *bodyBreaker) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}

// finish sends the broken answer on the raw connection, since net/http would
// never send fewer bytes than Content-Length promises.
func (b *bodyBreaker) finish() {
	if b.status == 0 {
		return // the client gave up before the route answered
	}
	conn, buf, err := http.NewResponseController(b.w).Hijack()
	if err != nil {
		// HTTP/2 streams cannot be hijacked; resetting the stream is the
		// closest equivalent of a body that breaks off.
		panic(http.ErrAbortHandler)
	}
	defer conn.Close()
	body := b.body.Bytes()
	fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\n", b.status, http.StatusText(b.status))
	b.header.Set("Content-Length", fmt.Sprint(len(body)))
	b.header.Set("Connection", "close")
	keys := make([]string, 0, len(b.header))
	for k := range b.header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(buf, "%s: %s\r\n", k, strings.Join(b.header[k], ", "))
	}
	// A bufio.Writer keeps its first error and Flush reports it.
	_, _ = buf.WriteString("\r\n")
	_, _ = buf.Write(body[:len(body)/2])
	if err := buf.Flush(); err != nil || !b.stall {
		return
	}
	// Hold the connection, sending nothing, until the client closes it.
	_ = conn.SetReadDeadline(time.Now().Add(maxStall))
	_, _ = buf.WriteTo(io.Discard)
}
