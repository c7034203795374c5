# Sourced by the scripts that run bin/interactly-emulator (demo.sh,
# test-live-emulator.sh). They set $emulator to the binary's path.

emulator_pid=

# start_emulator ADDR_FILE [FLAG...] starts the emulator on a free loopback
# port with the given flags and waits, 10 s at most, until it has written its
# base URL to ADDR_FILE. The API key comes from INTERACTLY_API_KEY, which
# keeps it out of the process list.
start_emulator() {
  local addr_file=$1
  shift
  rm -f "$addr_file"
  "$emulator" -addr 127.0.0.1:0 -addr-file "$addr_file" "$@" &
  emulator_pid=$!
  for _ in $(seq 1 100); do
    [ -s "$addr_file" ] && return 0
    if ! kill -0 "$emulator_pid" 2>/dev/null; then
      echo "the emulator ($*) exited before listening" >&2
      emulator_pid=
      return 1
    fi
    sleep 0.1
  done
  echo "the emulator ($*) did not start within 10 s" >&2
  return 1
}

# stop_emulator stops the emulator started last, if it still runs.
stop_emulator() {
  if [ -n "$emulator_pid" ]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
    emulator_pid=
  fi
}

# emulator_numbers BASE_URL prints the team as the emulator holds it (every
# field, whatever the profile), from its admin route.
emulator_numbers() {
  python3 -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1] + "/_emulator/numbers").read().decode())' "$1"
}
