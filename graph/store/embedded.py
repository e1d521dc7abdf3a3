"""Where the graph lives: an embedded Oxigraph store on disk, one named graph per document.

The interface is small on purpose (stored contents, put a document, remove one, query, dump) so
that a remote SPARQL 1.1 store can stand behind it without touching extraction or queries.
Every write of a document is one transaction: a killed build leaves each document either
fully in or absent.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from ..model.vocab import PKG, PROV


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
    import re

    found = re.search(r"\bWHERE\s*\{", sparql, re.I)
    if not found:
        raise StoreError("cannot bind variables: the query has no WHERE clause")
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(term) for term in bindings.values())
    return f"{sparql[:found.end()]}\n  VALUES ({names}) {{ ({values}) }}{sparql[found.end():]}"


class OxigraphStore:
    """The embedded store: a folder holding an Oxigraph (RocksDB) database."""

    # Left alone, RocksDB's write buffers (one per index of the store) grew to 1.5 GB over
    # 9,000 documents; flushing them every 500 documents holds the process near 220 MB and
    # writes faster (benchmarks/results.md).
    FLUSH_EVERY = 500

    def __init__(self, path: str, read_only: bool = False):
        self.path = path
        self.written = 0
        try:
            if read_only:
                if not Path(path).exists():
                    raise StoreError(f"{path}: no store here yet (run 'policykg build' first)")
                self.store = ox.Store.read_only(path)
            else:
                self.store = ox.Store(path)
        except OSError as err:
            reason = "locked by another writer (a build is running?)" if "LOCK" in str(err) else str(err).splitlines()[0]
            raise StoreError(f"{path}: cannot open the store: {reason}") from None

    def contents(self, extraction: str) -> set[str]:
        """The content digests of every document stored as extracted by ``extraction``: what a
        build skips, asked once instead of once per document."""
        found = self.store.query("SELECT ?h WHERE { GRAPH ?g { ?d <%s> ?h ; <%s> %s } }"
                                 % (PKG.sha256, PROV.wasGeneratedBy, ox.NamedNode(extraction)))
        return {row["h"].value for row in found}

    def put_document(self, name: str, graph: Iterable) -> None:
        """Store ``graph`` (rdflib triples) as the named graph ``name``, replacing what was there, atomically."""
        g = ox.NamedNode(name)
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in graph]
        if not self.store.contains_named_graph(g):
            self.store.extend(quads)  # one transaction
        else:
            body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
            self.store.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body} .\n}} }}")
        self.written += 1
        if self.written % self.FLUSH_EVERY == 0:
            self.store.flush()

    def remove_document(self, name: str) -> None:
        self.store.update(f"DROP SILENT GRAPH {ox.NamedNode(name)}")

    def query(self, sparql: str, bindings: dict | None = None):
        """Run SPARQL; ``bindings`` (variable name -> pyoxigraph term) are fixed before it runs."""
        try:
            return self.store.query(bind(sparql, bindings) if bindings else sparql)
        except SyntaxError as err:
            raise StoreError(f"invalid SPARQL: {str(err).splitlines()[0]}") from None

    def graphs(self) -> Iterable[str]:
        return [g.value for g in self.store.named_graphs()]

    def graph_quads(self, name: str) -> Iterable[ox.Quad]:
        """The quads of one document's graph."""
        return self.store.quads_for_pattern(None, None, None, ox.NamedNode(name))

    def quads(self) -> Iterable[ox.Quad]:
        return self.store.quads_for_pattern(None, None, None, None)

    def dump(self, path: str, fmt: ox.RdfFormat) -> None:
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            self.store.dump(path, fmt)
            return
        # Turtle and JSON-LD here hold triples: the union of all documents' graphs.
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in self.quads()}
        ox.serialize(sorted(triples, key=str), path, fmt)

    def flush(self) -> None:
        if hasattr(self.store, "flush"):
            try:
                self.store.flush()
            except OSError:
                pass

    def close(self) -> None:
        self.flush()
        del self.store


def open_store(location: str, read_only: bool = False):
    """The store a ``--store`` value names: a folder (embedded) or an http(s) address (remote)."""
    if location.startswith(("http://", "https://", "virtuoso+http://", "virtuoso+https://")):
        from .remote import RemoteStore

        return RemoteStore(location, read_only=read_only)
    if os.path.exists(location) and not os.path.isdir(location):
        raise StoreError(f"{location}: not a folder (the store is a folder of database files)")
    return OxigraphStore(location, read_only=read_only)


class NQuadsShards:
    """Not a store: N-Quads files for a bulk loader (``oxigraph load``, Virtuoso's
    ``ld_dir`` + ``rdf_loader_run``), ``shard_size`` documents per file. A shard is
    written under a temporary name and renamed when complete, so a killed build leaves
    only whole shards (and the documents of the unfinished one are simply not there)."""

    def __init__(self, folder: str, shard_size: int = 1000):
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"{folder}: cannot write shards here: {err.strerror or err}") from None
        self.shard_size = shard_size
        existing = sorted(self.folder.glob("part-*.nq"))
        self.number = int(existing[-1].stem.split("-")[1]) + 1 if existing else 0
        self.handle = None
        self.count = 0

    def contents(self, extraction: str) -> set[str]:
        return set()

    def put_document(self, name: str, graph: Iterable) -> None:
        if self.handle is None:
            self.handle = open(self.folder / f"part-{self.number:05d}.nq.tmp", "w", encoding="utf-8")
        self.handle.write(ntriples(graph, name))
        self.count += 1
        if self.count >= self.shard_size:
            self._finish()

    def _finish(self) -> None:
        if self.handle is not None:
            self.handle.close()
            path = self.folder / f"part-{self.number:05d}.nq"
            os.replace(path.with_suffix(".nq.tmp"), path)
            self.handle, self.count, self.number = None, 0, self.number + 1

    def close(self) -> None:
        self._finish()
