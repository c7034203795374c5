package interactly

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

// FuzzParseNumberList feeds arbitrary bytes to the decoder of the list
// answer. It must never panic, and whatever it accepts must be a list of
// documents with an ID and a number that survives a round trip.
func FuzzParseNumberList(f *testing.F) {
	for _, seed := range []string{
		`[]`,
		`null`,
		`[{"_id":"a","teamId":"t","number":"+14155550100","provider":{"name":"twilio"},"assistantId":"x","inboundEnabled":true,"outboundEnabled":false,"label":"l"}]`,
		`[{"_id":"a","number":"+1","extra":{"deep":[1,2,3]}}]`,
		`[{"_id":"a","number":"+14155550100"}] trailing`,
		`[{"_id":"a","number":"+14155550100"},`,
		`[{"number":"+14155550100"}]`,
		`[{"_id":"a","number":""}]`,
		`[{"_id":1,"number":"+1"}]`,
		`{"message":"not a list"}`,
		`[{"_id":"a","number":"+1","inboundEnabled":"yes"}]`,
		"\xff\xfe",
		``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		numbers, err := parseNumberList(body)
		if err != nil {
			if numbers != nil {
				t.Fatalf("error %v came with numbers %v", err, numbers)
			}
			return
		}
		if numbers == nil {
			t.Fatal("accepted an answer without returning a list")
		}
		for _, n := range numbers {
			if n.ID == "" || n.Number == "" {
				t.Fatalf("accepted a document without ID or number: %+v", n)
			}
		}
		again, err := json.Marshal(numbers)
		if err != nil {
			t.Fatal(err)
		}
		back, err := parseNumberList(again)
		if err != nil || !reflect.DeepEqual(back, numbers) {
			t.Fatalf("round trip changed %+v into %+v (%v)", numbers, back, err)
		}
	})
}

// FuzzErrorMessage checks that any error body yields a bounded, single-line,
// valid UTF-8 message.
func FuzzErrorMessage(f *testing.F) {
	for _, seed := range []string{``, `{"message":"x"}`, `{"error":["a","b"]}`, "<html>\n<b>oops</b>", "\xff\xfe\xfd", `{"message":null,"error":null}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		msg := errorMessage(body)
		if len(msg) > maxMessageLen+len("…") {
			t.Fatalf("message of %d bytes exceeds the bound", len(msg))
		}
		for _, r := range msg {
			if r == '\n' || r == '\r' {
				t.Fatalf("message %q spans lines", msg)
			}
		}
		if !utf8.ValidString(msg) {
			t.Fatalf("message %q is not valid UTF-8", msg)
		}
	})
}

func TestErrorMessageShapes(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		`{"statusCode":404,"error":"Not Found","message":"no number"}`: "no number",
		`{"error":["a","b"]}`:                            `["a","b"]`,
		"Unauthorized: invalid API key\n":                "Unauthorized: invalid API key",
		`{"errors":[{"code":"BAD","detail":"unknown"}]}`: `{"errors":[{"code":"BAD","detail":"unknown"}]}`,
		"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><h1>502</h1></body></html>": `an HTML page titled "502 Bad Gateway"`,
		"<!DOCTYPE html><HTML lang=en><head><TITLE>Service &amp; more</TITLE>":                      `an HTML page titled "Service & more"`,
		"<html><body>no title</body></html>":                                                        "<html><body>no title</body></html>",
		"":                                                                                          "",
	}
	for body, want := range tests {
		if got := errorMessage([]byte(body)); got != want {
			t.Errorf("errorMessage(%q) = %q, want %q", body, got, want)
		}
	}
}
