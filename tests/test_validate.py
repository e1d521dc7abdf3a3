"""SHACL shapes and the generated ontology page."""
from __future__ import annotations

import json

import pyoxigraph as ox

from graph.model import ontology_doc
from tests.conftest import ROOT, run


def test_the_seeds_graph_conforms(seeds_store):
    result = run("--store", seeds_store, "validate", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.split("\npolicykg:")[0]) == {"conforms": True, "violations": []}


def test_violations_are_reported_with_their_document(tmp_path):
    store = str(tmp_path / "kg.db")
    assert run("--store", store, "build", "-q", str(ROOT / "seeds" / "000_86099a2a7329305b.txt")).exit_code == 0
    opened = ox.Store(store)
    claim = "https://w3id.org/policykg/id/doc/000_86099a2a7329305b.txt/claim/1"
    graph = "https://w3id.org/policykg/id/doc/000_86099a2a7329305b.txt"
    opened.update(f"""INSERT DATA {{ GRAPH <{graph}> {{
        <{claim}> <http://www.w3.org/ns/prov#wasAttributedTo> <https://w3id.org/policykg/id/body/cn-npc> ;
                  <https://w3id.org/policykg/ns#claimKind> "rumour" }} }}""")
    opened.flush()
    del opened
    result = run("--store", store, "validate", "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.output.split("\npolicykg:")[0])["violations"]
    assert {(v["focus"], v["path"]) for v in found} == {
        ("id:doc/000_86099a2a7329305b.txt/claim/1", "prov:wasAttributedTo"),
        ("id:doc/000_86099a2a7329305b.txt/claim/1", "pkg:claimKind")}
    assert {v["documents"] for v in found} == {"000_86099a2a7329305b.txt"}
    assert f"{len(found)} violations of the shapes" in result.output and len(found) >= 2


def test_ontology_page_is_generated_from_the_turtle():
    """docs/ontology.md must be what `make docs` writes from graph/model/ontology.ttl today."""
    page = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert page == ontology_doc.render(ontology_doc.ontology())
    assert "| `pkg:UnresolvedClaim` | schema:Claim |" in page and "```mermaid" in page


def test_shapes_are_named_by_iri_or_by_node_shape_and_path_never_by_blank_node():
    from rdflib import BNode, Graph

    from graph.model.validate import shape_name, shapes

    graph = shapes()
    named = [s for s in graph.subjects(predicate=None, object=None) if not isinstance(s, BNode)]
    assert shape_name(named[0], graph) == str(named[0])
    prop = next(o for o in graph.objects(predicate=__import__("rdflib").URIRef("http://www.w3.org/ns/shacl#property")))
    name = shape_name(prop, graph)
    assert name.startswith("pkgsh:") and " property " in name and not name.startswith("_:")
    assert shape_name(BNode(), Graph()) == "a shape property shape"


def test_a_claim_dated_to_a_month_conforms(tmp_path):
    (tmp_path / "m.txt").write_text(
        "Wheat support price to rise\n\nNEW DELHI, June 12, 2025 - Agriculture Minister Ravi Sharma said last month "
        "that the government would raise the support price for wheat by 6 percent.\n", encoding="utf-8")
    store = str(tmp_path / "kg.db")
    assert run("--store", store, "build", "-q", str(tmp_path / "m.txt")).exit_code == 0
    (tmp_path / "dates.rq").write_text("SELECT (STR(?d) AS ?day) (DATATYPE(?d) AS ?type) WHERE { GRAPH ?g { "
                                       "?c a <https://schema.org/Claim> ; <http://purl.org/dc/terms/date> ?d } }")
    dates = run("--store", store, "query", "--format", "csv", "--no-headers", str(tmp_path / "dates.rq")).output.split()
    assert dates == ["2025-05,http://www.w3.org/2001/XMLSchema#gYearMonth"]
    result = run("--store", store, "validate", "--format", "json")
    assert result.exit_code == 0, result.output
