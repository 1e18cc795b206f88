#!/usr/bin/env python3
"""Times one case with a peer library, the way cercle-bench times Cercle.

    python peers.py TOOL CASE FILE [--repeat R] [--budget SECONDS] [--sources K] [--epsilon E] [--delta D]
                                   [--seed S] [--threads T]

TOOL is igraph, networkit or networkx. The edge list is loaded once (timed separately);
only the case is timed, R times. With --sources K a per-source case (betweenness,
closeness, harmonic, constraint) runs from K sampled sources and the time is scaled by
n / K ("extrapolation" in the output). Prints one JSON object; a case the library does
not have gives {"unsupported": reason}.
"""
import argparse
import csv
import json
import os
import random
import resource
import sys
import time


def resident_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGESIZE") // 1024


class Unsupported(Exception):
    pass


# --- igraph (single-threaded) -------------------------------------------------------

def igraph_load(path):
    import igraph as ig
    with open(path, newline="") as f:
        rows = csv.reader(f)
        next(rows)
        return ig.Graph.TupleList(rows, directed=False)


def igraph_case(name, g, args):
    n = g.vcount()
    if name == "degree":
        return {"max_degree": max(g.degree())}, 1
    if name == "pagerank":
        return {"max": max(g.pagerank())}, 1
    if name == "betweenness":
        if args.sources and args.sources < n:
            sources = random.Random(args.seed).sample(range(n), args.sources)
            values = g.betweenness(sources=sources, targets=None)
            return {"max": max(values), "sources": args.sources}, n / args.sources
        return {"max": max(g.betweenness())}, 1
    if name == "closeness":
        return {"max": max(x for x in g.closeness() if x == x)}, 1
    if name == "harmonic":
        return {"max": max(g.harmonic_centrality())}, 1
    if name == "kcore":
        return {"max_core": max(g.coreness())}, 1
    if name == "louvain":
        random.seed(args.seed)
        part = g.community_multilevel()
        return {"modularity": g.modularity(part.membership), "communities": len(part)}, 1
    if name == "leiden":
        random.seed(args.seed)
        part = g.community_leiden(objective_function="modularity", n_iterations=-1)
        return {"modularity": g.modularity(part.membership), "communities": len(part)}, 1
    if name == "constraint":
        values = [x for x in g.constraint() if x == x]
        return {"mean": sum(values) / len(values)}, 1
    raise Unsupported(f"igraph has no {name}")


# --- NetworKit (parallel, --threads) --------------------------------------------------

def networkit_load(path):
    import networkit as nk
    # The header line starts with 's', NetworKit's comment prefix here; ids are mapped
    # as strings would be (continuous=False), like the other tools.
    reader = nk.graphio.EdgeListReader(",", 0, commentPrefix="s", continuous=False, directed=False)
    return reader.read(path)


def networkit_case(name, g, args):
    import networkit as nk
    n = g.numberOfNodes()
    if name == "degree":
        return {"max_degree": max(nk.centrality.DegreeCentrality(g).run().scores())}, 1
    if name == "pagerank":
        return {"max": max(nk.centrality.PageRank(g, damp=0.85).run().scores())}, 1
    if name == "betweenness":
        if args.sources and args.sources < n:
            algorithm = nk.centrality.EstimateBetweenness(g, args.sources, True, True).run()
            return {"max": max(algorithm.scores()), "sources": args.sources}, n / args.sources
        return {"max": max(nk.centrality.Betweenness(g, normalized=True).run().scores())}, 1
    if name == "approx_betweenness":
        algorithm = nk.centrality.ApproxBetweenness(g, epsilon=args.epsilon, delta=args.delta).run()
        return {"max": max(algorithm.scores()), "samples": algorithm.numberOfSamples()}, 1
    if name == "closeness":
        algorithm = nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.GENERALIZED).run()
        return {"max": max(algorithm.scores())}, 1
    if name == "harmonic":
        return {"max": max(nk.centrality.HarmonicCloseness(g, True).run().scores())}, 1
    if name == "kcore":
        return {"max_core": nk.centrality.CoreDecomposition(g).run().maxCoreNumber()}, 1
    if name == "louvain":
        part = nk.community.PLM(g, refine=False).run().getPartition()
        return {"modularity": nk.community.Modularity().getQuality(part, g),
                "communities": part.numberOfSubsets()}, 1
    if name == "leiden":
        if not hasattr(nk.community, "ParallelLeiden"):
            raise Unsupported("this NetworKit has no ParallelLeiden")
        part = nk.community.ParallelLeiden(g).run().getPartition()
        return {"modularity": nk.community.Modularity().getQuality(part, g),
                "communities": part.numberOfSubsets()}, 1
    raise Unsupported(f"NetworKit has no {name}")


# --- NetworkX (pure Python) -----------------------------------------------------------

def networkx_load(path):
    import networkx as nx
    with open(path, "rb") as f:
        next(f)
        return nx.read_edgelist(f, delimiter=",")


def networkx_case(name, g, args):
    import networkx as nx
    n = g.number_of_nodes()
    sample = None
    if args.sources and args.sources < n:
        sample = random.Random(args.seed).sample(sorted(g.nodes()), args.sources)
    scale = n / len(sample) if sample else 1
    if name == "degree":
        return {"max_degree": max(d for _, d in g.degree())}, 1
    if name == "pagerank":
        return {"max": max(nx.pagerank(g).values())}, 1
    if name == "betweenness":
        if sample:
            # Brandes from the sampled sources only (NetworkX's k= draws its own sample).
            values = nx.betweenness_centrality_subset(g, sample, list(g.nodes()), normalized=False)
            return {"max": max(values.values()), "sources": len(sample)}, scale
        return {"max": max(nx.betweenness_centrality(g).values())}, 1
    if name == "closeness":
        nodes = sample or list(g.nodes())
        return {"max": max(nx.closeness_centrality(g, u=u) for u in nodes)}, scale
    if name == "harmonic":
        values = nx.harmonic_centrality(g, sources=sample) if sample else nx.harmonic_centrality(g)
        return {"max": max(values.values())}, scale
    if name == "kcore":
        return {"max_core": max(nx.core_number(g).values())}, 1
    if name == "louvain":
        part = nx.community.louvain_communities(g, seed=args.seed)
        return {"modularity": nx.community.modularity(g, part), "communities": len(part)}, 1
    if name == "leiden":
        try:
            part = nx.community.leiden_communities(g, seed=args.seed)
        except (AttributeError, NotImplementedError) as error:
            raise Unsupported(f"NetworkX leiden_communities: {type(error).__name__} (needs a backend)")
        return {"modularity": nx.community.modularity(g, part), "communities": len(part)}, 1
    if name == "constraint":
        values = [x for x in nx.constraint(g, nodes=sample).values() if x == x]
        return {"mean": sum(values) / len(values)}, scale
    if name == "local_bridges":
        return {"local_bridges": sum(1 for _ in nx.local_bridges(g, with_span=True))}, 1
    raise Unsupported(f"NetworkX has no {name}")


TOOLS = {
    "igraph": (igraph_load, igraph_case, lambda g: (g.vcount(), g.ecount())),
    "networkit": (networkit_load, networkit_case, lambda g: (g.numberOfNodes(), g.numberOfEdges())),
    "networkx": (networkx_load, networkx_case, lambda g: (g.number_of_nodes(), g.number_of_edges())),
}


def version(tool):
    module = __import__(tool)
    return getattr(module, "__version__", "?")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tool", choices=sorted(TOOLS))
    parser.add_argument("case")
    parser.add_argument("file")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--budget", type=float, default=float("inf"))
    parser.add_argument("--sources", type=int)
    parser.add_argument("--epsilon", type=float, default=0.05)
    parser.add_argument("--delta", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    load, run, size = TOOLS[args.tool]
    if args.tool == "networkit":
        import networkit as nk
        nk.setNumberOfThreads(args.threads)
        nk.engineering.setSeed(args.seed, False)
        threads = nk.getMaxNumberOfThreads()
    else:
        __import__(args.tool)
        threads = 1
    record = {"tool": args.tool, "version": version(args.tool), "case": args.case, "threads": threads}
    baseline = resident_kb()
    start = time.perf_counter()
    g = load(args.file)
    record["load_seconds"] = time.perf_counter() - start
    seconds, summary, scale = [], {}, 1
    try:
        if args.case == "load":
            seconds.append(record["load_seconds"])
            for _ in range(args.repeat - 1):
                del g
                start = time.perf_counter()
                g = load(args.file)
                seconds.append(time.perf_counter() - start)
        else:
            spent = 0.0
            for _ in range(args.repeat):
                if spent >= args.budget:
                    break  # repetitions stop once the case has used the budget (at least one run)
                start = time.perf_counter()
                summary, scale = run(args.case, g, args)
                elapsed = time.perf_counter() - start
                spent += elapsed
                seconds.append(elapsed)
    except Unsupported as reason:
        record["unsupported"] = str(reason)
    nodes, edges = size(g)
    record.update({
        "seconds": [s * scale for s in seconds], "extrapolation": scale,
        "rss_kb_before_load": baseline, "rss_kb_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "nodes": nodes, "edges": edges, "summary": summary,
    })
    print(json.dumps(record, sort_keys=True))


if __name__ == "__main__":
    main()
