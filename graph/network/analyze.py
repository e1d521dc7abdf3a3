"""Analyses of a projected network: centrality, communities, explained paths, ego
networks and claim timelines. Each takes a networkx graph (or rows) and returns rows
(a list of dicts) plus notes saying how the answer was computed.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

SEED = 42
EXACT_BETWEENNESS_LIMIT = 2000  # nodes; above it betweenness is sampled
BETWEENNESS_SAMPLE = 50  # pivots: 46 s at k=100 on a 10k-document co-mention graph here, 23 s at 50


class AnalysisError(Exception):
    """An analysis that cannot answer (a name not in the graph, no path); one line."""


@dataclass
class Answer:
    """Rows to show, and notes on how they were computed (sampling, algorithm)."""

    rows: list[dict]
    notes: list[str] = field(default_factory=list)
    nodes: list[str] = field(default_factory=list)  # the nodes answered about, for drawing


def undirected(graph: nx.Graph) -> nx.Graph:
    return graph.to_undirected(as_view=True) if graph.is_directed() else graph


def scores(graph: nx.Graph, exact_limit: int = EXACT_BETWEENNESS_LIMIT,
           sample: int = BETWEENNESS_SAMPLE) -> tuple[dict[str, dict[str, float]], list[str]]:
    """Node -> {degree, weighted_degree, betweenness, pagerank, eigenvector}, and notes."""
    notes = []
    simple = undirected(graph)
    n = simple.number_of_nodes()
    if n == 0:
        return {}, notes
    degree = dict(simple.degree())
    weighted = dict(simple.degree(weight="weight"))
    if n <= exact_limit:
        betweenness = nx.betweenness_centrality(simple)
        notes.append("betweenness: exact")
    else:
        k = min(sample, n)
        betweenness = nx.betweenness_centrality(simple, k=k, seed=SEED)
        notes.append(f"betweenness: sampled, k={k} pivots (seed {SEED}); exact above {exact_limit} nodes is too slow")
    pagerank = nx.pagerank(simple, weight="weight")
    eigenvector = eigenvector_scores(simple)
    notes.append("pagerank and eigenvector: weighted by edge weight")
    table = {node: {"degree": degree[node], "weighted_degree": weighted[node],
                    "betweenness": betweenness[node], "pagerank": pagerank[node],
                    "eigenvector": eigenvector.get(node, 0.0)} for node in simple}
    return table, notes


def eigenvector_scores(graph: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality per connected component (scaled by the component's size), since
    on a disconnected graph the leading eigenvector lives on one component only."""
    result: dict[str, float] = {}
    n = graph.number_of_nodes()
    for component in nx.connected_components(graph):
        if len(component) < 3:
            result.update({node: 0.0 for node in component})
            continue
        sub = graph.subgraph(component)
        try:
            values = nx.eigenvector_centrality_numpy(sub, weight="weight")
        except (nx.NetworkXException, ArithmeticError, ValueError):
            values = {node: 0.0 for node in component}
        share = len(component) / n
        result.update({node: abs(v) * share for node, v in values.items()})
    return result


def centrality(graph: nx.Graph, top: int = 20, by: str = "pagerank", **kwargs) -> Answer:
    """The ``top`` nodes by ``by``, with every centrality."""
    table, notes = scores(graph, **kwargs)
    ranked = sorted(table, key=lambda node: (-table[node][by], graph.nodes[node]["label"]))[:top]
    rows = [{"rank": i + 1, **label_of(graph, node), **{k: round(v, 6) for k, v in table[node].items()}}
            for i, node in enumerate(ranked)]
    return Answer(rows, notes)


def label_of(graph: nx.Graph, node: str) -> dict:
    data = graph.nodes[node]
    return {"label": data["label"], "type": data["type"], "iri": data["iri"]}


def communities(graph: nx.Graph, seed: int = SEED, resolution: float = 1.0) -> Answer:
    """Louvain communities (seeded: the same graph gives the same answer), each with its
    size, its most central member by PageRank, and its members."""
    simple = undirected(graph)
    if simple.number_of_nodes() == 0:
        return Answer([], ["empty graph"])
    found = louvain(simple, seed, resolution)
    modularity = nx.community.modularity(simple, found, weight="weight")
    pagerank = nx.pagerank(simple, weight="weight")
    rows = []
    for number, members in enumerate(found, 1):
        ordered = sorted(members, key=lambda node: (-pagerank[node], graph.nodes[node]["label"]))
        rows.append({"community": number, "size": len(members), "central": graph.nodes[ordered[0]]["label"],
                     "members": "; ".join(graph.nodes[node]["label"] for node in ordered)})
    notes = [f"Louvain (seed {seed}, resolution {resolution}), modularity {modularity:.4f}"]
    return Answer(rows, notes)


def membership(graph: nx.Graph, seed: int = SEED) -> dict[str, int]:
    """Node -> community number (1 = largest), for exports."""
    simple = undirected(graph)
    if simple.number_of_nodes() == 0:
        return {}
    return {node: number for number, members in enumerate(louvain(simple, seed), 1) for node in members}


def louvain(graph: nx.Graph, seed: int = SEED, resolution: float = 1.0) -> list[set]:
    """Louvain communities, largest first (ties by their first label), so numbers are stable."""
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed, resolution=resolution)
    return sorted(found, key=lambda c: (-len(c), min(graph.nodes[n]["label"] for n in c)))


def fold(text: str) -> str:
    return " ".join(text.casefold().replace("\u2019", "'").split())


def find(graph: nx.Graph, name: str) -> str:
    """The node a name, alias or IRI stands for: an exact label or alias first, then a
    unique label containing it. Raises AnalysisError naming the candidates when ambiguous."""
    if name in graph:
        return name
    wanted = fold(name)
    exact = [n for n, d in graph.nodes(data=True)
             if fold(d["label"]) == wanted or wanted in {fold(a) for a in d.get("aliases", [])}]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [n for n, d in graph.nodes(data=True) if wanted in fold(d["label"])]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise AnalysisError(f"{name}: no such entity in this network")
    labels = sorted(graph.nodes[n]["label"] for n in partial)
    raise AnalysisError(f"{name}: ambiguous, could be {', '.join(labels[:6])}" + (" ..." if len(labels) > 6 else ""))


def path(graph: nx.Graph, a: str, b: str) -> Answer:
    """The shortest path between two entities (fewest hops, then the strongest edges),
    each hop with its relation, documents and a sentence that supports it."""
    simple = undirected(graph)
    source, target = find(graph, a), find(graph, b)
    try:
        nodes = nx.shortest_path(simple, source, target, weight=lambda u, v, d: 1 + 1 / (1 + d["weight"]))
    except nx.NetworkXNoPath:
        raise AnalysisError(f"no path between {graph.nodes[source]['label']} and {graph.nodes[target]['label']}") from None
    rows = []
    for hop, (u, v) in enumerate(zip(nodes, nodes[1:]), 1):
        data = simple.edges[u, v]
        rows.append({"hop": hop, "from": graph.nodes[u]["label"], "relation": data["relation"],
                     "to": graph.nodes[v]["label"], "weight": data["weight"],
                     "documents": "; ".join(data["documents"]), "sentence": data["sentence"]})
    return Answer(rows, [f"{len(rows)} hops"], nodes)


def ego(graph: nx.Graph, name: str, radius: int = 1) -> tuple[nx.Graph, Answer]:
    """The neighbourhood of one entity within ``radius`` hops, and its members by distance."""
    simple = undirected(graph)
    centre = find(graph, name)
    distance = nx.single_source_shortest_path_length(simple, centre, cutoff=radius)
    sub = graph.subgraph(distance).copy()
    rows = []
    for node in sorted(distance, key=lambda n: (distance[n], graph.nodes[n]["label"])):
        if node == centre:
            continue
        row = {"distance": distance[node], **label_of(graph, node), "relation": "", "weight": ""}
        if simple.has_edge(centre, node):
            data = simple.edges[centre, node]
            row.update(relation=data["relation"], weight=data["weight"])
        rows.append(row)
    return sub, Answer(rows, [f"{graph.nodes[centre]['label']}: {len(rows)} within {radius} hop(s)"])


def timeline(claims: list[dict], by: str = "speaker", per: str = "month") -> Answer:
    """Distinct claims (``?claim``) counted per ``by`` (the value in each row) per month or
    year; claims with no date are counted under "undated"."""
    size = 7 if per == "month" else 4
    seen = set()
    for row in claims:
        key = row.get(by)
        if key:
            seen.add((key, (row.get("date") or "")[:size] or "undated", row.get("claim", id(row))))
    counts = Counter((key, period) for key, period, _ in seen)
    rows = [{by: key, per: period, "claims": n}
            for (key, period), n in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1]))]
    return Answer(rows, [f"{sum(counts.values())} claims by {by} per {per}"])
