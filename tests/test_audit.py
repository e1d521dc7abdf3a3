"""policykg audit and the named queries beyond the contract, on real text through the real pipeline."""
from __future__ import annotations

import json

import pytest

from tests.conftest import run

TWO = [
    {"id": "a1", "title": "Steel exports rise", "published": "2023-03-10",
     "text": "Steel exports rise\n\nThe Ministry of Commerce said on Friday that steel exports rose to 20 million "
             "tonnes in 2022.\n\nA senior official said the ministry would review the figures next month.\n"},
    {"id": "a2", "title": "Steel exports up", "published": "2023-03-12",
     "text": "Steel exports up\n\nThe Ministry of Commerce said on Friday that steel exports rose to 21 million "
             "tonnes in 2022.\n\nHe said the data were preliminary.\n"},
]


@pytest.fixture(scope="module")
def two_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("audit")
    source = folder / "two.jsonl"
    source.write_text("\n".join(json.dumps(d) for d in TWO), encoding="utf-8")
    store = str(folder / "kg.db")
    assert run("--store", store, "build", "-q", str(source)).exit_code == 0
    return store


def test_audit_finds_disagreeing_figures_and_unresolved_speakers(two_store):
    result = run("--store", two_store, "audit", "--format", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["disagreeing-figures"] == [{
        "measure": "", "subject": "steel exports", "period": "2022", "unit": "tonne",
        "value1": "20000000", "text1": "20 million tonnes", "doc1": "a1",
        "value2": "21000000", "text2": "21 million tonnes", "doc2": "a2"}]
    assert found["open-periods"] == []
    assert [(r["speakerText"], r["doc"]) for r in found["unresolved-speakers"]] == [("A senior official", "a1"), ("He", "a2")]
    strict = run("--store", two_store, "audit", "--strict", "--check", "open-periods")
    assert strict.exit_code == 0 and "open-periods" in strict.output
    assert run("--store", two_store, "audit", "--strict").exit_code == 1


def test_audit_of_the_seeds_flags_the_year_not_over(seeds_store):
    result = run("--store", seeds_store, "audit", "--check", "open-periods", "--format", "json")
    rows = json.loads(result.output)["open-periods"]
    assert sorted((r["text"], r["period"], r["published"]) for r in rows) == [
        ("$82.79 million", "2024", "2024-04-25"), ("300 cases", "2024", "2024-04-25"),
        ("600 million yuan", "2024", "2024-04-25")]
    table = run("--store", seeds_store, "audit")
    assert "== unresolved-speakers: statements whose speaker resolves to no official or body (0)" in table.output


def test_claims_min_confidence_and_content(seeds_store):
    every = json.loads(run("--store", seeds_store, "query", "claims", "--format", "json").output)["results"]["bindings"]
    sure = json.loads(run("--store", seeds_store, "query", "claims", "--min-confidence", "0.8", "--format", "json")
                      .output)["results"]["bindings"]
    assert len(every) == 41 and len(sure) == 33
    assert all(float(b["confidence"]["value"]) >= 0.8 for b in sure)
    pledged = next(b for b in every if b["cue"]["value"] == "pledged")
    assert pledged["content"]["value"] == ("to tackle infringement severely to deter violations while also ensuring "
                                           "lawful and efficient resolution to protect the legitimate rights and "
                                           "interests of rights holders")
    wrong = run("--store", seeds_store, "query", "officials", "--min-confidence", "0.5")
    assert wrong.exit_code == 1 and "applies to queries that use ?minConfidence" in wrong.output


def test_claims_about_an_industry_commitments_and_cited_figures(seeds_store):
    def rows(*args):
        result = run("--store", seeds_store, "query", *args, "--format", "json")
        assert result.exit_code == 0, result.output
        return [{k: v["value"] for k, v in b.items()} for b in json.loads(result.output)["results"]["bindings"]]

    big_data = rows("claims-about-industry", "--var", "industry=Big Data")
    assert [(r["about"], r["speaker"], r["cue"]) for r in big_data] == [
        ("big data", "Xi Jinping", "urged"), ("big data", "Li Qiang", "added")]
    spp = [r for r in rows("commitments-by-body") if r["body"] == "Supreme People's Procuratorate"]
    assert [(r["speaker"], r["cue"]) for r in spp] == [
        ("Gong Ming", "vowed"), ("Gong Ming", "pledged"), ("Supreme People's Procuratorate", "vowed")]
    cited = rows("who-cites-figures")
    assert [(r["speaker"], r["text"]) for r in cited] == [
        ("Gong Peihua", "300 cases"), ("Gong Peihua", "600 million yuan"), ("Gong Peihua", "$82.79 million")]
    assert run("--store", seeds_store, "query", "claims", "--var", "oops").exit_code == 1


def test_queries_lists_every_named_query():
    result = run("queries")
    names = [line.split()[0] for line in result.output.splitlines()]
    assert {"claims", "audit-open-periods", "claims-over-time", "who-cites-figures"} <= set(names)
