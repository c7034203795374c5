package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// MaxBodySize bounds how much of any response is read: a number document is
// a few hundred bytes, so even a team of 100,000 numbers stays far below it.
const MaxBodySize = 64 << 20

// BodyError is a response whose body did not arrive whole: the connection
// closed before the end, fewer bytes came than Content-Length announced, or
// the body stalled until the attempt's time limit ran out. Such an answer is
// never used, not even in part; the attempt counts as failed and is retried
// like a connection error.
type BodyError struct {
	Status   int           // the status the headers announced
	Read     int64         // bytes received before the failure
	Expected int64         // Content-Length, or -1 when none was announced
	Timeout  time.Duration // the attempt's time limit, when that is what ended the read
	Err      error
}

func (e *BodyError) Error() string {
	announced := "no length announced"
	if e.Expected >= 0 {
		announced = fmt.Sprintf("%d announced", e.Expected)
	}
	if e.Timeout > 0 {
		return fmt.Sprintf("the body of the HTTP %d answer stalled after %d bytes (%s) until the attempt's time limit of %v ran out",
			e.Status, e.Read, announced, e.Timeout)
	}
	return fmt.Sprintf("the body of the HTTP %d answer broke off after %d bytes (%s): %v", e.Status, e.Read, announced, e.Err)
}

func (e *BodyError) Unwrap() error { return e.Err }

// ReadBody reads resp's whole body and closes it. timeout is the attempt's
// time limit, named in the error when the read ran into it. A body larger
// than MaxBodySize is an error too, but not a BodyError: asking again would
// bring the same.
func ReadBody(resp *http.Response, timeout time.Duration) ([]byte, error) {
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBodySize+1))
	if err != nil {
		bodyErr := &BodyError{Status: resp.StatusCode, Read: int64(len(body)), Expected: resp.ContentLength, Err: err}
		if isTimeout(err) {
			bodyErr.Timeout = timeout
		}
		return nil, bodyErr
	}
	if len(body) > MaxBodySize {
		return nil, fmt.Errorf("the body of the HTTP %d answer is larger than %d bytes", resp.StatusCode, MaxBodySize)
	}
	return body, nil
}

// isTimeout reports whether err is a deadline running out, as http.Client's
// Timeout reports it while a body is read.
func isTimeout(err error) bool {
	var timeout interface{ Timeout() bool }
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) ||
		(errors.As(err, &timeout) && timeout.Timeout())
}
