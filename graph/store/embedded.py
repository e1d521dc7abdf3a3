"""The embedded store: Oxigraph on disk, one named graph per document.

The interface (``base.Store``) is small on purpose (stored contents, put a document, remove
one, query, dump) so that a remote SPARQL 1.1 store can stand behind it without touching
extraction or queries.
Every write of a document is one transaction: a killed build leaves each document either
fully in or absent.
"""
from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from ..model.iris import PKG, PROV
from .base import CONTENTS, StoreError, bind, check_depth, syntax_error, to_ox, union_triples
from .checkpoints import Checkpoints


# The default graph is the union of the documents' graphs as a set (the RDF merge): each
# write keeps it so, since Oxigraph's own union default graph (0.5) repeats a triple once per
# graph that holds it. A triple leaves it when the last document holding it goes.
UNMERGE = ("DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
           "FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }}")
MERGE_ALL = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def has_merged_default_graph(store: ox.Store) -> bool:
    """Whether ``store`` holds the merged default graph, or has no documents (stores built
    before it was kept are queried with Oxigraph's union default graph instead)."""
    merged = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None
    return merged or next(iter(store.named_graphs()), None) is None


class OxigraphStore:
    """The embedded store: a folder holding an Oxigraph (RocksDB) database."""

    # Left alone, RocksDB's write buffers (one per index of the store) grew to 1.5 GB over
    # 9,000 documents; flushing them every 500 documents holds the process near 220 MB and
    # writes faster (benchmarks/results.md).
    FLUSH_EVERY = 500

    # A writer publishes a checkpoint for readers at most this often (and when it closes), so
    # queries see a running build's documents within seconds (graph/store/checkpoints.py).
    PUBLISH_EVERY = 5.0

    def __init__(self, path: str, read_only: bool = False):
        self.path = path
        self.written = 0
        self.read_only = read_only
        self.checkpoints = Checkpoints(path)
        self.held = ExitStack()  # the writer's lock, or the checkpoint a reader reads
        try:
            if read_only:
                if not Path(path).exists():
                    raise StoreError(f"{path}: no store here yet (run 'policykg build' first)")
                self.store = ox.Store.read_only(self.held.enter_context(self.checkpoints.reading()))
            else:
                self.held.enter_context(self.checkpoints.writing())
                self.store = ox.Store(path)
                stale = self.checkpoints.dirty() or self.checkpoints.current() is None
                self.checkpoints.mark_dirty()
        except OSError as err:
            self.held.close()
            reason = "locked by another writer (a build is running?)" if "LOCK" in str(err) else str(err).splitlines()[0]
            raise StoreError(f"{path}: cannot open the store: {reason}") from None
        except BaseException:
            self.held.close()
            raise
        self.merged = has_merged_default_graph(self.store)
        if not self.merged and not read_only:
            self.store.update(MERGE_ALL)  # a store built before the default graph was kept: one transaction
            self.merged = True
        if not read_only:
            if stale:  # a writer killed before its last checkpoint, or a store older than checkpoints
                self.checkpoints.publish(self.store)
            self.published = time.monotonic()

    def contents(self, extraction: str) -> set[tuple[str, str]]:
        """(graph name, content digest) of every document stored as extracted by ``extraction``:
        what a build skips, asked once instead of once per document."""
        found = self.store.query(CONTENTS % (PKG.sha256, PROV.wasGeneratedBy, ox.NamedNode(extraction)))
        return {(row["g"].value, row["h"].value) for row in found}

    def put_document(self, name: str, graph: Iterable) -> None:
        """Store ``graph`` (rdflib triples) as the named graph ``name``, replacing what was there, atomically."""
        g = ox.NamedNode(name)
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in graph]
        if not self.store.contains_named_graph(g):
            self.store.extend(quads + [ox.Quad(q.subject, q.predicate, q.object) for q in quads])  # one transaction
        else:
            body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
            self.store.update(f"{UNMERGE.format(g=g)} ;\nDROP SILENT GRAPH {g} ;\n"
                              f"INSERT DATA {{ GRAPH {g} {{\n{body} .\n}}\n{body} .\n}}")
        self.written += 1
        if self.written % self.FLUSH_EVERY == 0:
            self.store.flush()
        self._publish_now()

    def _publish_now(self, force: bool = False) -> None:
        """Publish a checkpoint if the last one is older than ``PUBLISH_EVERY`` (or ``force``)."""
        if force or time.monotonic() - self.published >= self.PUBLISH_EVERY:
            self.checkpoints.publish(self.store)
            self.published = time.monotonic()

    def remove_document(self, name: str) -> None:
        g = ox.NamedNode(name)
        self.store.update(f"{UNMERGE.format(g=g)} ;\nDROP SILENT GRAPH {g}")
        self.written += 1
        self._publish_now()

    def query(self, sparql: str, bindings: dict | None = None):
        """Run SPARQL; ``bindings`` (variable name -> pyoxigraph term) are fixed before it runs."""
        check_depth(sparql)
        try:
            return self.store.query(bind(sparql, bindings) if bindings else sparql,
                                    use_default_graph_as_union=not self.merged)
        except SyntaxError as err:
            raise syntax_error(sparql, str(err)) from None

    def graphs(self) -> Iterable[str]:
        return [g.value for g in self.store.named_graphs()]

    def graph_quads(self, name: str) -> Iterable[ox.Quad]:
        """The quads of one document's graph."""
        return self.store.quads_for_pattern(None, None, None, ox.NamedNode(name))

    def quads(self) -> Iterable[ox.Quad]:
        """The documents' quads (the merged default graph left out: it repeats them)."""
        return (q for q in self.store.quads_for_pattern(None, None, None, None)
                if not isinstance(q.graph_name, ox.DefaultGraph))

    def dump(self, output, fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None) -> None:
        """Write the store to ``output`` (a path or a binary stream); ``prefixes`` for Turtle and TriG."""
        options = {"prefixes": prefixes} if prefixes and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            ox.serialize(self.quads(), output, fmt, **options)  # the documents' graphs, not the merged default
            return
        # Turtle and JSON-LD here hold triples: the union of all documents' graphs.
        ox.serialize(union_triples(self.quads()), output, fmt, **options)

    def flush(self) -> None:
        if hasattr(self.store, "flush"):
            try:
                self.store.flush()
            except OSError:
                pass

    def close(self) -> None:
        """Flush; a writer publishes its last checkpoint and lets go of the store."""
        if not hasattr(self, "store"):
            return
        try:
            if not self.read_only:
                self.flush()
                if self.written:
                    self.checkpoints.publish(self.store)
        finally:
            del self.store
            if not self.read_only:
                self.checkpoints.stamp()
                self.checkpoints.mark_clean()
            self.held.close()
