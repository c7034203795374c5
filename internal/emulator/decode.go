package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
)

// maxBodyBytes bounds request bodies: the largest valid one is well under a
// kilobyte, so anything bigger is a client bug.
const maxBodyBytes = 1 << 20

// errUnknownField marks a body field the route does not accept, so that the
// caller can list the accepted ones.
var errUnknownField = errors.New("unknown field")

// decodeStrict decodes exactly one JSON value from r into dst. Fields that dst
// does not have are errors: the real API's behaviour is undocumented, and a
// misspelt field silently ignored would hide a provider bug.
func decodeStrict(r io.Reader, dst any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return describeJSONError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

// describeJSONError rewords encoding/json's errors for the person who wrote
// the body or the seed file.
func describeJSONError(err error) error {
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New("empty; want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("malformed JSON: it ends in the middle of a value")
	case errors.As(err, &syntaxErr):
		return fmt.Errorf("malformed JSON at byte %d: %v", syntaxErr.Offset, syntaxErr)
	case errors.As(err, &typeErr) && typeErr.Field == "":
		return fmt.Errorf("want a JSON object, got %s", typeErr.Value)
	case errors.As(err, &typeErr):
		return fmt.Errorf("field %q: want %s, got %s", typeErr.Field, jsonKind(typeErr.Type), typeErr.Value)
	case errors.As(err, &tooBig):
		return fmt.Errorf("larger than %d bytes", tooBig.Limit)
	}
	// encoding/json has no error type for unknown fields, only this message.
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return fmt.Errorf("%w %s", errUnknownField, name)
	}
	return err
}

// jsonKind names the JSON type that decodes into t.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "a boolean"
	case reflect.String:
		return "a string"
	case reflect.Struct:
		return "an object"
	case reflect.Slice:
		return "an array"
	default:
		return t.String()
	}
}

// decodeBody decodes a request body strictly into dst. On failure it answers
// 400, naming the accepted fields when the body had an unknown one, and
// returns false.
func decodeBody(w http.ResponseWriter, r *http.Request, dst any, accepted string) bool {
	err := decodeStrict(http.MaxBytesReader(w, r.Body, maxBodyBytes), dst)
	switch {
	case err == nil:
		return true
	case errors.Is(err, errUnknownField):
		writeError(w, http.StatusBadRequest, "invalid request body: %v; this call accepts %s", err, accepted)
	default:
		writeError(w, http.StatusBadRequest, "invalid request body: %v", err)
	}
	return false
}
