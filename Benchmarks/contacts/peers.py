#!/usr/bin/env python3
"""What an analyst would run instead of `cercle import`, timed the same way.

    python3 peers.py linkedin networkx|igraph Connections.csv [--repeat R]
    python3 peers.py mbox python mailbox.mbox [--repeat R]

linkedin: reads a LinkedIn Connections.csv with Python's csv module (the Notes preamble
skipped, blank rows dropped) and builds the member's network in the library: the ego, one
node per connection (keyed by profile URL, else e-mail, else row) with its name, URL,
e-mail, company and position, and an edge to the ego carrying the Connected On date. No
identity resolution: rows are not merged across keys or with other sources, so this is
less work than Cercle's import, which also folds names, keys every person three ways and
merges.

mbox: reads the From, To, Cc, Date, Message-ID and In-Reply-To headers of every message
with Python's standard `mailbox` module (which also reads the bodies).

Prints one JSON object: the median seconds of the repeats (read and build, inside the
process), the counts, and the peak resident memory.
"""
import argparse
import csv
import json
import resource
import statistics
import sys
import time
from datetime import datetime


def linkedin_rows(path):
    """The connection rows: dicts by lower-cased column name, after the preamble."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = None
        for row in reader:
            names = [cell.strip().lower() for cell in row]
            if "first name" in names and "connected on" in names:
                header = names
                break
        if header is None:
            raise SystemExit("no LinkedIn header")
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            yield dict(zip(header, (cell.strip() for cell in row)))


def connected_on(text):
    try:
        return datetime.strptime(text, "%d %b %Y")
    except ValueError:
        return None


def linkedin_networkx(path):
    import networkx as nx
    graph = nx.Graph()
    graph.add_node("ego", member=True)
    for index, row in enumerate(linkedin_rows(path)):
        key = row.get("url") or row.get("email address") or f"row:{index}"
        graph.add_node(key, name=f"{row.get('first name', '')} {row.get('last name', '')}".strip(),
                       url=row.get("url"), email=row.get("email address"),
                       organisation=row.get("company"), title=row.get("position"))
        graph.add_edge("ego", key, since=connected_on(row.get("connected on", "")))
    return graph.number_of_nodes(), graph.number_of_edges()


def linkedin_igraph(path):
    import igraph as ig
    keys, names, urls, emails, organisations, titles, since = ["ego"], ["ego"], [None], [None], [None], [None], []
    index_of = {"ego": 0}
    edges = []
    for index, row in enumerate(linkedin_rows(path)):
        key = row.get("url") or row.get("email address") or f"row:{index}"
        node = index_of.get(key)
        if node is None:
            node = len(keys)
            index_of[key] = node
            keys.append(key)
            names.append(f"{row.get('first name', '')} {row.get('last name', '')}".strip())
            urls.append(row.get("url"))
            emails.append(row.get("email address"))
            organisations.append(row.get("company"))
            titles.append(row.get("position"))
        edges.append((0, node))
        since.append(connected_on(row.get("connected on", "")))
    graph = ig.Graph(n=len(keys), edges=edges)
    graph.vs["name"] = keys
    graph.vs["label"] = names
    graph.vs["url"] = urls
    graph.vs["email"] = emails
    graph.vs["organisation"] = organisations
    graph.vs["title"] = titles
    graph.es["since"] = since
    graph.simplify(combine_edges="first")
    return graph.vcount(), graph.ecount()


def mbox_python(path):
    import mailbox
    messages = 0
    kept = 0
    for message in mailbox.mbox(path):
        messages += 1
        for name in ("From", "To", "Cc", "Date", "Message-ID", "In-Reply-To"):
            value = message.get(name)
            if value is not None:
                kept += len(str(value))
    return messages, kept


CASES = {
    ("linkedin", "networkx"): linkedin_networkx,
    ("linkedin", "igraph"): linkedin_igraph,
    ("mbox", "python"): mbox_python,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source", choices=["linkedin", "mbox"])
    parser.add_argument("tool")
    parser.add_argument("path")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    case = CASES.get((args.source, args.tool))
    if case is None:
        raise SystemExit(f"no case {args.source} with {args.tool}")
    times = []
    counts = None
    for _ in range(args.repeat):
        started = time.perf_counter()
        counts = case(args.path)
        times.append(time.perf_counter() - started)
    print(json.dumps({
        "source": args.source, "tool": args.tool, "seconds": statistics.median(times), "runs": times,
        "counts": counts, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    sys.exit(main())
