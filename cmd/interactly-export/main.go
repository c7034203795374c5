// Command interactly-export writes an Interactly team's numbers and
// assistants as a Terraform root module that adopts them. See the guide
// "Adopting a whole team" in the provider's documentation.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/interactly/terraform-provider-interactly/internal/export"
	"github.com/interactly/terraform-provider-interactly/internal/interactly"
)

// version is set at build time.
var version = "dev"

const usage = `Usage: interactly-export -out DIR [-provider-alias NAME] [-assistant ID]... [-label LABEL]

Writes the team of the API key as a Terraform root module that adopts it:
import blocks, interactly_number, interactly_assistant and
interactly_knowledge_base resources that set what the team has, the
assistants' system prompts under prompts/ (read with file()), and a variable,
null by default, for every secret.

Every number is exported (or those with -label), with the assistants attached
to them; the API lists no assistants, so name others with -assistant. The
knowledge bases the exported assistants use are exported too, their files as
file_ids.

The API key and base URL come from ` + interactly.EnvAPIKey + ` and ` + interactly.EnvBaseURL + `,
as for the provider (https, or http to localhost only).

Run again into the same directory, it adds what is new and keeps every name it
gave (they are recorded in ` + export.ManifestFile + `). A file you edited is
never overwritten: the new content goes beside it, as FILE.new.

Flags:
`

// assistantIDs is the repeatable -assistant flag.
type assistantIDs []string

func (a *assistantIDs) String() string { return strings.Join(*a, ",") }
func (a *assistantIDs) Set(id string) error {
	if strings.TrimSpace(id) == "" {
		return errors.New("an assistant ID cannot be empty")
	}
	*a = append(*a, strings.TrimSpace(id))
	return nil
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.LookupEnv, os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, env func(string) (string, bool), stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("interactly-export", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprint(stderr, usage)
		flags.PrintDefaults()
	}
	var opts export.Options
	var assistants assistantIDs
	flags.StringVar(&opts.Dir, "out", "", "the directory to write (created when missing)")
	flags.StringVar(&opts.ProviderAlias, "provider-alias", "", "give every block provider = interactly.NAME, to export several teams into one configuration")
	flags.Var(&assistants, "assistant", "an assistant to export besides those attached to numbers (repeatable)")
	flags.StringVar(&opts.Label, "label", "", "export only the numbers with this label")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if opts.Dir == "" || flags.NArg() > 0 {
		fmt.Fprintln(stderr, "interactly-export: give the output directory with -out, and no other argument")
		flags.Usage()
		return 2
	}
	opts.Assistants = assistants

	cfg, err := interactly.ConfigFromEnv(env)
	if err != nil {
		fmt.Fprintln(stderr, "interactly-export:", err)
		return 1
	}
	cfg.UserAgent = "interactly-export/" + version
	client, err := interactly.New(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "interactly-export:", err)
		return 1
	}
	result, err := export.Run(ctx, client, opts)
	if err != nil {
		fmt.Fprintln(stderr, "interactly-export:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Exported %d numbers, %d assistants and %d knowledge bases into %s: %d files written, %d unchanged.\n",
		result.Numbers, result.Assistants, result.KnowledgeBases, opts.Dir, len(result.Written), len(result.Unchanged))
	for _, id := range result.MissingAssistants {
		fmt.Fprintf(stderr, "interactly-export: numbers are attached to assistant %s, which the API says the team does not have; "+
			"they keep its ID, and terraform plan warns about it\n", id)
	}
	for _, id := range result.MissingKnowledgeBases {
		fmt.Fprintf(stderr, "interactly-export: assistants use knowledge base %s, which the API says the team does not have; "+
			"they keep its ID\n", id)
	}
	for _, p := range result.Beside {
		fmt.Fprintf(stderr, "interactly-export: %s was edited since the last export and is left as it is; the new content is in %s.new\n", p, p)
	}
	fmt.Fprintln(stdout, "Next: terraform init, then terraform plan; it should show only imports.")
	return 0
}
