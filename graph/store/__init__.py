"""Where the graph lives: the embedded store (``embedded``), remote SPARQL 1.1 stores
(``remote``), N-Quads shards for bulk loaders (``shards``) and the build's writer
(``writer``), over what they share (``base``).

This module is the way in: ``open_store`` picks the store a ``--store`` value names, and
``counts`` and ``export`` work on any of them.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from ..model.iris import PKG, PREFIXES
from .base import StoreError, redact
from .embedded import OxigraphStore

__all__ = ["StoreError", "redact", "open_store", "is_remote", "exists", "counts", "export", "EXPORTS"]

REMOTE = ("http://", "https://", "virtuoso+http://", "virtuoso+https://")
EXPORTS = {".ttl": ox.RdfFormat.TURTLE, ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG,
           ".jsonld": ox.RdfFormat.JSON_LD, ".nt": ox.RdfFormat.N_TRIPLES}

COUNTS = """
PREFIX schema: <https://schema.org/>
PREFIX pkg: <https://w3id.org/policykg/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT
  (COUNT(DISTINCT ?d) AS ?documents) (COUNT(DISTINCT ?o) AS ?officials) (COUNT(DISTINCT ?b) AS ?bodies)
  (COUNT(DISTINCT ?i) AS ?industries) (COUNT(DISTINCT ?f) AS ?figures) (COUNT(DISTINCT ?c) AS ?claims)
WHERE { GRAPH ?g {
  { ?d a schema:NewsArticle } UNION { ?o a pkg:Official } UNION { ?b a pkg:Body }
  UNION { ?i a skos:Concept } UNION { ?f a pkg:Figure } UNION { ?c a schema:Claim } } }
"""
# Triples of the documents' graphs only: a server may hold graphs of its own (Virtuoso's system graphs).
TRIPLES = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?g <{PKG.sha256}> ?h }} GRAPH ?g {{ ?s ?p ?o }} }}"


def is_remote(location: str) -> bool:
    """Whether a ``--store`` value is the address of a SPARQL server rather than a folder."""
    return location.startswith(REMOTE)


def exists(location: str) -> bool:
    """Whether there may be a store there already: a remote one always may."""
    return is_remote(location) or Path(location).exists()


def open_store(location: str, read_only: bool = False):
    """The store a ``--store`` value names: a folder (embedded) or an http(s) address (remote)."""
    if is_remote(location):
        from .remote import RemoteStore

        return RemoteStore(location, read_only=read_only)
    if os.path.exists(location) and not os.path.isdir(location):
        raise StoreError(f"{location}: not a folder (the store is a folder of database files)")
    return OxigraphStore(location, read_only=read_only)


def counts(store) -> dict[str, int]:
    """What ``policykg stats`` prints: documents, triples, officials, bodies, industries, figures, claims."""
    row = next(iter(store.query(COUNTS)))
    triples = next(iter(store.query(TRIPLES)))["n"].value
    found = {"documents": int(row["documents"].value), "triples": int(triples)}
    for name in ("officials", "bodies", "industries", "figures", "claims"):
        found[name] = int(row[name].value)
    return found


def export(store, path: str, fmt: str | None = None, output=None) -> None:
    """Write the store as RDF in the format ``fmt`` names (a key of ``EXPORTS`` without its dot,
    or by default the suffix of ``path``) to ``path``, or to ``output`` (a binary stream) when
    given: .nq and .trig keep a graph per document, the others hold all documents' triples
    merged. Turtle and TriG use the project's prefixes (``graph.model.iris.PREFIXES``)."""
    rdf_format = EXPORTS["." + fmt.lower() if fmt else Path(path).suffix.lower()]
    if output is None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    store.dump(output if output is not None else path, rdf_format,
               prefixes={name: str(base) for name, base in PREFIXES.items()})
