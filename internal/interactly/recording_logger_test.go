package interactly

import (
	"context"
	"sync"
	"testing"
)

// LogLine is one line a RecordingLogger received.
type LogLine struct {
	Level, Msg string
	Fields     map[string]any
}

// RecordingLogger keeps every line it receives. It lives in a test file of
// the package, so the tests here and those of package interactly_test share
// it and it never reaches the product.
type RecordingLogger struct {
	mu    sync.Mutex
	lines []LogLine
}

func (l *RecordingLogger) Debug(_ context.Context, msg string, fields map[string]any) {
	l.add("DEBUG", msg, fields)
}

func (l *RecordingLogger) Trace(_ context.Context, msg string, fields map[string]any) {
	l.add("TRACE", msg, fields)
}

func (l *RecordingLogger) add(level, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, LogLine{level, msg, fields})
}

// Lines returns the lines received so far.
func (l *RecordingLogger) Lines() []LogLine {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]LogLine(nil), l.lines...)
}

// Find returns the fields of the first line with this message, failing the
// test when there is none.
func (l *RecordingLogger) Find(t *testing.T, msg string) map[string]any {
	t.Helper()
	for _, line := range l.Lines() {
		if line.Msg == msg {
			return line.Fields
		}
	}
	t.Fatalf("no %q line among %+v", msg, l.Lines())
	return nil
}
