"""A build's documents: each has its own identity (the path relative to the folder given),
so that no two inputs overwrite each other, and the same input is skipped when unchanged."""
import json

import pytest

from conftest import run
from graph.model.rdf import document_iri

TEXT = "Finance Minister {} said the budget will grow by {} percent next year."


def docs(store: str) -> list[str]:
    answer = run("--store", store, "query", "documents", "--format", "json")
    assert answer.exit_code == 0, answer.output
    return sorted(r["doc"]["value"] for r in json.loads(answer.output)["results"]["bindings"])


def build(store: str, *paths, expect: int = 0) -> str:
    result = run("--store", store, "build", "-q", "--workers", "1", *map(str, paths))
    assert result.exit_code == expect, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.mark.parametrize("names", [
    ["a/report.txt", "b/report.txt"],
    ["A.txt", "a.txt"],
    ["a b.txt", "a-b.txt"],
    ["新闻.txt", "报道.txt"],
    ["x.txt", "x.txt#1.txt"],
])
def test_two_files_are_two_documents_and_a_rebuild_skips_both(tmp_path, names):
    corpus = tmp_path / "in"
    for i, name in enumerate(names):
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(TEXT.format("Ana Silva", i + 2), encoding="utf-8")
    store = str(tmp_path / "kg.db")
    assert build(store, corpus).splitlines()[-1] == "2 stored, 0 skipped (unchanged), 0 failed"
    assert docs(store) == sorted(names)  # ?doc: the path relative to the folder given
    stats = json.loads(run("--store", store, "stats", "--format", "json").output)
    assert stats["documents"] == 2
    assert build(store, corpus).splitlines()[-1] == "0 stored, 2 skipped (unchanged), 0 failed"


def test_two_files_of_the_same_content_are_two_documents(tmp_path):
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(TEXT.format("Ana Silva", 3), encoding="utf-8")
    store = str(tmp_path / "kg.db")
    assert "2 stored, 0 skipped" in build(store, tmp_path / "one.txt", tmp_path / "two.txt")
    assert docs(store) == ["one.txt", "two.txt"]


def test_the_same_name_from_two_folders_given_is_an_error_not_a_replacement(tmp_path):
    for folder, figure in (("a", 2), ("b", 5)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(TEXT.format("Ana Silva", figure), encoding="utf-8")
    store = str(tmp_path / "kg.db")
    out = build(store, tmp_path / "a", tmp_path / "b", expect=1)
    assert f"policykg: error: {tmp_path}/b/report.txt: same identity 'report.txt' as {tmp_path}/a/report.txt" in out
    assert out.splitlines()[-1] == "1 stored, 0 skipped (unchanged), 1 failed"
    # the same file named twice is one document, skipped the second time
    out = build(store, tmp_path / "a", tmp_path / "a" / "report.txt")
    assert out.splitlines()[-1] == "0 stored, 2 skipped (unchanged), 0 failed"


def test_duplicate_jsonl_ids_are_reported_and_the_first_kept(tmp_path):
    lines = [{"id": "n1", "text": TEXT.format("Ana Silva", 2)}, {"id": "n1", "text": TEXT.format("Ben Okoro", 4)},
             {"text": TEXT.format("Chen Wei", 6)}, {"id": 3, "text": TEXT.format("Dia Ruiz", 8)}]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    store = str(tmp_path / "kg.db")
    out = build(store, tmp_path / "news.jsonl", expect=1)
    assert (f"policykg: error: {tmp_path}/news.jsonl:2: duplicate id 'n1' (first on line 1, which is kept); "
            "this line is not stored") in out
    assert (f"policykg: error: {tmp_path}/news.jsonl:4: duplicate id '3' (first on line 3, which is kept); "
            "this line is not stored") in out
    assert out.splitlines()[-1] == "2 stored, 0 skipped (unchanged), 2 failed"
    assert docs(store) == ["n1", "news.jsonl#3"]


def test_the_same_jsonl_id_in_two_files_is_two_documents(tmp_path):
    for name, who in (("a.jsonl", "Ana Silva"), ("b.jsonl", "Ben Okoro")):
        (tmp_path / name).write_text(json.dumps({"id": "n1", "text": TEXT.format(who, 2)}) + "\n", encoding="utf-8")
    store = str(tmp_path / "kg.db")
    assert build(store, tmp_path).splitlines()[-1] == "2 stored, 0 skipped (unchanged), 0 failed"
    assert json.loads(run("--store", store, "stats", "--format", "json").output)["documents"] == 2


def test_a_changed_file_in_a_subfolder_is_replaced_not_added(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    doc = tmp_path / "in" / "sub" / "x.txt"
    doc.write_text(TEXT.format("Ana Silva", 2), encoding="utf-8")
    store = str(tmp_path / "kg.db")
    build(store, tmp_path / "in")
    doc.write_text(TEXT.format("Ana Silva", 9), encoding="utf-8")
    assert build(store, tmp_path / "in").splitlines()[-1] == "1 stored, 0 skipped (unchanged), 0 failed"
    assert docs(store) == ["sub/x.txt"]


def test_document_iris_are_percent_encoded_whole_keeping_case():
    assert str(document_iri("sub/Report A.txt")).endswith("/doc/sub%2FReport%20A.txt")
    assert str(document_iri("news.jsonl#n1")).endswith("/doc/news.jsonl%23n1")
    assert str(document_iri("新.txt")).endswith("/doc/%E6%96%B0.txt")
    assert len({document_iri(k) for k in ("A.txt", "a.txt", "a b.txt", "a-b.txt", "a%20b.txt")}) == 5
