"""Projections of the seeds' store into networkx graphs, and their filters."""
from __future__ import annotations

import pytest

from graph.network.project import Filters, NetworkError, build_network, project
from graph.store import open_store

SPP = "https://w3id.org/policykg/id/body/cn-spp"
GONG_MING = "https://w3id.org/policykg/id/person/gong-ming"
AI = "https://w3id.org/policykg/id/industry/artificial-intelligence"


@pytest.fixture(scope="module")
def store(seeds_store):
    opened = open_store(seeds_store, read_only=True)
    yield opened


def test_actors_links_officials_to_bodies_and_bodies_to_parents(store):
    graph = project(store, "actors")
    assert set(graph.nodes(data="type")[n] for n in graph) == {"official", "body"}
    assert graph.edges[GONG_MING, SPP]["relation"] == "co-claim;post"
    ipr = "https://w3id.org/policykg/id/body/ipr-procuratorial-office"
    assert graph.edges[ipr, SPP]["relation"] == "parent"
    assert sorted(graph.nodes[n]["label"] for n in graph.neighbors(SPP)) == ["Gong Ming", "IPR Procuratorial Office"]
    assert graph.nodes[SPP]["first"] == "2023-12-02" and graph.nodes[SPP]["last"] == "2024-04-25"


def test_actor_industry_weights_are_claim_counts(store):
    graph = project(store, "actor-industry")
    xi = "https://w3id.org/policykg/id/person/xi-jinping"
    assert graph.edges[xi, AI]["weight"] == 1.0
    assert graph.edges[xi, AI]["documents"] == ["003_d56525ce0f4dcf33.txt"]
    assert {graph.nodes[n]["type"] for n in graph} == {"official", "body", "industry"}


def test_claims_projection_is_directed_speaker_to_claim_to_industry(store):
    graph = project(store, "claims")
    assert graph.is_directed()
    claim = next(c for c in graph.successors(GONG_MING) if graph.has_edge(c, AI))
    assert graph.nodes[claim]["type"] == "claim"
    assert graph.edges[GONG_MING, claim]["relation"] == "claimed"
    assert graph.edges[claim, AI]["relation"] == "about"
    assert "artificial intelligence" in graph.edges[claim, AI]["sentence"]


def test_co_mention_and_filters(store):
    everything = project(store, "co-mention")
    assert everything.edges[GONG_MING, AI]["documents"] == ["000_86099a2a7329305b.txt"]
    in_2024 = project(store, "co-mention", Filters(since="2024-01-01", until="2024-12-31"))
    assert {d for *_, ds in in_2024.edges(data="documents") for d in ds} == {"000_86099a2a7329305b.txt"}
    industries = project(store, "co-mention", Filters(types=frozenset({"industry"})))
    assert {t for _, t in industries.nodes(data="type")} == {"industry"}
    heavy = project(store, "co-mention", Filters(min_weight=2))
    assert heavy.number_of_edges() < everything.number_of_edges()
    assert min(w for *_, w in heavy.edges(data="weight")) == 2


def test_a_query_of_ones_own(store):
    query = """PREFIX org: <http://www.w3.org/ns/org#>
    SELECT ?source ?target WHERE { GRAPH ?g { ?source org:subOrganizationOf ?target } }"""
    graph = project(store, "actors", query=query)
    assert graph.has_edge("https://w3id.org/policykg/id/body/ipr-procuratorial-office", SPP)
    with pytest.raises(NetworkError, match=r"missing: \?target"):
        project(store, "actors", query="SELECT ?source WHERE { ?source ?p ?o }")


def test_rows_for_one_pair_make_one_edge_weighted_by_distinct_sentences():
    nodes = [{"node": "a", "label": "A", "type": "body"}, {"node": "b", "label": "B", "type": "industry"}]
    edges = [{"source": "b", "target": "a", "type": "x", "doc": "1", "sentence": "s1", "date": "2024-01-02"},
             {"source": "a", "target": "b", "type": "x", "doc": "1", "sentence": "s1", "date": "2024-01-02"},
             {"source": "a", "target": "b", "type": "y", "doc": "2", "sentence": "s2", "date": "2024-03-01"}]
    graph = build_network(nodes, edges)
    assert graph.edges["a", "b"] == {"relation": "x;y", "weight": 2.0, "documents": ["1", "2"],
                                     "sentence": "s1", "first": "2024-01-02", "last": "2024-03-01"}
    assert build_network(nodes, edges, filters=Filters(since="2024-02-01")).edges["a", "b"]["weight"] == 1.0
