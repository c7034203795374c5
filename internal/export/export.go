package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/interactly/terraform-provider-interactly/internal/provider"
)

// Options say what to export and where.
type Options struct {
	Dir           string
	ProviderAlias string // "" for the default provider configuration
	Selection
}

// Result is what one run did.
type Result struct {
	Numbers, Assistants, KnowledgeBases int
	Written                             []string // files written (or rewritten), sorted
	Unchanged                           []string // files that already held the new content
	// Beside are files the user edited since the last run: left as they
	// are, with the new content written to <path>.new.
	Beside []string
	// MissingAssistants are attached to numbers, but the API says the
	// team does not have them: the numbers name them by ID.
	MissingAssistants []string
	// MissingKnowledgeBases are used by assistants, but the API says the
	// team does not have them: the assistants name them by ID.
	MissingKnowledgeBases []string
}

// Run exports the team into opts.Dir.
func Run(ctx context.Context, api API, opts Options) (Result, error) {
	if opts.ProviderAlias != "" && identifier(opts.ProviderAlias) != opts.ProviderAlias {
		return Result{}, fmt.Errorf("provider alias %q is not a Terraform name: use lower case letters, digits and underscores, starting with a letter", opts.ProviderAlias)
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return Result{}, err
	}
	manifest, err := readManifest(opts.Dir)
	if err != nil {
		return Result{}, err
	}
	team, err := Fetch(ctx, api, opts.Selection)
	if err != nil {
		return Result{}, err
	}
	files, err := renderTeam(team, manifest, opts.ProviderAlias)
	if err != nil {
		return Result{}, err
	}
	result := Result{Numbers: len(team.Numbers), Assistants: len(team.Assistants), KnowledgeBases: len(team.KnowledgeBases),
		MissingAssistants: team.Missing, MissingKnowledgeBases: team.MissingKnowledgeBases}
	if err := writeFiles(opts.Dir, files, manifest, &result); err != nil {
		return result, err
	}
	return result, manifest.write(opts.Dir)
}

// renderTeam is every file of the module with the team in it.
func renderTeam(team Team, manifest *Manifest, alias string) (module, error) {
	manifest.addProvider(alias)
	r := &renderer{alias: alias, names: newNamer(manifest), files: module{}, settings: provider.AssistantSettings(),
		knowledgeBaseSettings: provider.KnowledgeBaseSettings(), variables: hclwrite.NewEmptyFile()}
	if err := r.render(team); err != nil {
		return nil, err
	}
	r.files["versions.tf"] = versionsFile()
	r.files["providers.tf"] = providersFile(manifest.Providers)
	return r.files, nil
}

// writeFiles writes files into dir, except over a file the user edited.
func writeFiles(dir string, files module, manifest *Manifest, result *Result) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		content := files[p]
		target := filepath.Join(dir, filepath.FromSlash(p))
		onDisk, err := os.ReadFile(target)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return err
		case bytes.Equal(onDisk, content):
			manifest.Files[p] = digest(content)
			result.Unchanged = append(result.Unchanged, p)
			continue
		case manifest.Files[p] != digest(onDisk):
			// Edited since the last run, or never written by it.
			if err := writeFile(target+".new", content); err != nil {
				return err
			}
			result.Beside = append(result.Beside, p)
			continue
		}
		if err := writeFile(target, content); err != nil {
			return err
		}
		manifest.Files[p] = digest(content)
		result.Written = append(result.Written, p)
	}
	return nil
}

func writeFile(path string, content []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, content, 0o644)
}
