// Package export writes a team's numbers and assistants as a Terraform root
// module that adopts them: import blocks, resource blocks that set what the
// team has, the assistants' prompts as files read with file(), and a
// variable for every secret (which no answer shows or which must not be
// written down).
//
// Two rules make it safe to run again into the same directory:
//
//   - Names are kept. The directory's manifest (.interactly-export.json)
//     records the name given to every number and assistant; a later run
//     gives an object the name it had, and a new object a name no other
//     object of its type has had. Without a manifest, names are derived from
//     the labels and assistant names in ID order, so two runs on the same
//     team agree.
//   - Edited files are never overwritten. The manifest records a digest of
//     every file written; a file whose content no longer matches (the user
//     edited it) is left as it is, and the new content is written beside it
//     as <name>.new, which Terraform does not read. The run says so.
//
// Assistants cannot be listed: the export covers every assistant attached to
// an exported number, and those named with -assistant.
//
// Knowledge bases are not exported yet: an assistant's knowledge_base_ids
// are written as the IDs the API reports. When a knowledge base resource
// exists, Team gains its documents (one GET each) and refer (render.go)
// writes references to them, as it does for a number's assistant.
package export
