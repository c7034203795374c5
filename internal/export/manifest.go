package export

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// ManifestFile is the file, in the output directory, that records what the
// export wrote.
const ManifestFile = ".interactly-export.json"

// Manifest records what earlier runs wrote into a directory, so that a new
// run keeps names and sees which files the user edited.
type Manifest struct {
	// Names maps "type/id" to the resource name given to the object.
	Names map[string]string `json:"names"`
	// Files maps a file's path (slash-separated, relative to the
	// directory) to the SHA-256 of the content last written.
	Files map[string]string `json:"files"`
	// Providers are the provider configurations exported into the
	// directory: "" for the default one, else an alias.
	Providers []string `json:"providers"`
}

func readManifest(dir string) (*Manifest, error) {
	m := &Manifest{Names: map[string]string{}, Files: map[string]string{}}
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, m); err != nil {
		return nil, fmt.Errorf("%s is not a manifest this command wrote (%v): move it away to export afresh", ManifestFile, err)
	}
	if m.Names == nil {
		m.Names = map[string]string{}
	}
	if m.Files == nil {
		m.Files = map[string]string{}
	}
	return m, nil
}

func (m *Manifest) addProvider(alias string) {
	if !slices.Contains(m.Providers, alias) {
		m.Providers = append(m.Providers, alias)
		slices.Sort(m.Providers)
	}
}

func (m *Manifest) write(dir string) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ManifestFile), append(data, '\n'), 0o644)
}

func digest(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}
