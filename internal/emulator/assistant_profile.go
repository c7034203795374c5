package emulator

// sparseAssistantFields are the only fields of an assistant document the
// sparse profile sends: the docs mark no field as always present, so the
// sparse profile leaves out every setting but a few, and the team.
var sparseAssistantFields = []string{
	"_id", "name", "welcomeMessage", "assistantProvider", "assistantModel", "assistantSystemPrompt",
	"assistantTemperature", "config", "assistantServer",
}

// assistantDocument is a as this profile sends it, never with the webhook's
// secret: default sends every field stored; sparse only
// sparseAssistantFields; verbose every field, "" as null, and fields the docs
// do not list.
func (p Profile) assistantDocument(a Assistant) Assistant {
	doc := a.public()
	switch p {
	case ProfileSparse:
		out := Assistant{}
		for _, f := range sparseAssistantFields {
			if v, ok := doc[f]; ok {
				out[f] = v
			}
		}
		return out
	case ProfileVerbose:
		for k, v := range doc {
			if v == "" {
				doc[k] = nil
			}
		}
		doc["createdAt"] = "2026-01-15T09:30:00.000Z"
		doc["updatedAt"] = "2026-11-01T12:00:00.000Z"
		doc["squadId"] = nil
		doc["__v"] = 0
	}
	return doc
}
