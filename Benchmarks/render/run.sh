#!/usr/bin/env bash
# Layout + render times of network maps, Cercle in-process (libgvc) against the
# `sfdp -Tsvg` command on the same styled DOT, interleaved, RUNS times each.
#
#   Benchmarks/render/run.sh                 # 1k, 10k and 50k nodes (an hour or more: see render.md)
#   SIZES="1000 10000" RUNS=5 Benchmarks/render/run.sh
#   ASLR=off Benchmarks/render/run.sh        # both sides under `setarch -R`
#
# Graphs: Barabási–Albert, 3 edges per new node (mean degree ≈ 6), NetworkX seed 1,
# written to $BENCH_DIR (default /tmp/cercle-render-bench), never into the repository.
#
# The in-process figure is the "layout and render" time `cercle map` prints for its one
# render (a fresh process each run, loading and analysis excluded); the command's figure
# is the whole `sfdp -Tsvg` run (start, parse, layout, render). sfdp's overlap removal
# (prism, through GTS's Delaunay triangulation) takes a time that depends on where the
# heap lies, so with address-space randomisation on, the same layout of the same graph
# varies by 2x from run to run on both sides; ASLR=off makes each side repeatable.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=${BENCH_DIR:-/tmp/cercle-render-bench}
RUNS=${RUNS:-3}
SIZES=${SIZES:-"1000 10000 50000"}
PREFIX=()
[ "${ASLR:-on}" = off ] && PREFIX=(setarch -R)
mkdir -p "$DIR"
swift build -c release --product cercle >/dev/null
CERCLE=.build/release/cercle
echo "# $(date -u +%Y-%m-%dT%H:%MZ) · $(nproc) cores · $(sfdp -V 2>&1) · load $(cut -d' ' -f1-3 /proc/loadavg) · ASLR ${ASLR:-on}"
in_process() {  # n, output file
    "${PREFIX[@]}" "$CERCLE" map "$DIR/ba_$1.csv" -o "$2" --budget 1000000 2>&1 \
        | sed -nE 's/.*\(layout and render ([0-9.]+) s\).*/\1/p'
}
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
        echo "n=$n run=$run cercle-in-process-svg $(in_process "$n" "$DIR/cercle_$n.svg") s"
        TIMEFORMAT=%R
        seconds=$( { time "${PREFIX[@]}" sfdp -Tsvg "$DIR/ba_$n.gv" -o "$DIR/sfdp_$n.svg" 2>/dev/null; } 2>&1 )
        echo "n=$n run=$run sfdp-command-svg ${seconds} s"
    done
    [ "${PNG:-yes}" = yes ] && echo "n=$n cercle-in-process-png $(in_process "$n" "$DIR/cercle_$n.png") s"
done
