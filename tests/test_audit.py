"""policykg audit and the named queries beyond the contract, on real text through the real pipeline."""
from __future__ import annotations

import json

import pytest

from graph.cli import AUDITS
from queries.results import named_queries
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
    claims = next(line for line in result.output.splitlines() if line.startswith("claims "))
    assert claims.split(None, 1)[1].startswith("who claimed what: speaker, reporting cue")  # the name once


def test_audit_as_one_table_a_check_column_then_the_union_of_the_checks_columns(two_store):
    """The checks come in the order of --help whatever the order given (a check given twice runs
    once); a name two checks share (period, unit) is one column; a check's missing columns are empty."""
    args = ("--store", two_store, "audit", "--check", "open-periods", "--check", "disagreeing-figures",
            "--check", "open-periods", "--format")
    header = ("check,measure,subject,period,unit,value1,text1,doc1,value2,text2,doc2,"
              "value,published,text,sentence,doc")
    row = "disagreeing-figures,,steel exports,2022,tonne,20000000,20 million tonnes,a1,21000000,21 million tonnes,a2"
    assert run(*args, "csv").stdout == f"{header}\n{row},,,,,\n"
    assert run(*args, "tsv").stdout == f"{header}\n{row},,,,,\n".replace(",", "\t")
    assert run(*args, "csv", "--no-headers").stdout == f"{row},,,,,\n"
    assert json.loads(run(*args, "objects").stdout) == [{
        "check": "disagreeing-figures", "measure": "", "subject": "steel exports", "period": "2022",
        "unit": "tonne", "value1": 20000000, "text1": "20 million tonnes", "doc1": "a1", "value2": 21000000,
        "text2": "21 million tonnes", "doc2": "a2", "value": None, "published": None, "text": None,
        "sentence": None, "doc": None}]
    empty = run("--store", two_store, "audit", "--check", "open-periods", "--format", "csv")
    assert empty.stdout == "check,value,unit,period,published,text,sentence,doc\n"  # the header, rows or none


def test_every_check_row_has_every_column_and_only_its_own_filled(two_store):
    rows = [json.loads(line) for line in run("--store", two_store, "audit", "--format", "nl").stdout.splitlines()]
    columns = {name: [v for v in named_queries()[f"audit-{name}"].split("WHERE", 1)[0].split() if v.startswith("?")]
               for name in AUDITS}
    union = ["check", *dict.fromkeys(v.lstrip("?") for name in AUDITS for v in columns[name])]
    assert [list(row) for row in rows] == [union] * 3
    assert [row["check"] for row in rows] == ["disagreeing-figures", "unresolved-speakers", "unresolved-speakers"]
    for row in rows:
        own = {v.lstrip("?") for v in columns[row["check"]]}
        assert {k for k, v in row.items() if v is not None} == own | {"check"}
    assert [(r["speakerText"], r["doc"], r["kind"]) for r in rows[1:]] == [
        ("A senior official", "a1", "commitment"), ("He", "a2", "assertion")]


def test_audit_help_lists_each_checks_columns_and_the_shared_names_mean_the_same():
    """The help names every check's columns as its query returns them, so a new check or column
    cannot slip in unlisted; the names checks share are the four whose meaning the help gives."""
    text = " ".join(run("audit", "--help").output.split())
    columns = {name: [v.lstrip("?") for v in named_queries()[f"audit-{name}"].split("WHERE", 1)[0].split()
                      if v.startswith("?")] for name in AUDITS}
    for name, names in columns.items():
        assert f"{name}: {' '.join(names)}" in text
    shared = {c for a in AUDITS for b in AUDITS if a < b for c in set(columns[a]) & set(columns[b])}
    assert shared == {"period", "unit", "sentence", "doc"}
    assert "doc: the document's file name; period, unit: the figures'; sentence: the one the finding is in" in text
    assert "check" not in {c for names in columns.values() for c in names}
