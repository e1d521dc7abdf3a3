"""Networks projected from the store by SPARQL, as networkx graphs.

A projection is a query of ``queries/network/`` returning one row per piece of evidence
for an edge (``?source ?target ?type ?doc ?date ?sentence``); rows for the same pair are
merged into one edge whose weight is the number of distinct sentences (or documents,
where no sentence is at hand) that support it. Nodes come from ``nodes.rq``: label,
type, aliases and the first and last dates they were seen. Nothing is re-extracted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

PROJECTIONS = ("actors", "actor-industry", "co-mention", "claims")
DIRECTED = {"claims"}
NODE_TYPES = ("official", "person", "body", "industry", "figure", "claim", "document")


class NetworkError(Exception):
    """A projection that cannot be made (unknown name, a custom query without ?source ?target)."""


@dataclass(frozen=True)
class Filters:
    """What to keep: dates as ISO strings (inclusive), node types, a minimum edge weight."""

    since: str | None = None
    until: str | None = None
    types: frozenset[str] = field(default_factory=frozenset)
    min_weight: float = 0


def projection_query(name: str) -> str:
    if name not in PROJECTIONS and name != "nodes":
        raise NetworkError(f"{name}: not a projection ({', '.join(PROJECTIONS)})")
    return resources.files("queries").joinpath("network", f"{name}.rq").read_text("utf-8")


def in_window(date: str | None, filters: Filters) -> bool:
    """Whether a date passes --since/--until; undated evidence passes only when no window is set."""
    if not (filters.since or filters.until):
        return True
    if not date:
        return False
    return (not filters.since or date[:10] >= filters.since) and (not filters.until or date[:10] <= filters.until)


def build_network(nodes: list[dict], edges: list[dict], directed: bool = False,
                  filters: Filters = Filters()) -> "nx.Graph":
    """A graph from node rows (``node label type aliases first last documents``) and edge
    rows (``source target [type] [doc] [date] [sentence] [weight]``), filtered."""
    import networkx as nx  # here, not at the top: the CLI imports this module for its option lists

    known = {row["node"]: row for row in nodes}
    graph = nx.DiGraph() if directed else nx.Graph()
    evidence: dict[tuple[str, str], dict] = {}
    for row in edges:
        if not in_window(row.get("date"), filters):
            continue
        source, target = row["source"], row["target"]
        if source == target:
            continue
        if not directed and target < source:
            source, target = target, source
        seen = evidence.setdefault((source, target), {"types": set(), "docs": set(), "support": set(),
                                                      "dates": set(), "sentence": None, "weight": 0.0})
        seen["types"].add(row.get("type", "edge"))
        if row.get("doc"):
            seen["docs"].add(row["doc"])
        if row.get("date"):
            seen["dates"].add(row["date"][:10])
        if "weight" in row:
            seen["weight"] += float(row["weight"])
        else:
            seen["support"].add((row.get("doc"), row.get("sentence")))
        if row.get("sentence") and seen["sentence"] is None:
            seen["sentence"] = row["sentence"].strip()
    for (source, target), seen in evidence.items():
        weight = seen["weight"] or float(len(seen["support"]))
        if weight < filters.min_weight:
            continue
        for node in (source, target):
            if node not in graph:
                graph.add_node(node, **node_attributes(node, known.get(node)))
        graph.add_edge(source, target, relation=";".join(sorted(seen["types"])), weight=weight,
                       documents=sorted(seen["docs"]), sentence=seen["sentence"] or "",
                       first=min(seen["dates"], default=""), last=max(seen["dates"], default=""))
    if filters.types:
        graph.remove_nodes_from([n for n, t in graph.nodes(data="type") if t not in filters.types])
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    return graph


def node_attributes(iri: str, row: dict | None) -> dict:
    """A node's attributes from its row of ``nodes.rq``; an IRI the store does not describe
    (from a query of the user's) keeps its IRI as its label."""
    row = row or {}
    aliases = [a for a in row.get("aliases", "").split("|") if a]
    return {"iri": iri, "label": row.get("label") or local_name(iri), "type": row.get("type", "other"),
            "aliases": aliases, "first": row.get("first", "").strip("~")[:10], "last": row.get("last", "")[:10],
            "documents": int(row.get("documents", 0) or 0)}


def local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def check_custom(variables: list[str]) -> None:
    """A query of the user's must return ?source and ?target (and may return ?weight)."""
    missing = [v for v in ("source", "target") if v not in variables]
    if missing:
        raise NetworkError(f"the query must return ?source and ?target (missing: {', '.join('?' + m for m in missing)})")


def project(store, name: str, filters: Filters = Filters(), query: str | None = None) -> "nx.Graph":
    """The projection ``name`` of the store (or the edges of ``query``), as a networkx graph."""
    from queries.results import rows

    nodes = rows(store.query(projection_query("nodes")))
    if query is not None:
        result = store.query(query)
        if not hasattr(result, "variables"):
            raise NetworkError("the query must be a SELECT returning ?source ?target [?weight]")
        check_custom([v.value for v in result.variables])
        edges = rows(result)
        directed = False
    else:
        edges = rows(store.query(projection_query(name)))
        directed = name in DIRECTED
    return build_network(nodes, edges, directed=directed, filters=filters)
