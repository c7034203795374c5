package livetest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

const unitKnowledgeBaseID = "65f0aaaabbbbccccddddeeee"

// startAPIWithKnowledgeBase is startAPI with a knowledge base (one file,
// one URL) in the team, and the settings naming it.
func startAPIWithKnowledgeBase(t *testing.T, profile emulator.Profile, wrap func(http.Handler) http.Handler) (Settings, *emulator.Server) {
	t.Helper()
	emu := emulator.New(emulator.Options{APIKey: unitKey, Seed: unitSeed(), Profile: profile})
	f := emu.PutFile(emulator.File{Name: "menu.pdf"})
	emu.PutKnowledgeBase(emulator.KnowledgeBase{ID: unitKnowledgeBaseID, Title: "FAQ", Description: "d", RetrainFrequencyMinutes: 60,
		FileIDs: []string{f.ID}, IncludeURLs: []emulator.KBURL{{URL: "https://bakery.example", Recursive: true}}})
	var handler http.Handler = emu
	if wrap != nil {
		handler = wrap(emu)
	}
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return Settings{APIKey: unitKey, BaseURL: srv.URL, Number: unitNumber, AssistantID: unitAssistantID, KnowledgeBaseID: unitKnowledgeBaseID}, emu
}

// The knowledge base checks leave it as found, and the file they upload is
// deleted again.
func TestKnowledgeBaseContractLeavesItAsFound(t *testing.T) {
	for _, profile := range emulator.Profiles() {
		s, emu := startAPIWithKnowledgeBase(t, profile, nil)
		before, _ := emu.KnowledgeBase(unitKnowledgeBaseID)
		report := CheckContract(t.Context(), s)
		if broken := report.Broken(); len(broken) > 0 {
			t.Errorf("%s: broken findings %v\n%s", profile, broken, report)
		}
		after, _ := emu.KnowledgeBase(unitKnowledgeBaseID)
		if after.Title != before.Title || len(after.FileIDs) != 1 || after.FileIDs[0] != before.FileIDs[0] || len(after.IncludeURLs) != 1 {
			t.Errorf("%s: the knowledge base was %+v, is %+v", profile, before, after)
		}
		if files := emu.Files(); len(files) != 1 {
			t.Errorf("%s: files %+v, want only the knowledge base's", profile, files)
		}
		events := strings.Join(emu.KnowledgeBaseEvents(), "; ")
		if !strings.Contains(events, "upload ") || !strings.Contains(events, "delete-file ") || !strings.Contains(events, "put "+unitKnowledgeBaseID) {
			t.Errorf("%s: writes %s, want the PUT, an upload and its deletion", profile, events)
		}
	}
}

// A document whose ID is under "_id" breaks the provider's reading.
func TestKnowledgeBaseContractFailsOnADocumentWithoutID(t *testing.T) {
	gets := func(r *http.Request, _ []byte) bool {
		return r.Method == http.MethodGet && r.URL.Path == knowledgeBasesPath+"/"+unitKnowledgeBaseID
	}
	s, _ := startAPIWithKnowledgeBase(t, emulator.ProfileDefault, answerInstead(gets, http.StatusOK, `{"_id":"`+unitKnowledgeBaseID+`","title":"FAQ"}`))
	report := CheckContract(t.Context(), s)
	broken := report.Broken()
	if len(broken) != 1 || !strings.Contains(broken[0].Text, `reads the ID from "id"`) {
		t.Errorf("want the missing id reported broken, got %v\n%s", broken, report)
	}
}

// Without the variable the report says the checks did not run.
func TestKnowledgeBaseContractIsOptional(t *testing.T) {
	s := startAPI(t, nil)
	if report := CheckContract(t.Context(), s); !strings.Contains(report.String(), EnvKnowledgeBaseID+" is not set") {
		t.Errorf("want a note that knowledge bases were not checked:\n%s", report)
	}
}
