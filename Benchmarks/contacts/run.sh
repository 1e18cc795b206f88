#!/usr/bin/env bash
# Reproduces the figures of Benchmarks/contacts.md: a 1M-row LinkedIn Connections.csv and
# a ~600 MB mbox, imported with the release build of `cercle` (on every core, then on one),
# the mbox header scanner alone, and the peers an analyst would use instead (NetworkX and
# igraph reading the CSV, Python's mailbox module reading the headers), interleaved.
#
#   Benchmarks/contacts/run.sh                 # RUNS=3; files in /tmp/cercle-contacts-bench
#   RUNS=5 ROWS=1000000 MBOX_MB=1000 BENCH_DIR=/scratch Benchmarks/contacts/run.sh
#   PEERS=0 Benchmarks/contacts/run.sh         # Cercle alone
#
# Needs: a release build (swift build -c release), python3 with networkx and igraph
# (Scripts/setup-system.sh --test installs them), /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DIR=${BENCH_DIR:-/tmp/cercle-contacts-bench}
RUNS=${RUNS:-3}
PEERS=${PEERS:-1}
ROWS=${ROWS:-1000000}
MBOX_MB=${MBOX_MB:-600}
CERCLE=$ROOT/.build/release/cercle
mkdir -p "$DIR/lena-vogel" "$DIR/scan"
[ -x "$CERCLE" ] || swift build -c release --product cercle

timed() {  # label command...: prints the command's output, then "label  wall user sys maxrss"
    local label=$1; shift
    /usr/bin/time -f "$label	%e s wall	%U s user	%S s sys	%M KB" "$@" > "$DIR/last.out" 2> "$DIR/last.txt"
    cat "$DIR/last.out" "$DIR/last.txt"
    cat "$DIR/last.txt" >> "$DIR/times.txt"
}

echo "== machine: $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
: > "$DIR/times.txt"

CSV=$DIR/lena-vogel/Connections.csv  # the folder names the member, as in a real export
if [ ! -s "$CSV" ]; then
    echo "== generating $ROWS LinkedIn connections (current layout, Notes preamble, seed 5)"
    python3 Benchmarks/contacts/generate.py linkedin "$CSV" "$ROWS"
fi
ls -l "$CSV" | awk '{print "== Connections.csv: " $5 " bytes"}'

MBOX=$DIR/mailbox.mbox
if [ ! -s "$MBOX" ]; then
    echo "== generating a $MBOX_MB MB mbox (seed 7)"
    python3 Benchmarks/contacts/generate.py mbox "$MBOX" "$MBOX_MB"
fi
ls -l "$MBOX" | awk '{print "== mailbox.mbox: " $5 " bytes"}'

echo "== LinkedIn: cercle import Connections.csv -o x.jsonl, every core and one core, interleaved ($RUNS runs)"
for run in $(seq "$RUNS"); do
    timed "cercle import Connections.csv -o x.jsonl" "$CERCLE" import "$CSV" -o "$DIR/x.jsonl" --quiet --timings
    timed "CERCLE_THREADS=1 cercle import Connections.csv -o x.jsonl" env CERCLE_THREADS=1 "$CERCLE" import "$CSV" -o "$DIR/x.jsonl" --quiet --timings
done
if [ "$PEERS" = 1 ]; then
    echo "== LinkedIn peers: the CSV read into NetworkX and igraph graphs (in-process time in the JSON; no output file)"
    for run in $(seq "$RUNS"); do
        timed "networkx: Connections.csv into a graph" python3 Benchmarks/contacts/peers.py linkedin networkx "$CSV"
        timed "igraph: Connections.csv into a graph" python3 Benchmarks/contacts/peers.py linkedin igraph "$CSV"
    done
fi

echo "== mbox: cercle import mailbox.mbox -o m.gv ($RUNS runs; --timings separates reading from writing)"
for run in $(seq "$RUNS"); do
    timed "cercle import mailbox.mbox -o m.gv" "$CERCLE" import "$MBOX" -o "$DIR/m.gv" --quiet --timings
done

echo "== mbox header scanning alone: MboxReader, no address parsing, no graph ($RUNS runs)"
for f in Plugins/Mbox/MboxReader.swift Plugins/Mbox/MailHeaders.swift Sources/CerclePlugin/LineReader.swift \
         Sources/CerclePlugin/TextDecoding.swift Sources/CerclePlugin/ImportError.swift Sources/CerclePlugin/CSVReader.swift \
         Sources/CercleCore/StringTrimming.swift; do
    sed '/^import Cercle/d' "$f" > "$DIR/scan/$(basename "$f")"
done
swiftc -O -wmo -parse-as-library Benchmarks/contacts/MboxScanBaseline.swift "$DIR"/scan/*.swift \
    -o "$DIR/mbox-scan" 2>&1 | grep -v warning || true
for run in $(seq "$RUNS"); do
    timed "MboxReader scan of mailbox.mbox" "$DIR/mbox-scan" "$MBOX"
done
if [ "$PEERS" = 1 ]; then
    echo "== mbox peer: Python's mailbox module reading the same headers (one run)"
    timed "python mailbox: headers of mailbox.mbox" python3 Benchmarks/contacts/peers.py mbox python "$MBOX"
fi
