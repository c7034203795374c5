#!/usr/bin/env bash
# Fails when git tracks a compiled binary (ELF, Mach-O or PE, told by the
# first bytes) or a file larger than 1 MB: build output belongs in the
# git-ignored bin/, and large data in a release asset, not in every clone.
# Usage: scripts/check-tracked-files.sh (from anywhere in the repository).
set -euo pipefail

cd "$(git rev-parse --show-toplevel)"
readonly max_bytes=$((1024 * 1024))
status=0

while IFS= read -r -d '' file; do
  [[ -f "$file" ]] || continue # deleted in the working tree, or a submodule
  size=$(wc -c <"$file")
  if ((size > max_bytes)); then
    echo "$file: $size bytes, over the limit of 1 MB for tracked files" >&2
    status=1
  fi
  magic=$(head -c 4 "$file" | od -An -tx1 | tr -d ' \n')
  case "$magic" in
    7f454c46) kind="an ELF binary" ;;
    feedface | feedfacf | cefaedfe | cffaedfe | cafebabe) kind="a Mach-O binary" ;;
    4d5a*) kind="a PE (Windows) binary" ;;
    *) continue ;;
  esac
  echo "$file: $kind is tracked; build output goes in bin/ (git-ignored), not in the repository" >&2
  status=1
done < <(git ls-files -z)

if ((status != 0)); then
  echo "Remove these files from git (git rm --cached FILE) and ignore them in .gitignore." >&2
fi
exit "$status"
