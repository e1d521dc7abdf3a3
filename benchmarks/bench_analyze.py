"""Time every analysis on a co-mention graph the size of a 10k-document corpus.

The graph is synthetic but made the way co-mention graphs are: each document names
entities drawn from a Zipf distribution (a few are everywhere, most are rare) and each
sentence links the entities it names. Defaults give about 13.5k nodes and 600k edges,
the size measured on a 10k-document corpus.

Usage: python benchmarks/bench_analyze.py [--docs 10000]
"""
from __future__ import annotations

import argparse
import itertools
import random
import time

import networkx as nx
import numpy as np

from graph.network import analyze


def co_mention(docs: int, entities: int, per_doc: int, sentences: int, per_sentence: int, seed: int = 7) -> nx.Graph:
    rng = np.random.default_rng(seed)
    weights = 1 / np.arange(1, entities + 1) ** 0.8
    weights /= weights.sum()
    graph = nx.Graph()
    for d in range(docs):
        named = rng.choice(entities, size=per_doc, replace=False, p=weights)
        for _ in range(sentences):
            chosen = sorted(rng.choice(named, size=per_sentence, replace=False))
            for u, v in itertools.combinations(chosen, 2):
                if graph.has_edge(u, v):
                    graph.edges[u, v]["weight"] += 1
                else:
                    graph.add_edge(u, v, weight=1.0, relation="co-mention", documents=[f"d{d}"], sentence="")
    kinds = ["official", "body", "industry", "figure", "person"]
    for node in graph:
        graph.nodes[node].update(label=f"entity {node}", type=kinds[node % 5], iri=f"urn:e:{node}", aliases=[])
    return nx.relabel_nodes(graph, str)


def timed(label: str, work, results: list) -> object:
    start = time.perf_counter()
    value = work()
    results.append((label, time.perf_counter() - start))
    print(f"{label:<45} {results[-1][1]:7.1f} s", flush=True)
    return value


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10000)
    args = ap.parse_args()
    results: list = []
    graph = timed("generate graph", lambda: co_mention(args.docs, 13500, 30, 15, 4), results)
    print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    timed("centrality (sampled betweenness k=50)", lambda: analyze.centrality(graph, top=20), results)
    timed("communities (Louvain)", lambda: analyze.communities(graph), results)
    names = random.Random(1).sample(sorted(graph), 2)
    timed("path", lambda: analyze.path(graph, names[0], names[1]), results)
    timed("ego radius 1", lambda: analyze.ego(graph, names[0], 1), results)
    print("| analysis | seconds |\n| --- | --- |")
    for label, seconds in results:
        print(f"| {label} | {seconds:.1f} |")


if __name__ == "__main__":
    main()
