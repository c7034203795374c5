package livetest

import (
	"net/http"
	"strings"
	"testing"
)

func getsAssistant(r *http.Request, _ []byte) bool {
	return r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, assistantsPath+"/")
}

// The GET path of an assistant is the provider's assumption: an API that
// answers it with a route's 404 breaks it.
func TestAssistantContractFailsWhenTheGetPathIsWrong(t *testing.T) {
	s := startAPI(t, answerInstead(getsAssistant, http.StatusNotFound, `{"message":"Cannot GET /assistants/v1/assistants/x"}`))
	report := CheckContract(t.Context(), s)
	broken := report.Broken()
	if len(broken) != 1 || !strings.Contains(broken[0].Text, "the provider assumes that this reads an assistant") {
		t.Errorf("want the GET path reported broken, got %v\n%s", broken, report)
	}
}

// An API whose unknown-assistant 404 does not say so is a note: the
// provider then never removes an assistant by itself.
func TestAssistantContractNotesA404ThatSaysNothing(t *testing.T) {
	unknownOnly := func(r *http.Request, b []byte) bool {
		return getsAssistant(r, b) && !strings.HasSuffix(r.URL.Path, "/"+unitAssistantID)
	}
	s := startAPI(t, answerInstead(unknownOnly, http.StatusNotFound, ``))
	report := CheckContract(t.Context(), s)
	if len(report.Broken()) > 0 || !strings.Contains(report.String(), "a 404 that does not speak of an assistant") {
		t.Errorf("want a note about the 404:\n%s", report)
	}
}
