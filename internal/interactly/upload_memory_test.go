package interactly_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// bigFile makes a file of size bytes (sparse on disk: it reads as zeros).
func bigFile(tb testing.TB, size int64) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "big.bin")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// discardingAPI takes an upload and throws it away, so that what is
// measured is the client's memory, not a server's.
func discardingAPI(tb testing.TB) *interactly.Client {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id":"f1","name":"big.bin"}`)
	}))
	tb.Cleanup(srv.Close)
	client, err := interactly.New(interactly.Config{BaseURL: srv.URL, APIKey: testKey})
	if err != nil {
		tb.Fatal(err)
	}
	return client
}

// allocatedDuring is how many bytes the process allocated while f ran.
func allocatedDuring(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// An upload streams: the bytes allocated while a 32 MB file uploads are
// a small fraction of it (buffers, not a copy of the file).
func TestUploadStreamsFromDisk(t *testing.T) {
	const size = 32 << 20
	client := discardingAPI(t)
	path := bigFile(t, size)
	var err error
	allocated := allocatedDuring(func() { _, err = client.UploadFile(context.Background(), path) })
	if err != nil {
		t.Fatal(err)
	}
	if allocated > size/8 {
		t.Errorf("uploading %d MB allocated %d MB: the file is being copied into memory", size>>20, allocated>>20)
	}
}

// BenchmarkUpload100MB reports the bytes allocated per upload of a 100 MB
// file (alloc-MB/op) next to the file's size: far below it.
func BenchmarkUpload100MB(b *testing.B) {
	const size = 100 << 20
	client := discardingAPI(b)
	path := bigFile(b, size)
	b.SetBytes(size)
	var total uint64
	for b.Loop() {
		total += allocatedDuring(func() {
			if _, err := client.UploadFile(context.Background(), path); err != nil {
				b.Fatal(err)
			}
		})
	}
	b.ReportMetric(float64(total)/float64(b.N)/(1<<20), "alloc-MB/op")
	b.ReportMetric(size>>20, "file-MB")
}
