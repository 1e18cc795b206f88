#!/usr/bin/env bash
# Layout + render times of network maps, Cercle in-process (libgvc) against the
# `sfdp -Tsvg` command on the same styled DOT, interleaved, RUNS times each.
#
#   Benchmarks/render/run.sh                 # 1k, 10k and 50k nodes (~10 minutes)
#   SIZES="1000 10000" RUNS=5 Benchmarks/render/run.sh
#
# Graphs: Barabási–Albert, 3 edges per new node (mean degree ≈ 6), NetworkX seed 1,
# written to $BENCH_DIR (default /tmp/cercle-render-bench), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=${BENCH_DIR:-/tmp/cercle-render-bench}
RUNS=${RUNS:-3}
SIZES=${SIZES:-"1000 10000 50000"}
mkdir -p "$DIR"
swift build -c release --product cercle >/dev/null
CERCLE=.build/release/cercle
echo "# $(date -u +%Y-%m-%dT%H:%MZ) · $(nproc) cores · $(sfdp -V 2>&1) · load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $SIZES; do
    edges="$DIR/ba_$n.csv"
    [ -s "$edges" ] || python3 -c "
import sys, networkx as nx
G = nx.barabasi_albert_graph($n, 3, seed=1)
with open(sys.argv[1], 'w') as f:
    f.write('source,target\n')
    for u, v in G.edges(): f.write(f'{u},{v}\n')
" "$edges"
    # The styled graph without positions, for the sfdp command.
    "$CERCLE" map "$edges" -o "$DIR/ba_$n.gv" --no-layout --budget 1000000 --quiet
    for run in $(seq "$RUNS"); do
        # In-process: the map's layout and SVG rendering only (not loading or analysis).
        line=$("$CERCLE" map "$edges" -o "$DIR/cercle_$n.svg" --budget 1000000 --quiet --repeat-render 1 2>&1)
        seconds=$(echo "$line" | sed -E 's/.*: ([0-9.]+) s per render.*/\1/')
        echo "n=$n run=$run cercle-in-process-svg ${seconds} s"
        TIMEFORMAT=%R
        seconds=$( { time sfdp -Tsvg "$DIR/ba_$n.gv" -o "$DIR/sfdp_$n.svg" 2>/dev/null; } 2>&1 )
        echo "n=$n run=$run sfdp-command-svg ${seconds} s"
    done
    line=$("$CERCLE" map "$edges" -o "$DIR/cercle_$n.png" --budget 1000000 --quiet --repeat-render 1 2>&1)
    echo "n=$n cercle-in-process-png $(echo "$line" | sed -E 's/.*: ([0-9.]+) s per render.*/\1/') s"
done
