package emulator

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	t.Parallel()
	_, c := start(t, Options{Seed: testSeed()})
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"id-3", "id-1", "id-2"}}, // insertion order, not sorted
		{"?label=sales", []string{"id-3", "id-2"}},
		{"?label=support", []string{"id-1"}},
		{"?label=sale", []string{}}, // exact match only
		{"?label=", []string{}},     // only unlabelled numbers, and there are none
	}
	for _, tt := range tests {
		res := c.do("GET", "/assistants/v1/numbers"+tt.query, "")
		if res.status != http.StatusOK {
			t.Fatalf("%s: status %d, body %s", tt.query, res.status, res.body)
		}
		var got []Number
		res.decode(t, &got)
		if got == nil {
			t.Errorf("%q: body %s, want a JSON array", tt.query, res.body)
		}
		if !slices.Equal(ids(got), tt.want) {
			t.Errorf("%q: IDs %v, want %v", tt.query, ids(got), tt.want)
		}
	}
}

func TestListDocument(t *testing.T) {
	t.Parallel()
	_, c := start(t, Options{Seed: testSeed()})
	res := c.do("GET", "/assistants/v1/numbers?label=support", "")
	// Defaults are filled in, and an absent assistant is an absent field.
	want := `[{"_id":"id-1","teamId":"team-1","number":"+14155550101","provider":{"name":"twilio"},` +
		`"inboundEnabled":true,"outboundEnabled":false,"label":"support"}]`
	if got := strings.TrimSpace(string(res.body)); got != want {
		t.Errorf("body\n%s\nwant\n%s", got, want)
	}
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		id      string
		body    string
		status  int
		message string // in the error message
		want    func(n *Number)
	}{
		{name: "attach", id: "id-2", body: `{"assistantId": "asst-b"}`, status: 200,
			want: func(n *Number) { n.AssistantID = "asst-b" }},
		{name: "detach", id: "id-3", body: `{"assistantId": ""}`, status: 200,
			want: func(n *Number) { n.AssistantID = "" }},
		{name: "flags", id: "id-3", body: `{"inboundEnabled": false, "outboundEnabled": false}`, status: 200,
			want: func(n *Number) { n.InboundEnabled, n.OutboundEnabled = false, false }},
		{name: "partial", id: "id-1", body: `{"outboundEnabled": true}`, status: 200,
			want: func(n *Number) { n.OutboundEnabled = true }},
		{name: "everything", id: "id-1", body: `{"assistantId": "asst-a", "inboundEnabled": false, "outboundEnabled": true}`, status: 200,
			want: func(n *Number) { n.AssistantID, n.InboundEnabled, n.OutboundEnabled = "asst-a", false, true }},
		{name: "empty object", id: "id-3", body: `{}`, status: 200, want: func(*Number) {}},
		{name: "unknown id", id: "id-9", body: `{}`, status: 404, message: `no number with _id "id-9"`},
		{name: "unknown assistant", id: "id-1", body: `{"assistantId": "asst-z"}`, status: 400, message: `unknown assistant "asst-z"`},
		{name: "malformed", id: "id-1", body: `{"inboundEnabled": `, status: 400, message: "malformed JSON"},
		{name: "syntax error", id: "id-1", body: `{"inboundEnabled": yes}`, status: 400, message: "malformed JSON at byte"},
		{name: "wrong type bool", id: "id-1", body: `{"inboundEnabled": "yes"}`, status: 400, message: `field "inboundEnabled": want a boolean, got string`},
		{name: "wrong type string", id: "id-1", body: `{"assistantId": 7}`, status: 400, message: `field "assistantId": want a string, got number`},
		{name: "label", id: "id-1", body: `{"label": "x"}`, status: 400, message: `unknown field "label"; this call accepts assistantId`},
		{name: "empty body", id: "id-1", body: ``, status: 400, message: "empty; want a JSON object"},
		{name: "array", id: "id-1", body: `[]`, status: 400, message: "want a JSON object, got array"},
		{name: "trailing data", id: "id-1", body: `{} {}`, status: 400, message: "unexpected data after the JSON value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, c := start(t, Options{Seed: testSeed()})
			before := srv.Numbers()
			res := c.do("PUT", "/assistants/v1/numbers/"+tt.id, tt.body)
			if tt.status != http.StatusOK {
				res.wantError(t, tt.status, tt.message)
				if after := srv.Numbers(); !slices.Equal(after, before) {
					t.Errorf("a refused PUT changed the numbers:\n%+v\nwant\n%+v", after, before)
				}
				return
			}
			if res.status != http.StatusOK {
				t.Fatalf("status %d, body %s", res.status, res.body)
			}
			var want Number
			for _, n := range before {
				if n.ID == tt.id {
					want = n
				}
			}
			tt.want(&want)
			var got Number
			res.decode(t, &got)
			if got != want {
				t.Errorf("answer %+v, want %+v", got, want)
			}
			if stored, _ := srv.GetNumber(tt.id); stored != want {
				t.Errorf("stored %+v, want %+v", stored, want)
			}
			if want.AssistantID == "" && strings.Contains(string(res.body), "assistantId") {
				t.Errorf("body %s has assistantId, want it absent when none", res.body)
			}
		})
	}
}
