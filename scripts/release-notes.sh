#!/usr/bin/env bash
# Prints the CHANGELOG.md section of one version (its body, without the
# heading), for the release notes: release-notes.sh 0.1.0 [CHANGELOG.md].
# Fails when the changelog has no section for that version, or an empty one,
# so a release never goes out without notes.
set -euo pipefail
version=${1:?usage: release-notes.sh VERSION [CHANGELOG]}
version=${version#v}
changelog=${2:-"$(dirname "$0")/../CHANGELOG.md"}

notes=$(awk -v version="$version" '
  /^## / { if (found) exit; if ($2 == version) { found = 1; next } }
  found { print }
' "$changelog")
if [ -z "${notes//[[:space:]]/}" ]; then
  echo "release-notes.sh: $changelog has no notes for version $version (a section headed \"## $version (...)\")" >&2
  exit 1
fi
printf '%s\n' "$notes"
