// Package export writes a team's numbers, assistants and the assistants'
// knowledge bases as a Terraform root module that adopts them: import blocks,
// resource blocks that set what the team has, references between them, the
// assistants' prompts as files read with file(), and a variable for every
// secret (which no answer shows or which must not be written down).
//
// Two rules make it safe to run again into the same directory:
//
//   - Names are kept. The directory's manifest (.interactly-export.json)
//     records the name given to every number, assistant and knowledge
//     base; a later run gives an object the name it had, and a new object a
//     name no other object of its type has had. Without a manifest, names
//     are derived from the labels, assistant names and titles in ID order,
//     so two runs on the same team agree.
//   - Edited files are never overwritten. The manifest records a digest of
//     every file written; a file whose content no longer matches (the user
//     edited it) is left as it is, and the new content is written beside it
//     as <name>.new, which Terraform does not read. The run says so.
//
// Assistants cannot be listed: the export covers every assistant attached to
// an exported number, and those named with -assistant.
//
// The knowledge bases an exported assistant uses are read once each and
// exported with their files as file_ids, as their import brings them; the
// assistants' knowledge_base_ids refer to them (render_knowledge_base.go).
// One the API answers 404 for stays a raw ID, and the command says so.
// on_destroy is left at its default ("empty"), which an import also sets:
// "keep" would make the first plan change every knowledge base in place (no
// write to the API, but not a plan of imports alone); a comment in each
// block and the guide say how to keep them.
package export
