package export

import (
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// versionsFile declares the provider: the part of a root module every team
// in the directory shares. Import blocks need Terraform 1.5.
func versionsFile() []byte {
	f := hclwrite.NewEmptyFile()
	tf := f.Body().AppendNewBlock("terraform", nil).Body()
	tf.SetAttributeValue("required_version", cty.StringVal(">= 1.5.0"))
	rp := tf.AppendNewBlock("required_providers", nil).Body()
	rp.SetAttributeValue("interactly", cty.ObjectVal(map[string]cty.Value{"source": cty.StringVal(providerSource)}))
	return hclwrite.Format(f.Bytes())
}

// providersFile configures the provider once for every team exported into
// the directory: the default configuration takes its key and base URL from
// the environment; an alias takes them from variables, null by default (the
// environment then), so that each team can have its own key.
func providersFile(providers []string) []byte {
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	for _, alias := range providers {
		p := body.AppendNewBlock("provider", []string{"interactly"}).Body()
		if alias == "" {
			p.AppendUnstructuredTokens(comment("The API key and base URL come from " + interactly.EnvAPIKey + " and " + interactly.EnvBaseURL + "."))
			body.AppendNewline()
			continue
		}
		p.SetAttributeValue("alias", cty.StringVal(alias))
		p.SetAttributeTraversal("api_key", reference("var", alias+"_api_key"))
		p.SetAttributeTraversal("base_url", reference("var", alias+"_base_url"))
		body.AppendNewline()
		for _, v := range []struct{ name, description string }{
			{alias + "_api_key", "The API key of team " + alias + "; null takes " + interactly.EnvAPIKey + "."},
			{alias + "_base_url", "The API base URL of team " + alias + "; null takes " + interactly.EnvBaseURL + ", then the production API."},
		} {
			b := body.AppendNewBlock("variable", []string{v.name}).Body()
			b.SetAttributeRaw("type", expression("string"))
			b.SetAttributeValue("description", cty.StringVal(v.description))
			if v.name == alias+"_api_key" {
				b.SetAttributeValue("sensitive", cty.True)
			}
			b.SetAttributeValue("default", cty.NullVal(cty.String))
			body.AppendNewline()
		}
	}
	return hclwrite.Format(f.Bytes())
}

func comment(text string) hclwrite.Tokens {
	return hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: []byte("# " + text + "\n")}}
}
