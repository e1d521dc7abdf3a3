"""Gephi exports: GEXF valid against the official schema, with spells, colours and sizes,
readable by networkx and by graphology-gexf (Gephi Lite, sigma.js); GraphML round-trips."""
from __future__ import annotations

import json
import subprocess

import networkx as nx
import pytest
from lxml import etree

from graph.network import gexf
from tests.conftest import ROOT, run

SCHEMA = ROOT / "tests" / "gexf" / "1.3" / "gexf.rng"
READER = ROOT / "tests" / "js" / "read_gexf.mjs"
SPP = "https://w3id.org/policykg/id/body/cn-spp"


@pytest.fixture(scope="module")
def exported(seeds_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gexf")
    files = {}
    for projection in ("actors", "co-mention", "claims"):
        path = folder / f"{projection}.gexf"
        result = run("--store", seeds_store, "export", str(path), "--projection", projection)
        assert result.exit_code == 0, result.output
        files[projection] = path
    return files


@pytest.mark.parametrize("projection", ["actors", "co-mention", "claims"])
def test_gexf_validates_against_the_official_schema(exported, projection):
    gexf.validate(str(exported[projection]), str(SCHEMA))


def test_networkx_output_fails_the_schema_without_the_fixes():
    graph = nx.Graph()
    graph.add_node("a", label="A", viz={"color": {"r": 1, "g": 2, "b": 3}, "size": 1.0})
    buffer = __import__("io").BytesIO()
    nx.write_gexf(graph, buffer, version="1.3")
    with pytest.raises(etree.DocumentInvalid):
        gexf.validate(buffer.getvalue(), str(SCHEMA))
    gexf.validate(gexf.gexf_bytes(gexf.prepared(graph)), str(SCHEMA))


def test_gexf_carries_spells_colours_sizes_and_typed_attributes(exported):
    root = etree.parse(str(exported["actors"])).getroot()
    ns = {"g": gexf.GEXF_NS, "viz": gexf.VIZ_NS}
    graph = root.find("g:graph", ns)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    node = root.find(f"g:graph/g:nodes/g:node[@id='{SPP}']", ns)
    assert node.get("label") == "Supreme People's Procuratorate"
    assert [(s.get("start"), s.get("end")) for s in node.findall("g:spells/g:spell", ns)] == [("2023-12-02", "2024-04-26")]
    assert node.find("viz:color", ns).attrib == {"r": "213", "g": "94", "b": "0"}
    declared = {a.get("title"): a.get("type") for a in root.findall("g:graph/g:attributes[@class='node']/g:attribute", ns)}
    assert declared["pagerank"] == "double" and declared["community"] == "long" and declared["type"] == "string"
    assert {a.get("mode") for a in root.findall("g:graph/g:attributes", ns)} == {"static"}


def test_gexf_round_trips_through_networkx(seeds_store, exported):
    from graph.network.project import project
    from graph.store import open_store

    original = project(open_store(seeds_store, read_only=True), "actors")
    back = nx.read_gexf(str(exported["actors"]))
    assert set(back.nodes) == set(original.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in original.edges}
    assert back.nodes[SPP]["type"] == "body" and back.nodes[SPP]["iri"] == SPP
    ipr = "https://w3id.org/policykg/id/body/ipr-procuratorial-office"
    edge = back.edges[ipr, SPP]
    assert edge["relation"] == "parent" and edge["weight"] == 1.0 and edge["documents"] == "001_a7796d521b103633.txt"


def test_gexf_loads_in_graphology_gexf(exported):
    """graphology-gexf is what Gephi Lite and sigma.js read GEXF with (installed by make install-test)."""
    out = subprocess.run(["node", str(READER), str(exported["claims"])], capture_output=True, text=True, check=True)
    read = json.loads(out.stdout)
    expected = nx.read_gexf(str(exported["claims"]))
    assert read["type"] == "directed"
    assert (read["order"], read["size"]) == (expected.number_of_nodes(), expected.number_of_edges())
    spp = read["nodes"][SPP]
    assert spp["color"] == "rgb(213,94,0)" and spp["type"] == "body" and spp["size"] > 0


def test_graphml_round_trips(seeds_store, tmp_path):
    path = tmp_path / "actors.graphml"
    wrong = run("--store", seeds_store, "export", str(tmp_path / "x.ttl"), "--projection", "actors")
    assert wrong.exit_code == 1 and "apply to .gexf and .graphml exports only" in wrong.output
    result = run("--store", seeds_store, "export", str(path), "--projection", "actors")
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(str(path))
    assert back.nodes[SPP]["label"] == "Supreme People's Procuratorate"
    assert back.nodes[SPP]["color"] == "#D55E00" and back.nodes[SPP]["community"] >= 1
    assert back.number_of_nodes() == 15
