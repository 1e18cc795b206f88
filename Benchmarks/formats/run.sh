#!/usr/bin/env bash
# Reproduces the figures of Benchmarks/formats.md: reading and writing a 100k-node /
# 1M-edge GraphML file with Cercle, igraph and NetworkX on this machine, in one run.
#
#   Benchmarks/formats/run.sh            # RUNS=3 by default; files in /tmp/cercle-formats-bench
#   RUNS=5 BENCH_DIR=/scratch Benchmarks/formats/run.sh
#   ALL=1 Benchmarks/formats/run.sh      # also GEXF, GML, Pajek, DOT, node-link JSON (slow: NetworkX)
#
# Needs: a release build (swift build -c release), python3 with networkx and igraph.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DIR=${BENCH_DIR:-/tmp/cercle-formats-bench}
RUNS=${RUNS:-3}
CERCLE=$ROOT/.build/release/cercle
mkdir -p "$DIR"
[ -x "$CERCLE" ] || swift build -c release --product cercle

timed() {  # label command...: prints "label  wall user maxrss"
    local label=$1; shift
    /usr/bin/time -f "$label	%e s wall	%U s user	%M KB" "$@" > /dev/null 2>> "$DIR/times.txt"
    tail -1 "$DIR/times.txt"
}

echo "== machine: $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== python: networkx $(python3 -c 'import networkx; print(networkx.__version__)'), igraph $(python3 -c 'import igraph; print(igraph.__version__)')"
: > "$DIR/times.txt"

if [ ! -s "$DIR/big.graphml" ]; then
    echo "== generating big.graphml with NetworkX (G(n, m), n = 100,000, m = 1,000,000, seed 1)"
    python3 - "$DIR/big.graphml" <<'EOF'
import sys, time, random, networkx as nx
random.seed(1)
G = nx.gnm_random_graph(100_000, 1_000_000, seed=1)
for u, v in G.edges():
    G[u][v]["weight"] = random.randint(1, 9)
for n in G.nodes():
    G.nodes[n]["name"] = f"person {n}"
    G.nodes[n]["community"] = n % 17
start = time.perf_counter()
nx.write_graphml(G, sys.argv[1])
print("networkx write_graphml (in-process)\t%.2f s" % (time.perf_counter() - start))
EOF
fi
ls -l "$DIR/big.graphml" | awk '{print "== big.graphml: " $5 " bytes"}'

echo "== reading big.graphml (3 readers, interleaved, $RUNS runs)"
for run in $(seq "$RUNS"); do
    python3 -c "
import sys, time, igraph
start = time.perf_counter(); g = igraph.Graph.Read_GraphML(sys.argv[1])
print('igraph Read_GraphML (in-process)\t%.2f s\t%d nodes %d edges' % (time.perf_counter() - start, g.vcount(), g.ecount()))
" "$DIR/big.graphml"
    timed "igraph Read_GraphML (process)" python3 -c "import sys, igraph; igraph.Graph.Read_GraphML(sys.argv[1])" "$DIR/big.graphml"
    timed "cercle import big.graphml -o big.net" "$CERCLE" import "$DIR/big.graphml" -o "$DIR/big.net" --quiet
done

echo "== writing GraphML ($RUNS runs)"
for run in $(seq "$RUNS"); do
    timed "cercle import big.net -o out.graphml" "$CERCLE" import "$DIR/big.net" -o "$DIR/out.graphml" --quiet
    timed "cercle import big.net -o out.net (baseline)" "$CERCLE" import "$DIR/big.net" -o "$DIR/out.net" --quiet
    timed "cercle import big.graphml -o out.graphml" "$CERCLE" import "$DIR/big.graphml" -o "$DIR/out.graphml" --quiet
done
python3 - "$DIR/big.graphml" <<'EOF'
import sys, time, networkx as nx
G = nx.read_graphml(sys.argv[1])
start = time.perf_counter()
nx.write_graphml(G, sys.argv[1] + ".networkx")
print("networkx write_graphml (in-process, graph read back from big.graphml)\t%.2f s" % (time.perf_counter() - start))
EOF

echo "== tokenizers alone: Foundation XMLParser vs Cercle's XMLReader, same work ($RUNS runs)"
(cd "$ROOT/Benchmarks/formats" &&
    swiftc -O XMLParserBaseline.swift -o "$DIR/xmlparser-baseline" &&
    swiftc -O -wmo -parse-as-library XMLReaderBaseline.swift \
        ../../Sources/CerclePlugin/{XMLReader,XMLScanner,ImportError,CSVReader}.swift -o "$DIR/xmlreader-baseline") 2>&1 | grep -v warning || true
for run in $(seq "$RUNS"); do
    timed "XMLParser baseline" "$DIR/xmlparser-baseline" "$DIR/big.graphml"
    timed "XMLReader baseline" "$DIR/xmlreader-baseline" "$DIR/big.graphml"
done

if [ "${ALL:-0}" = 1 ]; then
    echo "== the other formats: NetworkX writing vs Cercle writing and reading (one run each)"
    python3 - "$DIR" <<'EOF2'
import sys, time, json, warnings, networkx as nx
warnings.simplefilter("ignore")
folder = sys.argv[1]
G = nx.read_graphml(folder + "/big.graphml")
for name, write in [("gexf", nx.write_gexf), ("gml", nx.write_gml), ("net", nx.write_pajek),
                    ("json", lambda g, p: json.dump(nx.node_link_data(g), open(p, "w")))]:
    start = time.perf_counter()
    write(G, f"{folder}/networkx.{name}")
    print(f"networkx write {name} (in-process)\t{time.perf_counter() - start:.2f} s")
EOF2
    for fmt in gexf gml net gv json; do
        timed "cercle import big.net -o out.$fmt" "$CERCLE" import "$DIR/big.net" -o "$DIR/out.$fmt" --quiet
        timed "cercle import out.$fmt -o back.net" "$CERCLE" import "$DIR/out.$fmt" -o "$DIR/back.net" --quiet
    done
fi
