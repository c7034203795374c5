package export

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/provider"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// providerSource is the provider's registry address.
const providerSource = "interactly/interactly"

// module is the files of one export, by slash-separated path.
type module map[string][]byte

// renderer writes the files of one team.
type renderer struct {
	alias    string // "" for the default provider configuration
	names    *namer
	files    module
	settings settings.Table
	// knowledgeBaseSettings are interactly_knowledge_base's plain settings.
	knowledgeBaseSettings settings.Table
	// knowledgeBases are the resource names of the exported knowledge
	// bases, by ID.
	knowledgeBases map[string]string
	// variables are the team's variable blocks, in the order declared.
	variables *hclwrite.File
}

// fileName is a team's file: prefixed with the alias, so that several teams
// share one directory.
func (r *renderer) fileName(base string) string {
	if r.alias == "" {
		return base
	}
	return r.alias + "_" + base
}

// render writes the team's files into r.files.
func (r *renderer) render(team Team) error {
	r.knowledgeBases = map[string]string{}
	for _, id := range team.knowledgeBaseIDs() {
		r.knowledgeBases[id] = r.names.name(knowledgeBaseType, id, team.KnowledgeBases[id].Title, "knowledge_base_"+id)
	}
	assistants := map[string]string{} // ID -> resource name
	for _, id := range team.assistantIDs() {
		assistants[id] = r.names.name(assistantType, id, assistantName(team.Assistants[id]), "assistant_"+id)
	}
	numbers := make([]string, len(team.Numbers))
	for i, n := range team.Numbers {
		numbers[i] = r.names.name(numberType, n.ID, n.LabelText(), "number_"+strings.TrimPrefix(n.Number, "+"))
	}

	imports := hclwrite.NewEmptyFile()
	knowledgeBaseFile := hclwrite.NewEmptyFile()
	for _, id := range team.knowledgeBaseIDs() {
		name := r.knowledgeBases[id]
		r.importBlock(imports.Body(), knowledgeBaseType, name, id)
		if err := r.knowledgeBaseBlock(knowledgeBaseFile.Body(), name, team.KnowledgeBases[id]); err != nil {
			return fmt.Errorf("knowledge base %s: %w", id, err)
		}
	}
	assistantFile := hclwrite.NewEmptyFile()
	for _, id := range team.assistantIDs() {
		name := assistants[id]
		r.importBlock(imports.Body(), assistantType, name, id)
		if err := r.assistantBlock(assistantFile.Body(), name, team.Assistants[id]); err != nil {
			return fmt.Errorf("assistant %s: %w", id, err)
		}
	}
	numberFile := hclwrite.NewEmptyFile()
	for i, n := range team.Numbers {
		r.importBlock(imports.Body(), numberType, numbers[i], n.ID)
		r.numberBlock(numberFile.Body(), numbers[i], n, assistants)
	}
	r.add(r.fileName("imports.tf"), imports)
	if len(team.KnowledgeBases) > 0 {
		r.add(r.fileName("knowledge_bases.tf"), knowledgeBaseFile)
	}
	if len(team.Assistants) > 0 {
		r.add(r.fileName("assistants.tf"), assistantFile)
	}
	if len(team.Numbers) > 0 {
		r.add(r.fileName("numbers.tf"), numberFile)
	}
	if len(r.variables.Body().Blocks()) > 0 {
		r.add(r.fileName("variables.tf"), r.variables)
	}
	return nil
}

func (r *renderer) add(path string, f *hclwrite.File) { r.files[path] = hclwrite.Format(f.Bytes()) }

// meta sets the provider meta-argument of a block when the team has an alias.
func (r *renderer) meta(body *hclwrite.Body) {
	if r.alias != "" {
		body.SetAttributeTraversal("provider", hcl.Traversal{hcl.TraverseRoot{Name: "interactly"}, hcl.TraverseAttr{Name: r.alias}})
	}
}

func (r *renderer) importBlock(body *hclwrite.Body, typ, name, id string) {
	b := body.AppendNewBlock("import", nil).Body()
	r.meta(b)
	b.SetAttributeTraversal("to", hcl.Traversal{hcl.TraverseRoot{Name: typ}, hcl.TraverseAttr{Name: name}})
	b.SetAttributeValue("id", cty.StringVal(id))
	body.AppendNewline()
}

// numberBlock adopts n with what the API reported of it: its assistant (a
// reference to the exported assistant) and the switches it sent.
func (r *renderer) numberBlock(body *hclwrite.Body, name string, n interactly.Number, assistants map[string]string) {
	b := body.AppendNewBlock("resource", []string{numberType, name}).Body()
	r.meta(b)
	b.SetAttributeValue("number", cty.StringVal(n.Number))
	if name, exported := assistants[n.AssistantID]; exported {
		b.SetAttributeTraversal("assistant_id", reference(assistantType, name, "id"))
	} else if n.AssistantID != "" {
		// An assistant the API says the team lacks: not exported.
		b.SetAttributeValue("assistant_id", cty.StringVal(n.AssistantID))
	}
	if n.InboundEnabled != nil {
		b.SetAttributeValue("inbound_enabled", cty.BoolVal(*n.InboundEnabled))
	}
	if n.OutboundEnabled != nil {
		b.SetAttributeValue("outbound_enabled", cty.BoolVal(*n.OutboundEnabled))
	}
	body.AppendNewline()
}

// assistantBlock adopts a with every setting its document holds.
func (r *renderer) assistantBlock(body *hclwrite.Body, name string, a interactly.Assistant) error {
	doc, err := settings.DecodeDocument(a.Fields)
	if err != nil {
		return err
	}
	b := body.AppendNewBlock("resource", []string{assistantType, name}).Body()
	r.meta(b)
	b.SetAttributeValue(provider.AssistantIDAttr, cty.StringVal(a.ID))
	w := settingWriter{resource: name, secret: r.secret, prompt: func(text string) hclwrite.Tokens {
		path := "prompts/" + name + ".txt"
		r.files[path] = []byte(text)
		return expression(`file("${path.module}/` + path + `")`)
	}}
	for _, s := range r.settings {
		raw, present := lookup(doc, s.Field)
		if !present {
			continue
		}
		if s.Attr == provider.AssistantKnowledgeBaseIDsAttr {
			ids, err := usedKnowledgeBases(a)
			if err != nil {
				return err
			}
			b.SetAttributeRaw(s.Attr, r.knowledgeBaseReferences(ids))
			continue
		}
		t, err := w.tokens(s, raw, nil)
		if err != nil {
			return err
		}
		b.SetAttributeRaw(s.Attr, t)
		if s.Attr == provider.AssistantWebhookAttr {
			// No answer shows the secret: a variable to fill, null (the
			// secret left as it is) until then. Not declared sensitive:
			// Terraform 1.5 plans an update of an imported object whose
			// sensitive attribute gets a sensitive null, and the
			// attribute is sensitive in the provider's schema anyway.
			b.SetAttributeRaw(provider.AssistantWebhookSecretAttr, r.variable(name+"_webhook_secret", "string",
				"The webhook secret of assistant "+name+", which the API never shows. Null leaves it as it is. "+
					"The provider treats it as sensitive.", notSensitive))
		}
	}
	body.AppendNewline()
	return nil
}

// variableKind says whether a variable is declared sensitive.
type variableKind int

const (
	sensitive variableKind = iota
	notSensitive
)

// secret declares a sensitive variable, null by default, and returns its
// reference.
func (r *renderer) secret(name, typ, description string) hclwrite.Tokens {
	return r.variable(name, typ, description, sensitive)
}

// variable declares a variable, null by default, and returns its reference.
func (r *renderer) variable(name, typ, description string, kind variableKind) hclwrite.Tokens {
	body := r.variables.Body()
	v := body.AppendNewBlock("variable", []string{name}).Body()
	v.SetAttributeRaw("type", expression(typ))
	v.SetAttributeValue("description", cty.StringVal(description))
	if kind == sensitive {
		v.SetAttributeValue("sensitive", cty.True)
	}
	v.SetAttributeValue("default", cty.NullVal(cty.DynamicPseudoType))
	body.AppendNewline()
	return hclwrite.TokensForTraversal(reference("var", name))
}

func reference(root string, attrs ...string) hcl.Traversal {
	t := hcl.Traversal{hcl.TraverseRoot{Name: root}}
	for _, a := range attrs {
		t = append(t, hcl.TraverseAttr{Name: a})
	}
	return t
}

// expression is the tokens of an HCL expression written as source.
func expression(src string) hclwrite.Tokens {
	f, diags := hclwrite.ParseConfig([]byte("x = "+src+"\n"), "", hcl.InitialPos)
	if diags.HasErrors() {
		panic("export: invalid expression " + src + ": " + diags.Error())
	}
	return f.Body().GetAttribute("x").Expr().BuildTokens(nil)
}

// assistantName is the name the assistant's document gives it, "" when none.
func assistantName(a interactly.Assistant) string {
	var name string
	_ = json.Unmarshal(a.Fields["name"], &name) // absent, null or not a string: no name
	return name
}
