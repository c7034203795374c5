package provider

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// sparseFile makes a file of size bytes that reads as zeros.
func sparseFile(tb testing.TB, size int64) string {
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

func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// The plan's hash of a file streams it: hashing 32 MB allocates a small
// fraction of that, and the hash is the file's.
func TestFileSHA256Streams(t *testing.T) {
	const size = 32 << 20
	path := sparseFile(t, size)
	var sum string
	var err error
	allocated := allocatedBy(func() { sum, err = fileSHA256(path) })
	if err != nil {
		t.Fatal(err)
	}
	want := sha256.Sum256(make([]byte, size))
	if sum != hex.EncodeToString(want[:]) {
		t.Errorf("sha256 = %s, want %x", sum, want)
	}
	if allocated > size/8 {
		t.Errorf("hashing %d MB allocated %d MB: the file is being read into memory", size>>20, allocated>>20)
	}
	if _, err := fileSHA256(t.TempDir()); err == nil {
		t.Error("a directory hashed without error")
	}
}

// BenchmarkFileSHA256_100MB reports the bytes allocated per plan-time hash
// of a 100 MB file (alloc-MB/op), far below its size.
func BenchmarkFileSHA256_100MB(b *testing.B) {
	const size = 100 << 20
	path := sparseFile(b, size)
	b.SetBytes(size)
	var total uint64
	for b.Loop() {
		total += allocatedBy(func() {
			if _, err := fileSHA256(path); err != nil {
				b.Fatal(err)
			}
		})
	}
	b.ReportMetric(float64(total)/float64(b.N)/(1<<20), "alloc-MB/op")
	b.ReportMetric(size>>20, "file-MB")
}
