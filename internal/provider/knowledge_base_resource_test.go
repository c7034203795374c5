package provider

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// faqConfig is a knowledge base of the files at paths, with URLs.
func faqConfig(paths ...string) string {
	files := ""
	for _, p := range paths {
		files += hcl(p) + ", "
	}
	return fmt.Sprintf(`
resource "interactly_knowledge_base" "faq" {
  title                     = "Bakery FAQ"
  description               = "What callers ask about"
  files                     = [%s]
  include_urls              = [{ url = "https://bakery.example/faq", recursive = true }]
  exclude_urls              = [{ url = "https://bakery.example/faq/archive" }]
  retrain_frequency_minutes = 1440
}`, files)
}

// The whole life of a knowledge base: created with files and URLs and
// trained, a file changed on disk (uploaded, referenced, the old one deleted,
// in that order), a file removed, a dashboard change repaired, an import,
// and a destroy that empties it and deletes the files Terraform uploaded.
func TestAccKnowledgeBase_lifecycle(t *testing.T) {
	emu := newTestEmulator(t)
	files := newKBFiles(t)
	menu, hours := files.write("menu.md", "# Menu\nsourdough 6"), files.write("hours.md", "9 to 17")
	var mark int
	var kbID, oldMenuID, hoursID, newMenuID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(*terraform.State) error {
			kb, err := emu.theKnowledgeBase()
			if err != nil {
				return err
			}
			if len(kb.FileIDs) != 0 || len(kb.IncludeURLs) != 0 || len(kb.ExcludeURLs) != 0 || kb.Title != "Bakery FAQ" {
				return fmt.Errorf("after destroy the knowledge base holds %+v, want it emptied", kb)
			}
			if files := emu.Files(); len(files) != 0 {
				return fmt.Errorf("after destroy the team holds files %+v, want the uploaded ones deleted", files)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				PreConfig: emu.markEvents(&mark),
				Config:    emu.config(faqConfig(menu, hours)),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(faq, "status", "trained"),
					resource.TestCheckResourceAttr(faq, "uploaded_files.%", "2"),
					faqAttr("id", &kbID),
					faqAttr("uploaded_files."+menu+".id", &oldMenuID),
					faqAttr("uploaded_files."+hours+".id", &hoursID),
					emu.expectEvents(&mark, "upload *hours.md", "upload *menu.md", "create *"),
					emu.expectKnowledgeBase(func(kb emulator.KnowledgeBase) error {
						if kb.Title != "Bakery FAQ" || kb.Description != "What callers ask about" || kb.RetrainFrequencyMinutes != 1440 ||
							len(kb.FileIDs) != 2 || len(kb.IncludeURLs) != 1 || !kb.IncludeURLs[0].Recursive || len(kb.ExcludeURLs) != 1 {
							return fmt.Errorf("the API holds %+v", kb)
						}
						return nil
					}),
				),
			},
			{
				// The file changes on disk: the plan shows it, the apply
				// uploads it, points the knowledge base at it, then deletes
				// the old one.
				PreConfig: func() {
					files.write("menu.md", "# Menu\nsourdough 7")
					emu.markEvents(&mark)()
				},
				Config: emu.config(faqConfig(menu, hours)),
				Check: resource.ComposeAggregateTestCheckFunc(
					faqAttr("uploaded_files."+menu+".id", &newMenuID),
					func(*terraform.State) error {
						want := []string{"upload " + newMenuID + " menu.md", "put " + kbID + " files=", "delete-file " + oldMenuID}
						got := emu.eventsSince(mark)
						if len(got) != 3 || got[0] != want[0] || got[1][:len(want[1])] != want[1] || got[2] != want[2] || newMenuID == oldMenuID {
							return fmt.Errorf("writes %q, want %q in that order", got, want)
						}
						return nil
					},
					emu.expectFileNames("hours.md", "menu.md"),
				),
			},
			{
				// A file removed from files leaves the knowledge base, then the team.
				PreConfig: emu.markEvents(&mark),
				Config:    emu.config(faqConfig(menu)),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(faq, "uploaded_files.%", "1"),
					func(*terraform.State) error {
						got := emu.eventsSince(mark)
						if len(got) != 2 || got[0] != "put "+kbID+" files="+newMenuID || got[1] != "delete-file "+hoursID {
							return fmt.Errorf("writes %q, want the PUT without %s, then its deletion", got, hoursID)
						}
						return nil
					},
					emu.expectFileNames("menu.md"),
				),
			},
			{
				// A change in the dashboard is drift, repaired by the apply.
				PreConfig: func() {
					emu.EditKnowledgeBase(kbID, func(kb *emulator.KnowledgeBase) {
						kb.Title, kb.IncludeURLs, kb.RetrainFrequencyMinutes = "Edited by hand", nil, 60
					})
				},
				Config: emu.config(faqConfig(menu)),
				Check: emu.expectKnowledgeBase(func(kb emulator.KnowledgeBase) error {
					if kb.Title != "Bakery FAQ" || len(kb.IncludeURLs) != 1 || kb.RetrainFrequencyMinutes != 1440 {
						return fmt.Errorf("the drift was not repaired: %+v", kb)
					}
					return nil
				}),
			},
			{
				ResourceName: faq, ImportState: true, ImportStateVerify: true,
				// An import cannot know which files were local: they come in as file_ids.
				ImportStateVerifyIgnore: []string{"files", "file_ids", "uploaded_files"},
			},
		},
	})
}

// on_destroy = "keep" forgets the knowledge base as it is, its files held.
func TestAccKnowledgeBase_keep(t *testing.T) {
	emu := newTestEmulator(t)
	files := newKBFiles(t)
	menu := files.write("menu.md", "bread")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(*terraform.State) error {
			kb, err := emu.theKnowledgeBase()
			if err != nil {
				return err
			}
			if len(kb.FileIDs) != 1 || len(emu.Files()) != 1 {
				return fmt.Errorf("after destroy with keep: %+v, files %+v; want it as it was", kb, emu.Files())
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: emu.config(`
resource "interactly_knowledge_base" "faq" {
  title      = "Kept"
  files      = [` + hcl(menu) + `]
  on_destroy = "keep"
}`),
			Check: resource.TestCheckResourceAttr(faq, "on_destroy", "keep"),
		}},
	})
}

// A create the API refuses leaves nothing behind: the files uploaded for it
// are deleted again.
func TestAccKnowledgeBase_refusedCreateLeavesNothing(t *testing.T) {
	emu := newTestEmulator(t)
	emu.AddFault(emulator.Fault{Method: "POST", Route: "/kb/v1/knowledge-bases", Status: 400})
	files := newKBFiles(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      emu.config(faqConfig(files.write("menu.md", "bread"), files.write("hours.md", "9-5"))),
			ExpectError: errorMatching(`Unable to create knowledge base "Bakery FAQ".*HTTP 400.*refused the create.*deleted again`),
			Check:       nil,
		}, {
			PreConfig: func() {
				if kbs, files := emu.KnowledgeBases(), emu.Files(); len(kbs) != 0 || len(files) != 0 {
					t.Errorf("after a refused create the team holds %+v and files %+v; want nothing", kbs, files)
				}
				if n := emu.Counts()["DELETE /kb/v1/files/{id}"]; n != 2 {
					t.Errorf("%d deletions of files, want the 2 uploaded", n)
				}
			},
			Config:   emu.config(""),
			PlanOnly: true,
		}},
	})
}

// A create that may have reached the API is never sent again; the error
// says what may exist and how to import it.
func TestAccKnowledgeBase_ambiguousCreateIsNotRepeated(t *testing.T) {
	emu := newTestEmulator(t)
	emu.AddFault(emulator.Fault{Method: "POST", Route: "/kb/v1/knowledge-bases", Status: 502, Apply: true, Times: 1})
	files := newKBFiles(t)
	menu := files.write("menu.md", "bread")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      emu.config(faqConfig(menu)),
			ExpectError: errorMatching(`Knowledge base "Bakery FAQ" may have been created.*HTTP 502.*titled "Bakery FAQ" may now exist.*import`),
		}, {
			PreConfig: func() {
				if n := emu.Counts()["POST /kb/v1/knowledge-bases"]; n != 1 {
					t.Errorf("%d creates sent, want 1", n)
				}
				kb, err := emu.theKnowledgeBase()
				if err != nil || len(kb.FileIDs) != 1 || len(emu.Files()) != 1 {
					t.Errorf("the applied create holds %+v (%v), files %+v; want its file kept", kb, err, emu.Files())
				}
			},
			Config:   emu.config(""),
			PlanOnly: true,
		}},
	})
}

// A create answered with a message and no ID is an error that says so,
// and is not repeated.
func TestAccKnowledgeBase_createWithoutID(t *testing.T) {
	emu := newTestEmulatorWith(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam(), KnowledgeBaseCreateAnswer: emulator.CreateAnswerMessage})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      emu.config(`resource "interactly_knowledge_base" "faq" { title = "Bakery FAQ" }`),
			ExpectError: errorMatching(`Knowledge base "Bakery FAQ" was created, but the API did not say its ID.*"Knowledge Base created successfully"`),
		}, {
			PreConfig: func() {
				if n := emu.Counts()["POST /kb/v1/knowledge-bases"]; n != 1 || len(emu.KnowledgeBases()) != 1 {
					t.Errorf("%d creates sent, %d knowledge bases; want 1 and 1", n, len(emu.KnowledgeBases()))
				}
			},
			Config:   emu.config(""),
			PlanOnly: true,
		}},
	})
}

// Training longer than the create timeout: the knowledge base is kept in
// state with its status (a warning, not an error that would taint it).
func TestAccKnowledgeBase_trainingLongerThanTheTimeout(t *testing.T) {
	emu := newTestEmulatorWith(t, emulator.Options{APIKey: testAPIKey, Seed: testTeam(), KnowledgeBaseTrainingTime: time.Hour})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: emu.config(`
resource "interactly_knowledge_base" "faq" {
  title = "Bakery FAQ"
  timeouts { create = "3s" }
}`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(faq, "status", "queued"),
				func(*terraform.State) error {
					if n := emu.Counts()["GET /kb/v1/knowledge-bases/{id}/status"]; n < 1 || n > 3 {
						return fmt.Errorf("%d status polls in 3 s, want a few with backoff", n)
					}
					return nil
				},
			),
		}},
	})
}

func TestAccKnowledgeBase_planChecks(t *testing.T) {
	emu := newTestEmulator(t)
	files := newKBFiles(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: emu.config(`
resource "interactly_knowledge_base" "faq" {
  title                     = "Bakery FAQ"
  retrain_frequency_minutes = 90
}`),
			PlanOnly:    true,
			ExpectError: errorMatching(`Invalid retrain_frequency_minutes.*= 90.*multiple of 60`),
		}, {
			// A fraction gets the provider's own words, not the framework's.
			Config: emu.config(`
resource "interactly_knowledge_base" "faq" {
  title                     = "Bakery FAQ"
  retrain_frequency_minutes = 1.5
}`),
			PlanOnly:    true,
			ExpectError: errorMatching(`Not a whole number.*retrain_frequency_minutes = 1.5`),
		}, {
			Config: emu.config(`
resource "interactly_knowledge_base" "faq" {
  title = "Bakery FAQ"
  files = [` + hcl(files.path("gone.md")) + `]
}`),
			PlanOnly:    true,
			ExpectError: errorMatching(`Unable to read file .*gone.md`),
		}},
	})
	if n := len(emu.KnowledgeBaseEvents()); n != 0 {
		t.Errorf("plans wrote %d times", n)
	}
}

// dashboardKnowledgeBase puts a knowledge base made in the dashboard into
// the emulator, with one file, and returns the file's ID.
func dashboardKnowledgeBase(emu *testEmulator) string {
	f := emu.PutFile(emulator.File{Name: "menu.pdf"})
	emu.PutKnowledgeBase(emulator.KnowledgeBase{ID: "65f0aaaabbbbccccddddeeee", Title: "From the dashboard", Description: "d",
		RetrainFrequencyMinutes: 60, FileIDs: []string{f.ID}, IncludeURLs: []emulator.KBURL{{URL: "https://bakery.example", Recursive: true}}})
	return f.ID
}

// An import block generates configuration that plans clean: the files come
// in as file_ids. (Terraform 1.5 cannot generate configuration for nested
// attributes: it panics.)
func TestAccKnowledgeBase_importGeneratesConfigThatPlansClean(t *testing.T) {
	emu := newTestEmulator(t)
	dashboardKnowledgeBase(emu)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_6_0)},
		Steps: []resource.TestStep{{
			Config:          emu.config(""),
			ResourceName:    faq,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   "65f0aaaabbbbccccddddeeee",
			GenerateConfig:  true,
		}},
	})
	if n := len(emu.KnowledgeBaseEvents()); n != 0 {
		t.Errorf("the import wrote %d times: %q", n, emu.KnowledgeBaseEvents())
	}
}

// An import block with a configuration that says what the knowledge base
// holds plans nothing but the import.
func TestAccKnowledgeBase_importBlockPlansClean(t *testing.T) {
	emu := newTestEmulator(t)
	fileID := dashboardKnowledgeBase(emu)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: emu.config(`
resource "interactly_knowledge_base" "faq" {
  title                     = "From the dashboard"
  description               = "d"
  retrain_frequency_minutes = 60
  file_ids                  = [` + hcl(fileID) + `]
  include_urls              = [{ url = "https://bakery.example", recursive = true }]
}`),
			ResourceName:    faq,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   "65f0aaaabbbbccccddddeeee",
		}},
	})
	if n := len(emu.KnowledgeBaseEvents()); n != 0 {
		t.Errorf("the import wrote %d times: %q", n, emu.KnowledgeBaseEvents())
	}
}

// The data source reads a knowledge base, and an assistant uses one by ID.
func TestAccKnowledgeBase_dataSourceAndAssistant(t *testing.T) {
	emu := newTestEmulator(t)
	files := newKBFiles(t)
	menu := files.write("menu.md", "bread")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: emu.config(faqConfig(menu) + `
data "interactly_knowledge_base" "faq" {
  id = interactly_knowledge_base.faq.id
}

resource "interactly_assistant" "front_desk" {
  assistant_id       = "asst-support"
  knowledge_base_ids = [interactly_knowledge_base.faq.id]
}`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.interactly_knowledge_base.faq", "title", "Bakery FAQ"),
				resource.TestCheckResourceAttr("data.interactly_knowledge_base.faq", "retrain_frequency_minutes", "1440"),
				resource.TestCheckResourceAttr("data.interactly_knowledge_base.faq", "include_urls.0.recursive", "true"),
				resource.TestCheckResourceAttr("data.interactly_knowledge_base.faq", "files.0.name", "menu.md"),
				resource.TestCheckResourceAttrPair("data.interactly_knowledge_base.faq", "file_ids.0", faq, "uploaded_files."+menu+".id"),
				resource.TestCheckResourceAttrPair(frontDesk, "knowledge_base_ids.0", faq, "id"),
				func(s *terraform.State) error {
					id := s.RootModule().Resources[faq].Primary.ID
					a, _ := emu.Assistant("asst-support")
					if ids, _ := a["assistantKnowledgeBaseIds"].([]any); !slices.Contains(ids, any(id)) {
						return fmt.Errorf("the assistant holds knowledge bases %v, want %s", a["assistantKnowledgeBaseIds"], id)
					}
					return nil
				},
			),
		}},
	})
}

// ignore_changes keeps a dashboard change of an ignored argument, and the
// plan stays empty; a change of wait_for_training alone makes no call.
func TestAccKnowledgeBase_ignoreChangesAndTerraformOnlyArguments(t *testing.T) {
	emu := newTestEmulator(t)
	var kbID string
	config := func(wait bool) string {
		return emu.config(fmt.Sprintf(`
resource "interactly_knowledge_base" "faq" {
  title             = "Bakery FAQ"
  description       = "What callers ask about"
  wait_for_training = %t
  lifecycle {
    ignore_changes = [description]
  }
}`, wait))
	}
	var mark int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config(true), Check: faqAttr("id", &kbID)},
			{
				PreConfig: func() {
					emu.EditKnowledgeBase(kbID, func(kb *emulator.KnowledgeBase) { kb.Description = "Tuned in the dashboard" })
					emu.markEvents(&mark)()
				},
				Config: config(false),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(faq, "wait_for_training", "false"),
					emu.expectEvents(&mark),
					emu.expectKnowledgeBase(func(kb emulator.KnowledgeBase) error {
						if kb.Description != "Tuned in the dashboard" {
							return fmt.Errorf("description %q: the ignored change was overwritten", kb.Description)
						}
						return nil
					}),
				),
			},
		},
	})
}

// An update the API refuses changes nothing and deletes the file it had
// just uploaded; one that may have been applied records the new upload in
// state, and the next apply converges without uploading it again.
func TestAccKnowledgeBase_failedUpdates(t *testing.T) {
	emu := newTestEmulator(t)
	files := newKBFiles(t)
	menu := files.write("menu.md", "bread 5")
	var mark int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: emu.config(faqConfig(menu))},
			{
				PreConfig: func() {
					files.write("menu.md", "bread 6")
					emu.AddFault(emulator.Fault{Method: "PUT", Route: "/kb/v1/knowledge-bases/{id}", Status: 400, Times: 1})
					emu.markEvents(&mark)()
				},
				Config:      emu.config(faqConfig(menu)),
				ExpectError: errorMatching(`Unable to update knowledge base "Bakery FAQ".*HTTP 400.*Nothing was changed.*deleted again`),
				Check:       nil,
			},
			{
				PreConfig: func() {
					got := emu.eventsSince(mark)
					if len(got) != 2 || got[0][:7] != "upload " || got[1][:12] != "delete-file " {
						t.Errorf("writes of the refused update: %q, want an upload and its deletion", got)
					}
					emu.AddFault(emulator.Fault{Method: "PUT", Route: "/kb/v1/knowledge-bases/{id}", Status: 500, Apply: true, Times: 1})
					emu.markEvents(&mark)()
				},
				Config:      emu.config(faqConfig(menu)),
				ExpectError: errorMatching(`Unable to update knowledge base "Bakery FAQ".*HTTP 500`),
			},
			{
				PreConfig: emu.markEvents(&mark),
				Config:    emu.config(faqConfig(menu)),
				Check: func(*terraform.State) error {
					for _, e := range emu.eventsSince(mark) {
						if e[:7] == "upload " {
							return fmt.Errorf("the file was uploaded again after an update that may have been applied: %q", emu.eventsSince(mark))
						}
					}
					return nil
				},
			},
		},
	})
}

// A knowledge base deleted in the dashboard leaves state only on clear
// evidence: a 404 that speaks of a knowledge base. A 404 that does not (a
// route's, or one without a message, as the sparse profile sends) is an
// error, and state keeps it.
func TestAccKnowledgeBase_departureOnClearEvidenceOnly(t *testing.T) {
	emu := newTestEmulator(t)
	var kbID string
	config := emu.config(`resource "interactly_knowledge_base" "faq" { title = "Bakery FAQ" }`)
	var saved emulator.KnowledgeBase
	gone := []resource.TestStep{{
		PreConfig: func() {
			saved, _ = emu.KnowledgeBase(kbID)
			emu.DeleteKnowledgeBase(kbID)
		},
		Config:             config,
		PlanOnly:           true,
		ExpectNonEmptyPlan: true, // removed from state: the plan creates it again
	}}
	if emu.profile == emulator.ProfileSparse {
		// Its 404s have no message: never evidence. Put the knowledge base
		// back so that the test's destroy can empty it.
		gone[0].ExpectNonEmptyPlan = false
		gone[0].ExpectError = errorMatching(`Unable to read knowledge base "Bakery FAQ".*HTTP 404.*without saying that the knowledge base is missing`)
		gone = append(gone, resource.TestStep{PreConfig: func() { emu.PutKnowledgeBase(saved) }, Config: config})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: append([]resource.TestStep{
			{Config: config, Check: faqAttr("id", &kbID)},
			{
				PreConfig: func() {
					emu.AddFault(emulator.Fault{Method: "GET", Route: "/kb/v1/knowledge-bases/{id}", Status: 404, Times: 1})
				},
				Config:      config,
				PlanOnly:    true,
				ExpectError: errorMatching(`Unable to read knowledge base "Bakery FAQ".*HTTP 404.*without saying that the knowledge base is missing`),
			},
		}, gone...),
	})
}

// A path known only at apply (another resource's output) plans the uploads
// as unknown and applies them.
func TestAccKnowledgeBase_pathKnownOnlyAtApply(t *testing.T) {
	emu := newTestEmulator(t)
	files := newKBFiles(t)
	files.write("menu.md", "bread")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: emu.config(`
resource "terraform_data" "dir" {
  input = ` + hcl(files.dir) + `
}

resource "interactly_knowledge_base" "faq" {
  title = "Bakery FAQ"
  files = ["${terraform_data.dir.output}/menu.md"]
}`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(faq, "uploaded_files.%", "1"),
				emu.expectFileNames("menu.md"),
			),
		}},
	})
}
