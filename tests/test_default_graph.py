"""The default graph is the merge of the documents' graphs (a set of triples), on the CLI and
the endpoint alike, kept so through replaced and removed documents; GRAPH ?g stays per document.
The remote stores (Oxigraph server, Virtuoso) give the same rows: tests/test_remote.py."""
from __future__ import annotations

import json

from rdflib import Literal, URIRef

from graph.store.embedded import OxigraphStore
from tests.conftest import run

MERGED = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
DISTINCT = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
PER_DOCUMENT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def count(store: str, query: str) -> int:
    out = run("--store", store, "query", "-", "--format", "json", input=query)
    assert out.exit_code == 0, out.output
    return int(json.loads(out.output)["results"]["bindings"][0]["n"]["value"])


def test_a_query_without_graph_sees_each_triple_once(seeds_store):
    merged, distinct, quads = (count(seeds_store, q) for q in (MERGED, DISTINCT, PER_DOCUMENT))
    assert distinct < quads  # the seeds share triples (the same official, body, industry)
    assert merged == distinct
    officials = run("--store", seeds_store, "query", "-", "--format", "csv", input=(
        "SELECT ?name WHERE { ?p a <https://w3id.org/policykg/ns#Official> ; <https://schema.org/name> ?name } "
        "ORDER BY ?name")).output.split()
    assert officials == ["name", "Gong", "Ming", "Gong", "Peihua", "Han", "Jun", "Li", "Qiang", "Liu", "Taizong",
                         "Xi", "Jinping"]


def triples(*names: str):
    return [(URIRef("urn:s"), URIRef("urn:p"), Literal(n)) for n in names]


def merged(store: OxigraphStore) -> list[str]:
    return sorted(row["o"].value for row in store.query("SELECT ?o WHERE { ?s ?p ?o }"))


def test_replaced_and_removed_documents_keep_the_merge(tmp_path):
    store = OxigraphStore(str(tmp_path / "kg.db"))
    store.put_document("urn:doc:1", triples("a", "b"))
    store.put_document("urn:doc:2", triples("b", "c"))
    assert merged(store) == ["a", "b", "c"]
    store.put_document("urn:doc:1", triples("a"))  # b is still in doc 2
    assert merged(store) == ["a", "b", "c"]
    store.put_document("urn:doc:2", triples("d"))
    assert merged(store) == ["a", "d"]
    store.remove_document("urn:doc:1")
    assert merged(store) == ["d"]
    per_document = store.query("SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert [(r["g"].value, r["o"].value) for r in per_document] == [("urn:doc:2", "d")]
    store.close()


def test_a_store_built_before_the_merge_is_queried_as_the_union_and_merged_by_the_next_writer(tmp_path):
    import pyoxigraph as ox

    path = str(tmp_path / "old.db")
    old = ox.Store(path)
    for g in ("urn:doc:1", "urn:doc:2"):
        old.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("x"), ox.NamedNode(g)))
    del old
    reader = OxigraphStore(path, read_only=True)
    assert merged(reader) == ["x", "x"]  # Oxigraph's union, until a writer merges
    del reader
    writer = OxigraphStore(path)
    assert merged(writer) == ["x"]
    writer.close()


def test_exports_hold_the_documents_quads_only(seeds_store, tmp_path):
    out = tmp_path / "all.nq"
    assert run("--store", seeds_store, "export", str(out)).exit_code == 0
    lines = [line for line in out.read_text().splitlines() if line.strip()]
    assert len(lines) == count(seeds_store, PER_DOCUMENT)
    assert all(line.rstrip(" .").endswith(">") and line.count("<https://w3id.org/policykg/id/doc/") >= 1
               for line in lines[:50])
