#!/bin/sh
# Streaming 1M records through an external plugin against the built-in JSON-lines path.
# Generated files go to ${WORK:-/tmp/cercle-plugin-bench}; nothing is written in the repo.
# Usage: Benchmarks/plugins/run.sh [ROWS]   (after swift build -c release)
set -eu
ROWS=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CERCLE=${CERCLE:-$ROOT/.build/release/cercle}
WORK=${WORK:-/tmp/cercle-plugin-bench}
mkdir -p "$WORK/plugins"
export XDG_DATA_HOME="$WORK/xdg"

# 1M tie records between 100k persons, as Cercle's own JSON lines.
python3 - "$ROWS" "$WORK/ties.jsonl" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
random.seed(7)
n = max(2, rows // 10)
with open(path, "w") as out:
    out.write('{"type":"header","format":"cercle-jsonl","version":1,"ids":"global"}\n')
    for _ in range(rows):
        out.write('{"type":"tie","source":"p%d","target":"p%d","weight":%d}\n'
                  % (random.randrange(n), random.randrange(n), random.randint(1, 9)))
PY
# The same bytes under another extension, for the external plugins.
cp "$WORK/ties.jsonl" "$WORK/ties.relay"

# A trivial shell plugin (cat) and a trivial Python plugin (line copy): the host's cost alone.
cat > "$WORK/plugins/cercle-plugin-relay" <<'SH'
#!/bin/sh
case "$1" in
  --describe) echo '{"name":"relay","version":"1.0.0","protocol":1,"import":true,"export":true,"ids":"global","formats":[{"id":"relay","name":"Relay","extensions":["relay"]}]}' ;;
  import) exec cat "$2" ;;
  export) exec cat > "$2" ;;
esac
SH
cat > "$WORK/plugins/cercle-plugin-pyrelay" <<'PY'
#!/usr/bin/env python3
import sys
if sys.argv[1:] == ["--describe"]:
    print('{"name":"pyrelay","version":"1.0.0","protocol":1,"import":true,"export":true,"ids":"global","formats":[{"id":"pyrelay","name":"Python relay","extensions":["pyrelay"]}]}')
elif sys.argv[1] == "import":
    with open(sys.argv[2], "rb") as data:
        for line in data:
            sys.stdout.buffer.write(line)
elif sys.argv[1] == "export":
    with open(sys.argv[2], "wb") as out:
        for line in sys.stdin.buffer:
            out.write(line)
PY
chmod +x "$WORK/plugins/cercle-plugin-relay" "$WORK/plugins/cercle-plugin-pyrelay"

run() {  # label, then the cercle arguments; best of 3 wall-clock seconds
  label=$1; shift
  best=""
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    "$CERCLE" "$@" --quiet --plugin-path "$WORK/plugins"
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  printf '%-44s %8.2f s\n' "$label" "$best"
}

echo "rows: $ROWS ($(du -h "$WORK/ties.jsonl" | cut -f1))"
run "import, built-in jsonl"              import "$WORK/ties.jsonl"  -o "$WORK/out-builtin.csv"
run "import, external relay (sh cat)"     import "$WORK/ties.relay"  --format relay   -o "$WORK/out-relay.csv"
run "import, external pyrelay (python3)"  import "$WORK/ties.relay"  --format pyrelay -o "$WORK/out-py.csv"
cmp "$WORK/out-builtin.csv" "$WORK/out-relay.csv" && cmp "$WORK/out-builtin.csv" "$WORK/out-py.csv" && echo "same graph written by all three"
run "export, built-in jsonl"              import "$WORK/ties.jsonl"  -o "$WORK/out.jsonl"
run "export, external relay (sh cat)"     import "$WORK/ties.jsonl"  -o "$WORK/out.relay"
run "export, external pyrelay (python3)"  import "$WORK/ties.jsonl"  -o "$WORK/out.pyrelay"
cmp "$WORK/out.jsonl" "$WORK/out.relay" && cmp "$WORK/out.jsonl" "$WORK/out.pyrelay" && echo "same bytes exported by all three"
