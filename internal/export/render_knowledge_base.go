package export

import (
	"slices"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
	"github.com/interactly/terraform-provider-interactly/internal/provider/settings"
)

// onDestroyNote stands in every adopted knowledge base. on_destroy is left
// at its default: an import cannot read it, so "keep" would make the first
// plan change the resource in place (no write, but not an import alone).
var onDestroyNote = []string{
	`on_destroy is "empty" (the default): destroying this resource, or removing this block, empties the knowledge base.`,
	`To leave it as it is instead, set on_destroy = "keep" and apply: an in-place change, no write to the API.`,
}

// knowledgeBaseBlock adopts kb with what the API reported of it. Its files
// come in as file_ids, as its import brings them: no file is on this disk.
func (r *renderer) knowledgeBaseBlock(body *hclwrite.Body, name string, kb interactly.KnowledgeBase) error {
	doc, err := settings.DecodeDocument(kb.Fields)
	if err != nil {
		return err
	}
	b := body.AppendNewBlock("resource", []string{knowledgeBaseType, name}).Body()
	r.meta(b)
	for _, line := range onDestroyNote {
		b.AppendUnstructuredTokens(comment(line))
	}
	w := settingWriter{resource: name, secret: r.secret}
	for _, s := range r.knowledgeBaseSettings {
		raw, present := lookup(doc, s.Field)
		if !present || (s.Attr == "description" && raw == "") {
			// No description is null in the provider: "" would plan a change.
			continue
		}
		t, err := w.tokens(s, raw, nil)
		if err != nil {
			return err
		}
		b.SetAttributeRaw(s.Attr, t)
	}
	if len(kb.Files) > 0 {
		ids := make([]string, len(kb.Files))
		for i, f := range kb.Files {
			ids[i] = f.ID
		}
		slices.Sort(ids)
		b.SetAttributeRaw("file_ids", stringList(ids))
	}
	if len(kb.IncludeURLs) > 0 {
		b.SetAttributeRaw("include_urls", urlList(kb.IncludeURLs))
	}
	if len(kb.ExcludeURLs) > 0 {
		b.SetAttributeRaw("exclude_urls", urlList(kb.ExcludeURLs))
	}
	body.AppendNewline()
	return nil
}

// urlList writes URL entries with their switches when on: off is the
// provider's default, so a switch left out matches what the API reported.
func urlList(urls []interactly.KnowledgeBaseURL) hclwrite.Tokens {
	elems := make([]hclwrite.Tokens, len(urls))
	for i, u := range urls {
		attrs := []hclwrite.ObjectAttrTokens{{Name: hclwrite.TokensForIdentifier("url"), Value: hclwrite.TokensForValue(cty.StringVal(u.URL))}}
		if u.Recursive {
			attrs = append(attrs, hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForIdentifier("recursive"), Value: hclwrite.TokensForValue(cty.True)})
		}
		if u.SubpathsOnly {
			attrs = append(attrs, hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForIdentifier("subpaths_only"), Value: hclwrite.TokensForValue(cty.True)})
		}
		elems[i] = hclwrite.TokensForObject(attrs)
	}
	return hclwrite.TokensForTuple(elems)
}

func stringList(items []string) hclwrite.Tokens {
	elems := make([]hclwrite.Tokens, len(items))
	for i, s := range items {
		elems[i] = hclwrite.TokensForValue(cty.StringVal(s))
	}
	return hclwrite.TokensForTuple(elems)
}

// knowledgeBaseReferences is an assistant's knowledge_base_ids: a reference
// to each exported knowledge base, the ID as it is for one the API says the
// team does not have.
func (r *renderer) knowledgeBaseReferences(ids []string) hclwrite.Tokens {
	elems := make([]hclwrite.Tokens, len(ids))
	for i, id := range ids {
		if name, exported := r.knowledgeBases[id]; exported {
			elems[i] = hclwrite.TokensForTraversal(reference(knowledgeBaseType, name, "id"))
		} else {
			elems[i] = hclwrite.TokensForValue(cty.StringVal(id))
		}
	}
	return hclwrite.TokensForTuple(elems)
}
