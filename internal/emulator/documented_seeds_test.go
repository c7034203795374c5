package emulator

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// The seeds that the user guides and this package's README show are seeds
// the emulator loads: the seed format is documented where users read it,
// and a change to it must change those pages too.
func TestDocumentedSeedsLoad(t *testing.T) {
	t.Parallel()
	block := regexp.MustCompile("(?s)```json\n(.*?)```")
	for _, page := range []string{
		"README.md",
		"../../templates/guides/rehearsing-with-the-emulator.md.tmpl",
		"../../templates/guides/adopting-numbers.md.tmpl",
	} {
		text, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		seeds := 0
		for _, m := range block.FindAllSubmatch(text, -1) {
			if !regexp.MustCompile(`"numbers"\s*:`).Match(m[1]) {
				continue // an error body, not a seed
			}
			seeds++
			path := filepath.Join(t.TempDir(), "seed.json")
			if err := os.WriteFile(path, m[1], 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := LoadSeed(path); err != nil {
				t.Errorf("%s: a seed that does not load: %v\n%s", page, err, m[1])
			}
		}
		if seeds == 0 {
			t.Errorf("%s shows no seed", page)
		}
	}
}
