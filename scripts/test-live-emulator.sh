#!/usr/bin/env bash
# make test-live-emulator: prove the live acceptance suite (make test-live)
# against the emulator, once per API-variance profile. For each profile it
# starts bin/interactly-emulator on a free loopback port with a seeded test
# number and assistant, runs `make test-live` against it and stops the
# emulator, however the run ends. Before that it checks that `make test-live`
# refuses to run, naming the variables, when they are missing.
#
# usage: test-live-emulator.sh MAKE EMULATOR PROFILE...
set -euo pipefail

make_cmd=${1:?usage: test-live-emulator.sh MAKE EMULATOR PROFILE...}
emulator=${2:?usage: test-live-emulator.sh MAKE EMULATOR PROFILE...}
shift 2
[ "$#" -gt 0 ] || { echo "test-live-emulator.sh: no profile given" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
seed="$root/internal/livetest/testdata/emulator-seed.json"

# The test number and assistant of the seed above.
test_number="+14155550180"
test_assistant="asst-live-test"

# shellcheck source=scripts/emulator.sh
source "$root/scripts/emulator.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/interactly-live.XXXXXX")
cleanup() {
  status=$?
  stop_emulator
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "==> make test-live without its variables must fail and name them"
set +e
missing_out=$(env -u INTERACTLY_API_KEY -u INTERACTLY_TEST_NUMBER -u INTERACTLY_TEST_ASSISTANT_ID \
  "$make_cmd" --no-print-directory test-live 2>&1)
missing_status=$?
set -e
for name in INTERACTLY_API_KEY INTERACTLY_TEST_NUMBER INTERACTLY_TEST_ASSISTANT_ID; do
  if [ "$missing_status" -eq 0 ] || ! grep -q "$name" <<<"$missing_out"; then
    echo "$missing_out"
    echo "make test-live without $name exited $missing_status and did not name it" >&2
    exit 1
  fi
done
echo "    ok: exited $missing_status naming the three variables"

# emulator_assistants BASE_URL prints the team's assistants as the emulator
# holds them (every field, whatever the profile's answers leave out).
emulator_assistants() {
  python3 -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1] + "/_emulator/assistants").read().decode())' "$1"
}

results=()
for profile in "$@"; do
  echo
  echo "==> make test-live against the emulator, profile $profile"
  # A fresh key per run; the emulator reads it from the environment (a flag
  # would show it in the process list).
  export INTERACTLY_API_KEY="live-emulator-key-$RANDOM$RANDOM"
  profile_flags=()
  if [ "$profile" != default ]; then profile_flags=(-profile "$profile"); fi
  start_emulator "$work/base_url" -seed "$seed" "${profile_flags[@]}"

  base_url=$(cat "$work/base_url")
  # The API's answers may leave fields out (the sparse profile), so the
  # suite's own before-and-after check cannot see everything: compare the
  # whole team as the emulator holds it too.
  emulator_numbers "$base_url" > "$work/before.json"
  emulator_assistants "$base_url" >> "$work/before.json"

  # A knowledge base made "in the dashboard", for the knowledge base checks.
  test_kb=$(python3 -c 'import json, sys, urllib.request
req = urllib.request.Request(sys.argv[1] + "/_emulator/knowledge-bases", data=b"{\"title\": \"Live suite FAQ\", \"retrain_frequency_minutes\": 60}", method="POST")
print(json.load(urllib.request.urlopen(req))["id"])' "$base_url")

  start=$SECONDS
  INTERACTLY_BASE_URL=$base_url \
    INTERACTLY_TEST_KNOWLEDGE_BASE_ID="$test_kb" \
    INTERACTLY_TEST_NUMBER="$test_number" \
    INTERACTLY_TEST_ASSISTANT_ID="$test_assistant" \
    INTERACTLY_TEST_EXCLUSIVE=1 \
    "$make_cmd" --no-print-directory test-live ||
    { echo "==> make test-live FAILED against the emulator, profile $profile" >&2; exit 1; }
  emulator_numbers "$base_url" > "$work/after.json"
  emulator_assistants "$base_url" >> "$work/after.json"
  if ! cmp -s "$work/before.json" "$work/after.json"; then
    echo "==> make test-live left the team (numbers or assistants) changed in the emulator, profile $profile" >&2
    echo "before: $(cat "$work/before.json")" >&2
    echo "after:  $(cat "$work/after.json")" >&2
    exit 1
  fi
  stop_emulator
  results+=("profile $profile: passed in $((SECONDS - start)) s")
done

echo
echo "==> make test-live against the emulator"
printf '    %s\n' "${results[@]}"
