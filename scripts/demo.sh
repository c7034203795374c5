#!/usr/bin/env bash
# make demo: start the emulator on a free loopback port, then apply the demo
# configuration with the freshly built provider (through dev_overrides), plan
# again to show there is nothing left to change, and destroy. The emulator is
# stopped however the script ends.
set -euo pipefail

terraform=${1:?usage: demo.sh TERRAFORM PROVIDER_DIR EMULATOR}
provider_dir=${2:?}
emulator=${3:?}
root=$(cd "$(dirname "$0")/.." && pwd)

# shellcheck source=scripts/emulator.sh
source "$root/scripts/emulator.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/interactly-demo.XXXXXX")
cleanup() {
  status=$?
  if [ -n "$emulator_pid" ]; then
    stop_emulator
    echo "==> Emulator stopped"
  fi
  rm -rf "$work"
  if [ "$status" -ne 0 ]; then echo "==> Demo FAILED (exit $status)" >&2; fi
  exit "$status"
}
trap cleanup EXIT INT TERM

step() { printf '\n==> %s\n' "$*"; }
# show_numbers prints the team's numbers as the emulator holds them.
show_numbers() {
python3 - <<'PY'
import json, os, urllib.request
req = urllib.request.Request(os.environ["INTERACTLY_BASE_URL"] + "/assistants/v1/numbers",
                             headers={"Authorization": "Bearer " + os.environ["INTERACTLY_API_KEY"]})
for n in json.load(urllib.request.urlopen(req)):
    print(f"  {n['number']:<15} {n.get('label', ''):<8} assistant={n.get('assistantId') or '-':<18} "
          f"inbound={n.get('inboundEnabled')} outbound={n.get('outboundEnabled')}")
PY
}
# show_assistant prints what the emulator's receptionist says.
show_assistant() {
python3 - <<'PY'
import json, os, urllib.request
req = urllib.request.Request(os.environ["INTERACTLY_BASE_URL"] + "/assistants/v1/assistants/asst-receptionist",
                             headers={"Authorization": "Bearer " + os.environ["INTERACTLY_API_KEY"]})
a = json.load(urllib.request.urlopen(req))
for field in ("name", "welcomeMessage", "assistantSystemPrompt", "assistantTemperature", "assistantKnowledgeBaseIds"):
    print(f"  {field:<22} {a.get(field)!r}")
PY
}
# show_knowledge_bases prints the team's knowledge bases and files as the
# emulator holds them.
show_knowledge_bases() {
python3 - <<'PY'
import json, os, urllib.request
base = os.environ["INTERACTLY_BASE_URL"]
files = {f["id"]: f for f in json.load(urllib.request.urlopen(base + "/_emulator/files"))}
for kb in json.load(urllib.request.urlopen(base + "/_emulator/knowledge-bases")):
    names = [files[i]["name"] + " (" + files[i]["sha256"][:12] + ")" for i in kb.get("file_ids") or [] if i in files]
    print(f"  {kb['id']}  {kb['title']!r}  files={names or '-'}")
if not files:
    print("  no files in the team")
PY
}
# Colours for a terminal, plain text for CI logs.
flags=(-compact-warnings)
[ -t 1 ] || flags+=(-no-color)

export INTERACTLY_API_KEY="demo-key-$RANDOM$RANDOM"
cp "$root/demo/main.tf" "$work/"
cp -R "$root/demo/kb" "$work/"

step "Starting the emulator with the numbers and assistants of demo/seed.json"
start_emulator "$work/base_url" -seed "$root/demo/seed.json" -kb-training-time 3s
export INTERACTLY_BASE_URL
INTERACTLY_BASE_URL=$(cat "$work/base_url")

# A CLI configuration of our own: the local provider build through
# dev_overrides, and nothing from the user's ~/.terraformrc.
cat > "$work/cli.tfrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/interactly/interactly" = "$provider_dir"
    "registry.opentofu.org/interactly/interactly" = "$provider_dir"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/cli.tfrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
cd "$work"

# The dev_overrides warning is the same on every command; print it once.
"$terraform" version

step "The receptionist assistant as the dashboard left it"
show_assistant

step "terraform apply: create the clinic's knowledge base from demo/kb/hours.md (and wait for its training), adopt the receptionist with it and two numbers, and wire the support line to the receptionist"
"$terraform" apply -auto-approve "${flags[@]}"

step "terraform plan: the configuration matches the API, nothing to change"
set +e
"$terraform" plan -detailed-exitcode "${flags[@]}"
plan_status=$?
set -e
if [ "$plan_status" -ne 0 ]; then
  echo "expected no changes (exit 0), got exit $plan_status" >&2
  exit 1
fi

step "The numbers, the receptionist and its knowledge base as the API now has them"
show_numbers
show_assistant
show_knowledge_bases

step "terraform destroy: support gets its after-hours assistant back and the receptionist its own words (on_destroy = restore), sales is detached, the knowledge base is emptied and its file deleted"
"$terraform" destroy -auto-approve "${flags[@]}"

step "The numbers, the receptionist and the knowledge base after destroy (emptied: the API cannot delete it)"
show_numbers
show_assistant
show_knowledge_bases

step "Demo finished: apply, a clean plan and destroy all succeeded"
