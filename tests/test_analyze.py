"""policykg analyze on the seeds: exact answers from the real store."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from graph.network import analyze
from tests.conftest import run


def answer(store, *args):
    result = run("--store", store, "analyze", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_centrality_of_the_actors(seeds_store):
    got = answer(seeds_store, "centrality", "--top", "3")
    assert [r["label"] for r in got["rows"]] == ["Communist Party of China Central Committee",
                                                  "Science and Technology Department", "Supreme People's Procuratorate"]
    assert got["rows"][2]["degree"] == 2 and got["rows"][2]["weighted_degree"] == 3.0
    assert got["notes"][0] == "betweenness: exact"


def test_betweenness_is_sampled_above_the_limit_and_says_so():
    graph = nx.relabel_nodes(nx.path_graph(5), str)
    nx.set_node_attributes(graph, {n: {"label": n, "type": "body", "iri": n} for n in graph})
    nx.set_edge_attributes(graph, 1.0, "weight")
    table, notes = analyze.scores(graph, exact_limit=3, sample=2)
    assert notes[0].startswith("betweenness: sampled, k=2 pivots")
    assert analyze.scores(graph)[0]["2"]["betweenness"] == pytest.approx(4 / 6)


def test_communities_are_louvain_seeded(seeds_store):
    got = answer(seeds_store, "communities")
    assert got["notes"] == ["Louvain (seed 42, resolution 1.0), modularity 0.7438"]
    spp = next(r for r in got["rows"] if r["central"] == "Supreme People's Procuratorate")
    assert spp["members"] == "Supreme People's Procuratorate; IPR Procuratorial Office; Gong Ming; Liu Taizong"
    assert len(got["rows"]) == 5


def test_path_from_gong_ming_to_artificial_intelligence_with_its_sentence(seeds_store):
    got = answer(seeds_store, "path", "Gong Ming", "AI")
    assert [(r["from"], r["relation"], r["to"]) for r in got["rows"]] == [
        ("Gong Ming", "co-mention", "artificial intelligence")]
    assert got["rows"][0]["sentence"].startswith("Gong said that upcoming policies focus on")
    longer = answer(seeds_store, "path", "Liu Taizong", "Gong Ming", "--projection", "actors")
    assert [(r["from"], r["relation"], r["to"]) for r in longer["rows"]] == [
        ("Liu Taizong", "post", "IPR Procuratorial Office"),
        ("IPR Procuratorial Office", "parent", "Supreme People's Procuratorate"),
        ("Supreme People's Procuratorate", "co-claim;post", "Gong Ming")]


def test_ego_of_the_spp(seeds_store):
    got = answer(seeds_store, "ego", "SPP")
    assert [(r["distance"], r["label"]) for r in got["rows"]] == [
        (1, "Gong Ming"), (1, "IPR Procuratorial Office"), (1, "Liu Taizong"), (1, "future-oriented industries")]
    wider = answer(seeds_store, "ego", "Supreme People's Procuratorate", "--radius", "2")
    assert len(wider["rows"]) > 4 and {r["distance"] for r in wider["rows"]} == {1, 2}


def test_timeline_per_year(seeds_store):
    got = answer(seeds_store, "timeline", "--per", "year")
    assert {(r["speaker"], r["year"]): r["claims"] for r in got["rows"]} == {
        ("Gong Ming", "2024"): 4, ("Gong Peihua", "2024"): 2, ("Han Jun", "undated"): 3, ("Li Qiang", "2023"): 8,
        ("Liu Taizong", "2023"): 3, ("Supreme People's Procuratorate", "2023"): 2,
        ("Supreme People's Procuratorate", "2024"): 1, ("Xi Jinping", "2020"): 18}
    by_industry = answer(seeds_store, "timeline", "--by", "industry", "--since", "2020", "--until", "2020")
    assert {r["industry"] for r in by_industry["rows"]} == {"artificial intelligence", "big data", "gene technology"}


def test_unknown_or_ambiguous_names_are_one_line_errors(seeds_store):
    result = run("--store", seeds_store, "analyze", "path", "Nobody Here", "AI")
    assert result.exit_code == 1 and result.output.strip() == "Error: Nobody Here: no such entity in this network"
    result = run("--store", seeds_store, "analyze", "ego", "procuratorate")
    assert result.exit_code == 1 and result.output.strip() == (
        "Error: procuratorate: ambiguous, could be People's Procuratorate in Shanghai, Supreme People's Procuratorate")
    result = run("--store", seeds_store, "analyze", "centrality", "--since", "last week")
    assert result.exit_code == 1 and "not a date" in result.output


def test_csv_and_table_formats_and_plots(seeds_store, tmp_path):
    result = run("--store", seeds_store, "analyze", "centrality", "--top", "2", "--format", "csv")
    assert result.output.splitlines()[0] == "rank,label,type,iri,degree,weighted_degree,betweenness,pagerank,eigenvector"
    picture = tmp_path / "actors.png"
    result = run("--store", seeds_store, "analyze", "centrality", "--plot", str(picture))
    assert result.exit_code == 0 and "# betweenness: exact" in result.output
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    timeline = tmp_path / "timeline.png"
    assert run("--store", seeds_store, "analyze", "timeline", "--plot", str(timeline)).exit_code == 0
    assert timeline.stat().st_size > 10_000
