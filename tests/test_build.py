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


def test_a_killed_writer_is_one_line_and_a_summary(tmp_path, monkeypatch):
    from graph.store import writer as writers

    for i in range(4):
        (tmp_path / f"n{i}.txt").write_text(TEXT.format("Ana Silva", i + 2), encoding="utf-8")
    submit, calls = writers.Writer.submit, []

    def submit_then_die(self, tag, record):
        calls.append(tag)
        if len(calls) == 2:  # the writer process is killed (the OOM killer, kill -9) mid-build
            for process in list(self.pool._processes.values()):
                process.kill()
                process.join()
        return submit(self, tag, record)

    monkeypatch.setattr(writers.Writer, "submit", submit_then_die)
    store = str(tmp_path / "kg.db")
    out = build(store, *sorted(tmp_path.glob("*.txt")), expect=1)
    lines = out.strip().splitlines()
    died = lines.index("policykg: error: the writer process died (killed, or out of memory?); "
                       "the documents it stored are kept")
    assert lines[died + 1:] in ([], [lines[-1]]) and lines[-1].endswith(("failed before it stopped", "kept"))
    assert "BrokenProcessPool" not in out


def test_ctrl_c_mid_build_is_one_line_and_keeps_what_was_stored(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    from conftest import ROOT, SEEDS

    docs = tmp_path / "docs"
    docs.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(60):
        (docs / f"d{i:02d}.txt").write_text(seeds[i % 5].read_text(encoding="utf-8") + f"\nCopy {i}.\n")
    store = str(tmp_path / "kg.db")
    exe = os.path.join(os.path.dirname(sys.executable), "policykg")
    proc = subprocess.Popen([exe, "--store", store, "build", "-v", "--workers", "2", "--batch-size", "1", str(docs)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0, cwd=ROOT,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"), start_new_session=True)
    try:
        # unbuffered: a buffered readline would hold later lines that communicate() never sees
        assert proc.stdout.readline().startswith(b"stored ")
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: to the whole process group
        rest, err = (out.decode() for out in proc.communicate(timeout=120))
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    lines = err.strip().splitlines()
    assert lines[-2] == "policykg: interrupted; the documents stored so far are kept (a rebuild skips them)"
    assert lines[-1].endswith("before the interruption")
    stored = int(lines[-1].split()[0])
    assert 1 <= stored < 60 and stored == 1 + rest.count("stored ")
    assert json.loads(run("--store", store, "stats", "--format", "json").output)["documents"] == stored


def test_a_fifo_named_jsonl_in_a_folder_is_reported_not_waited_for(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    (tmp_path / "in").mkdir()
    os.mkfifo(tmp_path / "in" / "feed.jsonl")
    exe = os.path.join(os.path.dirname(sys.executable), "policykg")
    done = subprocess.run([exe, "--store", str(tmp_path / "kg.db"), "build", "-q", str(tmp_path / "in")],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"policykg: error: {tmp_path}/in/feed.jsonl: not a regular file (a pipe, device or socket), not read",
        "0 stored, 0 skipped (unchanged), 1 failed"]
