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
    claim = "https://w3id.org/policykg/id/doc/000-86099a2a7329305b-txt/claim/1"
    graph = "https://w3id.org/policykg/id/doc/000-86099a2a7329305b-txt"
    opened.update(f"""INSERT DATA {{ GRAPH <{graph}> {{
        <{claim}> <http://www.w3.org/ns/prov#wasAttributedTo> <https://w3id.org/policykg/id/body/cn-npc> ;
                  <https://w3id.org/policykg/ns#claimKind> "rumour" }} }}""")
    opened.flush()
    del opened
    result = run("--store", store, "validate", "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.output.split("\npolicykg:")[0])["violations"]
    assert {(v["focus"], v["path"]) for v in found} == {
        ("id:doc/000-86099a2a7329305b-txt/claim/1", "prov:wasAttributedTo"),
        ("id:doc/000-86099a2a7329305b-txt/claim/1", "pkg:claimKind")}
    assert {v["documents"] for v in found} == {"000_86099a2a7329305b.txt"}
    assert f"{len(found)} violations of the shapes" in result.output and len(found) >= 2


def test_ontology_page_is_generated_from_the_turtle():
    """docs/ontology.md must be what `make docs` writes from graph/model/ontology.ttl today."""
    page = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert page == ontology_doc.render(ontology_doc.ontology())
    assert "| `pkg:UnresolvedClaim` | schema:Claim |" in page and "```mermaid" in page
