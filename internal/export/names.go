package export

import (
	"fmt"
	"strings"
	"unicode"
)

// Resource types the export writes.
const (
	numberType    = "interactly_number"
	assistantType = "interactly_assistant"
	// knowledgeBaseType is named from the knowledge base's title.
	knowledgeBaseType = "interactly_knowledge_base"
)

// namer gives resource names: the one recorded for an object, else a new
// one made from a hint (a label, an assistant's name) that no object of the
// type has had.
type namer struct {
	manifest *Manifest
	taken    map[string]bool // "type.name"
}

func newNamer(m *Manifest) *namer {
	n := &namer{manifest: m, taken: map[string]bool{}}
	for key, name := range m.Names {
		typ, _, _ := strings.Cut(key, "/")
		n.taken[typ+"."+name] = true
	}
	return n
}

// name is the resource name of the object of type typ with id.
func (n *namer) name(typ, id, hint, fallback string) string {
	key := typ + "/" + id
	if name, ok := n.manifest.Names[key]; ok {
		return name
	}
	base := identifier(hint)
	if base == "" {
		base = identifier(fallback)
	}
	name := base
	for i := 2; n.taken[typ+"."+name]; i++ {
		name = fmt.Sprintf("%s_%d", base, i)
	}
	n.taken[typ+"."+name] = true
	n.manifest.Names[key] = name
	return name
}

// identifier makes s a Terraform name: lower case letters, digits and
// underscores, starting with a letter; "" when s has no letter or digit.
func identifier(s string) string {
	var b strings.Builder
	underscore := false
	for _, r := range strings.ToLower(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if underscore && b.Len() > 0 {
				b.WriteByte('_')
			}
			underscore = false
			b.WriteRune(r)
			continue
		}
		underscore = true
	}
	out := b.String()
	if out != "" && !unicode.IsLetter(rune(out[0])) {
		out = "n" + out
	}
	return out
}
