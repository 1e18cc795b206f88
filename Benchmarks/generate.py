#!/usr/bin/env python3
"""Deterministic benchmark graphs for Benchmarks/run, written as CSV edge lists.

    python3 Benchmarks/generate.py --sizes 10k,100k,1m [--out /tmp/cercle-bench/data]

Three models, each with about 10 edges per node (average degree about 20), seeded so
that every run writes byte-identical files:

  ba-N   Barabási–Albert preferential attachment, m = 10 edges per new node.
  sbm-N  LFR-like planted partition: power-law community sizes (exponent 1.5) and
         expected degrees (exponent 2.5, mean 20), mixing μ = 0.3 (30 % of each node's
         edges leave its community); a Chung–Lu draw inside each community and across the
         graph. The planted membership is written beside it (sbm-N.communities.csv).
  ws-N   Watts–Strogatz small world: ring lattice with k = 20, each edge rewired with
         probability 0.1.

Files: `source,target` header, one undirected edge per line, node ids 0..N-1, no self-loops,
no parallel edges. Needs numpy. An existing file is kept (delete it to regenerate).
"""
import argparse
import os
import sys

import numpy as np

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def simple_edges(u, v):
    """Undirected, deduplicated, loop-free edges as two int64 arrays sorted by (min, max)."""
    u = np.asarray(u, dtype=np.int64)
    v = np.asarray(v, dtype=np.int64)
    keep = u != v
    a = np.minimum(u[keep], v[keep])
    b = np.maximum(u[keep], v[keep])
    n = int(max(a.max(initial=0), b.max(initial=0))) + 1
    keys = np.unique(a * n + b)
    return keys // n, keys % n


def barabasi_albert(n, m, seed):
    """Preferential attachment by copying a uniformly drawn endpoint of an earlier edge.

    Node t (t >= 1) draws m positions uniformly in [0, 2 m t) of the endpoint list; a
    position 2 m s + 2 j holds node s, a position 2 m s + 2 j + 1 holds the target of pick
    (s, j), which is earlier, so targets resolve by pointer jumping. Node 0's slots are
    node 0. Repeated picks of one target collapse into one edge.
    """
    rng = np.random.default_rng(seed)
    t = np.repeat(np.arange(1, n, dtype=np.int64), m)
    position = (rng.random(t.size) * (2 * m * t)).astype(np.int64)
    # Pick index k (flat) belongs to node t = k // m + 1 and occupies endpoint positions
    # 2 m t + 2 (k % m) (the node) and that + 1 (its target).
    target = np.full(t.size, -1, dtype=np.int64)
    pointer = np.full(t.size, -1, dtype=np.int64)
    node_slot = position < 2 * m
    target[node_slot] = 0
    even = ~node_slot & (position % 2 == 0)
    target[even] = position[even] // (2 * m)
    odd = ~node_slot & (position % 2 == 1)
    # The odd position p = 2 m s + 2 j + 1 is the target of pick k' = (s - 1) m + j.
    pointer[odd] = (position[odd] // (2 * m) - 1) * m + (position[odd] % (2 * m)) // 2
    unresolved = np.flatnonzero(odd)
    while unresolved.size:
        ahead = pointer[unresolved]
        done = target[ahead] >= 0
        target[unresolved[done]] = target[ahead[done]]
        still = unresolved[~done]
        pointer[still] = pointer[ahead[~done]]
        unresolved = still
    return simple_edges(t, target)


def watts_strogatz(n, k, p, seed):
    rng = np.random.default_rng(seed)
    u = np.repeat(np.arange(n, dtype=np.int64), k // 2)
    v = (u + np.tile(np.arange(1, k // 2 + 1, dtype=np.int64), n)) % n
    rewire = rng.random(u.size) < p
    v = v.copy()
    v[rewire] = rng.integers(0, n, int(rewire.sum()))
    return simple_edges(u, v)


def powerlaw(rng, size, exponent, low, high):
    """Continuous power law on [low, high] with density ~ x^-exponent (inverse CDF)."""
    a = 1 - exponent
    x = rng.random(size)
    return (low ** a + x * (high ** a - low ** a)) ** (1 / a)


def planted_partition(n, mean_degree, mu, seed):
    rng = np.random.default_rng(seed)
    high_size = min(1000, max(60, n // 10))
    sizes = []
    while sum(sizes) < n:
        sizes.append(int(powerlaw(rng, 1, 1.5, 50, high_size)[0]))
    sizes[-1] -= sum(sizes) - n
    if sizes[-1] < 20 and len(sizes) > 1:
        sizes[-2] += sizes.pop()
    membership = np.repeat(np.arange(len(sizes)), sizes)
    rng.shuffle(membership)
    weights = powerlaw(rng, n, 2.5, 1, min(1000, n / 10))
    weights *= mean_degree / weights.mean()
    us, vs = [], []
    order = np.argsort(membership, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(np.bincount(membership))])
    for c in range(len(sizes)):
        nodes = order[bounds[c]:bounds[c + 1]]
        w = weights[nodes]
        count = rng.poisson((1 - mu) * w.sum() / 2)
        prob = w / w.sum()
        us.append(nodes[rng.choice(nodes.size, count, p=prob)])
        vs.append(nodes[rng.choice(nodes.size, count, p=prob)])
    count = rng.poisson(mu * weights.sum() / 2)
    prob = weights / weights.sum()
    us.append(rng.choice(n, count, p=prob))
    vs.append(rng.choice(n, count, p=prob))
    u, v = simple_edges(np.concatenate(us), np.concatenate(vs))
    return u, v, membership


def write_edges(path, u, v):
    temporary = path + ".part"
    with open(temporary, "w") as out:
        out.write("source,target\n")
        chunk = 1_000_000
        for start in range(0, u.size, chunk):
            block = np.column_stack([u[start:start + chunk], v[start:start + chunk]])
            np.savetxt(out, block, fmt="%d", delimiter=",")
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k, 100k, 1m")
    parser.add_argument("--models", default="ba,sbm,ws")
    parser.add_argument("--out", default=os.path.join(os.environ.get("CERCLE_BENCH_DIR", "/tmp/cercle-bench"), "data"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for size in args.sizes.split(","):
        n = SIZES[size.lower()]
        for model in args.models.split(","):
            path = os.path.join(args.out, f"{model}-{size.lower()}.csv")
            if os.path.exists(path):
                continue
            seed = {"ba": 11, "sbm": 12, "ws": 13}[model] * 1000 + len(str(n))
            if model == "ba":
                u, v = barabasi_albert(n, 10, seed)
            elif model == "ws":
                u, v = watts_strogatz(n, 20, 0.1, seed)
            else:
                u, v, membership = planted_partition(n, 20, 0.3, seed)
                with open(os.path.join(args.out, f"sbm-{size.lower()}.communities.csv"), "w") as out:
                    out.write("id,community\n")
                    out.writelines(f"{i},{c}\n" for i, c in enumerate(membership))
            write_edges(path, u, v)
            print(f"{path}: {n} nodes, {u.size} edges", file=sys.stderr)


if __name__ == "__main__":
    main()
