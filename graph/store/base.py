"""What every store module shares: the error they raise, the interface they offer, rdflib
terms as pyoxigraph terms, N-Triples text, and variables bound into a query's text.

It imports no other store module, so the embedded store, the remote one and the N-Quads
shards each depend on this one only, never on each other.
"""
from __future__ import annotations

import re
from typing import Iterable, Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef


class StoreError(Exception):
    """A store that cannot be opened or used; the message says why, in one line."""


class Store(Protocol):
    def contents(self, extraction: str) -> set[str]: ...
    def graphs(self) -> Iterable[str]: ...
    def graph_quads(self, name: str) -> Iterable[ox.Quad]: ...
    def put_document(self, name: str, graph: Graph) -> None: ...
    def remove_document(self, name: str) -> None: ...
    def query(self, sparql: str, bindings: dict | None = None): ...
    def dump(self, path: str, fmt: ox.RdfFormat) -> None: ...
    def close(self) -> None: ...


def to_ox(term):
    """An rdflib term as the pyoxigraph term of the same value."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def ntriples(graph: Iterable, name: str | None = None) -> str:
    """rdflib triples as N-Triples, or as N-Quads in the graph ``name``."""
    tail = f" {ox.NamedNode(name)} .\n" if name else " .\n"
    return "".join(f"{to_ox(s)} {to_ox(p)} {to_ox(o)}{tail}" for s, p, o in graph)


def bind(sparql: str, bindings: dict) -> str:
    """``sparql`` with a VALUES block at the head of its outermost WHERE: the variables are
    bound for everything at that level (pyoxigraph's own substitutions need them projected)."""
    found = re.search(r"\bWHERE\s*\{", sparql, re.I)
    if not found:
        raise StoreError("cannot bind variables: the query has no WHERE clause")
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(term) for term in bindings.values())
    return f"{sparql[:found.end()]}\n  VALUES ({names}) {{ ({values}) }}{sparql[found.end():]}"


def union_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The triples of all the quads' graphs merged, sorted: what a Turtle or JSON-LD export holds."""
    return sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
