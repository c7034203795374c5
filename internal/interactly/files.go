package interactly

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

const filesPath = "/kb/v1/files"

// UploadedFile is what is known after an upload.
type UploadedFile struct {
	// ID is the new file's ID; "" when the API accepted the upload without
	// naming it (Message then says what it answered): a file may exist in
	// the team that nobody can refer to.
	ID      string
	Name    string // the name the API gave it, or the local file's base name
	Message string // the answer, when it named no ID
	// SHA256 (hex) and Size describe the bytes that were sent, read as
	// they streamed: what was uploaded, even if the file changed since.
	SHA256 string
	Size   int64
}

// UploadFile calls POST /kb/v1/files with the file at path as the multipart
// field "file". The file is streamed from disk as each attempt sends it,
// never read whole into memory, and never logged. Like every POST it is
// sent again only when the API cannot have seen it (see package transport):
// any other failure may have left a file in the team.
func (c *Client) UploadFile(ctx context.Context, path string) (UploadedFile, error) {
	body, err := newUploadBody(path)
	if err != nil {
		return UploadedFile{}, err
	}
	req := request{method: http.MethodPost, path: filesPath, upload: body.open, contentType: body.contentType}
	uploaded := UploadedFile{Name: filepath.Base(path)}
	err = c.do(ctx, req, func(answer []byte) error {
		id, name, message, err := parseCreateAnswer(answer)
		if err != nil {
			return err
		}
		uploaded.ID, uploaded.Message = id, message
		if name != "" {
			uploaded.Name = name
		}
		return nil
	})
	if err != nil {
		return UploadedFile{}, err
	}
	uploaded.SHA256, uploaded.Size = body.sent()
	return uploaded, nil
}

// DeleteFile calls DELETE /kb/v1/files/{id}. The API answers with an
// acknowledgement whose body is not used.
func (c *Client) DeleteFile(ctx context.Context, id string) error {
	return c.do(ctx, request{method: http.MethodDelete, path: filesPath + "/" + url.PathEscape(id)}, func([]byte) error { return nil })
}

// uploadBody is a multipart form of one file, laid out as the part's
// header, the file's bytes and the closing boundary, so that its length is
// known before a byte is read (the request carries a Content-Length) and the
// file is read straight from disk as the connection takes it: no copy in
// memory, no goroutine.
type uploadBody struct {
	path           string
	head, tail     []byte
	size           int64
	contentType    string
	latest         hash.Hash // the hash of the latest attempt's bytes
	latestReadSize *int64
}

func newUploadBody(path string) (*uploadBody, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("reading the file to upload: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("the file to upload, %s, is not a regular file", path)
	}
	var buf bytes.Buffer
	form := multipart.NewWriter(&buf)
	if err := form.SetBoundary(randomBoundary()); err != nil {
		return nil, err
	}
	if _, err := form.CreateFormFile("file", filepath.Base(path)); err != nil {
		return nil, err
	}
	head := bytes.Clone(buf.Bytes())
	buf.Reset()
	if err := form.Close(); err != nil {
		return nil, err
	}
	return &uploadBody{path: path, head: head, tail: bytes.Clone(buf.Bytes()), size: info.Size(), contentType: form.FormDataContentType()}, nil
}

// open is the retryablehttp.ReaderFunc: each call opens the file anew. The
// size is the one the plan of the request announced; a file that grew since
// is cut there and one that shrank ends the attempt with an error, so the
// request never carries a length it does not have.
func (b *uploadBody) open() (io.Reader, error) {
	f, err := os.Open(b.path)
	if err != nil {
		return nil, fmt.Errorf("reading the file to upload: %w", err)
	}
	h := sha256.New()
	read := new(int64)
	b.latest, b.latestReadSize = h, read
	file := &countingReader{r: io.TeeReader(io.LimitReader(f, b.size), h), n: read, want: b.size}
	return &uploadReader{
		Reader: io.MultiReader(bytes.NewReader(b.head), file, bytes.NewReader(b.tail)),
		file:   f,
		length: len(b.head) + int(b.size) + len(b.tail),
	}, nil
}

// sent is the hash and size of what the latest attempt read.
func (b *uploadBody) sent() (sha string, size int64) {
	if b.latest == nil {
		return "", 0
	}
	return hex.EncodeToString(b.latest.Sum(nil)), *b.latestReadSize
}

var _ retryablehttp.LenReader = (*uploadReader)(nil)

// uploadReader is one attempt's body. Len lets retryablehttp announce the
// Content-Length.
type uploadReader struct {
	io.Reader
	file   *os.File
	length int
}

func (r *uploadReader) Len() int     { return r.length }
func (r *uploadReader) Close() error { return r.file.Close() }

// countingReader counts the file's bytes and fails when the file ends
// before the size announced.
type countingReader struct {
	r    io.Reader
	n    *int64
	want int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	if err == io.EOF && *c.n < c.want {
		return n, fmt.Errorf("the file shrank while it was uploaded (%d bytes read of %d)", *c.n, c.want)
	}
	return n, err
}

// randomBoundary is a multipart boundary that no file is likely to hold.
func randomBoundary() string {
	var b [24]byte
	_, _ = rand.Read(b[:])
	return "interactly-" + hex.EncodeToString(b[:])
}

// parseCreateAnswer reads the answer of a create whose body the docs do not
// show for sure: the document, an object with only an ID, or a message. An
// empty body or a message gives no ID; an ID that is not a non-empty string
// is a broken answer.
func parseCreateAnswer(answer []byte) (id, name, message string, err error) {
	trimmed := bytes.TrimSpace(answer)
	if len(trimmed) == 0 {
		return "", "", "", nil
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(trimmed, &fields) != nil || fields == nil {
		var text string
		if json.Unmarshal(trimmed, &text) == nil {
			return "", "", excerpt([]byte(text)), nil
		}
		if json.Valid(trimmed) {
			return "", "", excerpt(trimmed), nil
		}
		return "", "", "", fmt.Errorf("the answer is not JSON")
	}
	for _, key := range []string{"id", "_id"} {
		raw, ok := fields[key]
		if !ok {
			continue
		}
		if json.Unmarshal(raw, &id) != nil || strings.TrimSpace(id) == "" {
			return "", "", "", fmt.Errorf("the answer's %q is not a non-empty string", key)
		}
		_ = json.Unmarshal(fields["name"], &name)
		return id, name, "", nil
	}
	return "", "", errorMessage(trimmed), nil
}
