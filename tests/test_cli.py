import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, run

NAMES = ["documents", "officials", "bodies", "industries", "figures", "claims"]


def test_stats_of_the_seeds(seeds_store):
    result = run("--store", seeds_store, "stats", "--format", "json")
    counts = json.loads(result.output)
    assert counts["documents"] == 5
    assert {k: counts[k] for k in ("officials", "bodies", "figures")} == {"officials": 6, "bodies": 11, "figures": 8}


def test_second_build_skips_all_five(seeds_store):
    result = run("--store", seeds_store, "build", "--quiet", str(SEEDS))
    assert result.exit_code == 0
    assert "0 stored, 5 skipped (unchanged), 0 failed" in result.output


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "tsv"])
def test_named_queries_return_rows_in_every_format(seeds_store, name, fmt):
    result = run("--store", seeds_store, "query", name, "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.output)["results"]["bindings"]
    else:
        assert len(result.output.strip().splitlines()) >= 2


def test_officials_answer(seeds_store):
    rows = json.loads(run("--store", seeds_store, "query", "officials", "--format", "json").output)["results"]["bindings"]
    got = {(r["name"]["value"], r["title"]["value"], r["body"]["value"]) for r in rows}
    assert ("Gong Ming", "deputy procurator-general", "Supreme People's Procuratorate") in got
    assert ("Han Jun", "vice head", "Science and Technology Department") in got


def test_query_from_stdin_and_bad_query(seeds_store):
    ok = run("--store", seeds_store, "query", "-", "--format", "csv",
             input="SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert ok.exit_code == 0 and ok.output.splitlines()[0] == "n"
    bad = run("--store", seeds_store, "query", "-", input="SELEC nonsense")
    assert bad.exit_code == 1 and "invalid SPARQL" in bad.output
    missing = run("--store", seeds_store, "query", "nosuch")
    assert missing.exit_code == 1 and "not a named query" in missing.output


@pytest.mark.parametrize("suffix", [".ttl", ".nq", ".trig", ".jsonld"])
def test_export(seeds_store, tmp_path, suffix):
    import rdflib
    out = tmp_path / f"kg{suffix}"
    assert run("--store", seeds_store, "export", str(out)).exit_code == 0
    fmt = {".ttl": "turtle", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}[suffix]
    data = rdflib.Dataset() if suffix in (".nq", ".trig") else rdflib.Graph()
    data.parse(out, format=fmt)
    assert len(data) > 0 if suffix not in (".nq", ".trig") else len(list(data.quads())) > 1000


def test_bad_inputs_do_not_stop_the_good(tmp_path):
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "good.txt").write_text((SEEDS / "004_2b0068bb60e0aea3.txt").read_text())
    (docs / "empty.txt").write_text("")
    (docs / "blob.txt").write_bytes(b"\x00\xff\x00")
    (docs / "notes.pdf").write_bytes(b"%PDF")
    (docs / "lines.jsonl").write_text('{"text": "Li Qiang said China will act."}\n{broken\n')
    store = str(tmp_path / "kg.db")
    result = run("--store", store, "build", "--quiet", str(docs), str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[-1] == "2 stored, 0 skipped (unchanged), 4 failed"
    assert any(line.endswith("empty.txt: empty file") for line in lines)
    assert any("lines.jsonl:2: invalid JSON" in line for line in lines)
    assert any("notes.pdf: not a .txt, .html or .jsonl file, skipped" in line for line in lines)
    assert "Traceback" not in result.output
    docs_rows = json.loads(run("--store", store, "query", "documents", "--format", "json").output)["results"]["bindings"]
    assert sorted(r["doc"]["value"] for r in docs_rows) == ["good.txt", "lines.jsonl#1"]


def test_changed_document_is_replaced(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Gong Ming, deputy procurator-general of the SPP, said 300 cases were solved.")
    store = str(tmp_path / "kg.db")
    run("--store", store, "build", "-q", str(doc))
    doc.write_text("Gong Ming, deputy procurator-general of the SPP, said 400 cases were solved.")
    result = run("--store", store, "build", "-q", str(doc))
    assert "1 stored, 0 skipped" in result.output
    rows = json.loads(run("--store", store, "query", "figures", "--format", "json").output)["results"]["bindings"]
    assert [r["value"]["value"] for r in rows] == ["400"]


def test_no_store_is_a_one_line_error(tmp_path):
    result = run("--store", str(tmp_path / "none.db"), "stats")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "no store here yet" in result.output


def test_console_script_in_a_real_subprocess(seeds_store):
    exe = Path(sys.executable).parent / "policykg"
    done = subprocess.run([str(exe), "--store", seeds_store, "query", "documents", "--format", "csv"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].strip() == "doc,title,published"
    assert len(done.stdout.strip().splitlines()) == 6


@pytest.mark.parametrize("args", [["query", "claims", "--limit", "3"], ["stats"], ["queries"]])
def test_reading_commands_do_not_import_rdflib(seeds_store, args):
    """A query builds no graph, so it starts without rdflib's tenth of a second (benchmarks/results.md)."""
    probe = ("import sys; from graph.cli import main\n"
             "try:\n    main()\nfinally:\n    print('rdflib' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, "--store", seeds_store, *args],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "False"


def test_a_document_extracted_by_other_rules_is_extracted_again(tmp_path, monkeypatch):
    store = str(tmp_path / "kg.db")
    doc = tmp_path / "a.txt"
    doc.write_text("Commerce Secretary Gina Raimondo said the rules will change.\n", encoding="utf-8")
    assert "1 stored, 0 skipped" in run("--store", store, "build", "-q", "--workers", "1", str(doc)).output
    assert "0 stored, 1 skipped" in run("--store", store, "build", "-q", "--workers", "1", str(doc)).output
    # as if a rule had changed since (in this process: hence --workers 1)
    for module in ("extract.version", "extract.pipeline"):
        monkeypatch.setattr(f"{module}.extractor_version", lambda: "changed-rules")
    assert "1 stored, 0 skipped" in run("--store", store, "build", "-q", "--workers", "1", str(doc)).output
    assert "0 stored, 1 skipped" in run("--store", store, "build", "-q", "--workers", "1", str(doc)).output


EXE = str(Path(sys.executable).parent / "policykg")


@pytest.mark.parametrize("args", [
    ["serve", "--timeout", "nan"], ["serve", "--timeout", "inf"], ["serve", "--timeout", "0"],
    ["serve", "--timeout", "-1"], ["serve", "--max-results", "0"], ["serve", "--max-results", "-1"],
    ["serve", "--port", "70000"], ["serve", "--port", "-1"], ["build", "--batch-size", "0", "x.txt"],
    ["validate", "--batch", "0"]])
def test_option_values_out_of_range_are_usage_errors(tmp_path, args):
    result = run("--store", str(tmp_path / "kg.db"), *args)
    assert result.exit_code == 2, result.output
    assert "Invalid value for" in result.output and "Traceback" not in result.output


def test_a_query_nested_5000_deep_is_refused_before_parsing(seeds_store):
    query = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    done = subprocess.run([EXE, "--store", seeds_store, "query", "-"], input=query, capture_output=True,
                          text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 1, done.stderr  # not 139 (a segmentation fault)
    assert done.stderr.strip() == ("Error: query nested too deeply (over 256 levels of braces, brackets "
                                   "or parentheses)")


@pytest.fixture(scope="module")
def second_endpoint(tmp_path_factory):
    """A second SPARQL endpoint on loopback: an empty Oxigraph server (it answers a BIND)."""
    from tests.servers import oxigraph

    with oxigraph(tmp_path_factory.mktemp("second") / "db") as address:
        yield f"{address}/query"


REMOTE = 'SELECT ?x WHERE {{ SERVICE <{}> {{ BIND("from the second endpoint" AS ?x) }} }}'


def policykg(*args: str, input: str) -> subprocess.CompletedProcess:
    """The console script in a real process, bounded in time (a SERVICE call leaves this machine's
    process, so the test must not wait on it for ever)."""
    return subprocess.run([EXE, *args], input=input, capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_a_query_naming_service_is_refused_unless_allowed(seeds_store, second_endpoint, tmp_path):
    query = REMOTE.format(second_endpoint)
    refused = run("--store", seeds_store, "query", "-", input=query)
    assert refused.exit_code == 2
    assert refused.output == (f"Error: the query on standard input: SERVICE <{second_endpoint}> refused "
                              f"(allow this endpoint with --allow-service {second_endpoint})\n")
    other = run("--store", seeds_store, "query", "-", "--allow-service", second_endpoint + "/", input=query)
    assert other.exit_code == 2 and other.output == refused.output  # the IRI exactly, as serve allows it
    file = tmp_path / "remote.rq"
    file.write_text(query, encoding="utf-8")
    from_file = run("--store", seeds_store, "query", str(file))
    assert from_file.exit_code == 2 and from_file.output.startswith(f"Error: {file}: SERVICE <{second_endpoint}> ")
    anywhere = run("--store", seeds_store, "query", "-", "--allow-service", second_endpoint,
                   input='SELECT * WHERE { BIND(<http://127.0.0.1:1/> AS ?u) SERVICE ?u { ?s ?p ?o } }')
    assert anywhere.exit_code == 2
    assert anywhere.output == ("Error: the query on standard input: SERVICE refused: its endpoint is not a fixed "
                               "IRI (a variable or an undeclared prefix), so no --allow-service URL can allow it\n")
    # the word in a string or an IRI is no SERVICE clause
    fine = run("--store", seeds_store, "query", "-", "--format", "csv",
               input='SELECT ?x WHERE { BIND("customer service" AS ?x) FILTER(?x != <urn:service>) }')
    assert fine.exit_code == 0 and fine.output == "x\ncustomer service\n"


def test_an_allowed_service_runs(seeds_store, second_endpoint):
    done = policykg("--store", seeds_store, "query", "-", "--format", "csv", "--allow-service", second_endpoint,
                    input=REMOTE.format(second_endpoint))
    assert (done.returncode, done.stdout, done.stderr) == (0, "x\nfrom the second endpoint\n", "")
    base, _, local = second_endpoint.rpartition("/")
    prefixed = policykg("--store", seeds_store, "query", "-", "--format", "csv", "--allow-service", "urn:other",
                        "--allow-service", second_endpoint,
                        input=f'PREFIX ep: <{base}/> SELECT ?x WHERE {{ SERVICE SILENT ep:{local} '
                              '{ BIND("from the second endpoint" AS ?x) } }')
    assert (prefixed.returncode, prefixed.stdout) == (0, "x\nfrom the second endpoint\n")


def test_an_allowed_service_that_fails_is_one_line(seeds_store, second_endpoint):
    import socket

    missing = second_endpoint.rsplit("/", 1)[0] + "/nothere"  # the same server answers 404 there
    done = policykg("--store", seeds_store, "query", "-", "--allow-service", missing, input=REMOTE.format(missing))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"Error: the query failed: Error 404 Not Found returned by {missing}\n"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: nothing listens there
    closed = f"http://127.0.0.1:{port}/sparql"
    done = policykg("--store", seeds_store, "query", "-", "--allow-service", closed, input=REMOTE.format(closed))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith("Error: the query failed: ") and done.stderr.count("\n") == 1


def test_a_network_query_naming_service_is_refused_unless_allowed(seeds_store, second_endpoint, tmp_path):
    edges = tmp_path / "edges.rq"
    edges.write_text(f'SELECT ?source ?target WHERE {{ SERVICE <{second_endpoint}> '
                     '{ BIND("a" AS ?source) BIND("b" AS ?target) } }', encoding="utf-8")
    refused = run("--store", seeds_store, "analyze", "centrality", "--query", str(edges), "--format", "csv")
    assert refused.exit_code == 2
    assert refused.output == (f"Error: {edges}: SERVICE <{second_endpoint}> refused "
                              f"(allow this endpoint with --allow-service {second_endpoint})\n")
    assert run("--store", seeds_store, "export", str(tmp_path / "n.gexf"), "--query", str(edges)).exit_code == 2
    done = policykg("--store", seeds_store, "analyze", "centrality", "--query", str(edges), "--format", "csv",
                    "--allow-service", second_endpoint, input="")
    assert done.returncode == 0, done.stderr
    assert [line.split(",")[:3] for line in done.stdout.splitlines()] == [
        ["rank", "label", "type"], ["1", "a", "other"], ["2", "b", "other"]]


def test_an_address_that_is_no_address_is_one_line():
    result = run("--store", "http://[::1", "stats")
    assert result.exit_code == 1
    assert result.output.startswith("Error: http://[::1: not a valid address") and result.output.count("\n") == 1


def test_passwords_in_a_store_address_are_never_printed(tmp_path):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    store = f"http://ana:s3cret-pw@127.0.0.1:{port}"
    for args in (["stats"], ["query", "documents"], ["serve"], ["build", "-q", str(SEEDS / "000_86099a2a7329305b.txt")]):
        result = run("--store", store, *args)
        assert result.exit_code == 1, result.output
        assert "s3cret" not in result.output, args
        assert f"http://ana:***@127.0.0.1:{port}" in result.output, result.output


def test_output_that_cannot_be_written_is_one_line(seeds_store):
    with open("/dev/full", "w") as full:
        done = subprocess.run([EXE, "--store", seeds_store, "query", "documents"], stdout=full,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 1
    assert done.stderr == "Error: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("since", ["2024-99-99", "2024-13", "2024-02-30", "2024-00"])
def test_impossible_dates_are_errors(seeds_store, since):
    result = run("--store", seeds_store, "analyze", "timeline", "--since", since)
    assert result.exit_code == 1 and result.output.startswith(f"Error: --since {since}: there is no ")


def test_until_a_month_ends_on_its_last_day():
    from graph.cli import _day

    assert (_day("2024-02", "until", end=True), _day("2023-02", "until", end=True)) == ("2024-02-29", "2023-02-28")


EMPTY = "SELECT ?doc ?title WHERE { GRAPH ?g { ?d <urn:policykg:none> ?doc } }"


@pytest.mark.parametrize("fmt, expected", [
    ("csv", "doc,title\n"), ("tsv", "doc\ttitle\n"), ("objects", "[]\n"), ("nl", ""),
    ("table", "doc  title\n---  -----\n(0 rows)\n")])
def test_an_empty_answer_keeps_its_header_and_ends_without_a_blank_line(seeds_store, fmt, expected):
    result = run("--store", seeds_store, "query", "-", "--format", fmt, input=EMPTY)
    assert result.exit_code == 0 and result.output == expected


def test_query_formats_as_sqlite_utils_users_know_them(seeds_store):
    query = ('SELECT ?doc (STRLEN(?doc) AS ?n) WHERE { GRAPH ?g { ?d <https://w3id.org/policykg/ns#fileName> ?doc } } '
             'ORDER BY ?doc LIMIT 2')
    got = {fmt: run("--store", seeds_store, "query", "-", "--format", fmt, input=query).output
           for fmt in ("csv", "tsv", "objects", "nl")}
    assert got["csv"] == "doc,n\n000_86099a2a7329305b.txt,24\n001_a7796d521b103633.txt,24\n"
    assert got["tsv"] == "doc\tn\n000_86099a2a7329305b.txt\t24\n001_a7796d521b103633.txt\t24\n"
    assert json.loads(got["objects"]) == [{"doc": "000_86099a2a7329305b.txt", "n": 24},
                                          {"doc": "001_a7796d521b103633.txt", "n": 24}]
    assert [json.loads(line) for line in got["nl"].splitlines()] == json.loads(got["objects"])
    no_headers = run("--store", seeds_store, "query", "-", "--format", "csv", "--no-headers", input=query).output
    assert no_headers == got["csv"].split("\n", 1)[1]


@pytest.mark.parametrize("command", [["stats"], ["queries"], ["audit"], ["analyze", "centrality"], ["validate"]])
@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "objects", "nl"])
def test_every_row_command_takes_the_same_formats(seeds_store, command, fmt):
    result = run("--store", seeds_store, *command, "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert not out.endswith("\n\n") and "Traceback" not in result.output
    if fmt in ("json", "objects"):
        json.loads(out)
    elif fmt == "nl":
        [json.loads(line) for line in out.splitlines()]
    elif fmt in ("csv", "tsv"):
        assert out.splitlines()[0].count("," if fmt == "csv" else "\t") >= 1


def test_stats_as_one_csv_row(seeds_store):
    lines = run("--store", seeds_store, "stats", "--format", "csv").stdout.splitlines()
    assert lines[0] == "documents,triples,officials,bodies,industries,figures,claims" and lines[1].startswith("5,")


@pytest.mark.parametrize("fmt, prefixed", [("ttl", True), ("trig", True), ("nq", False), ("nt", False), ("jsonld", False)])
def test_export_to_stdout(seeds_store, fmt, prefixed):
    import rdflib

    result = run("--store", seeds_store, "export", "-", "--format", fmt)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert ("@prefix pkg: <https://w3id.org/policykg/ns#> ." in text) == prefixed
    kind = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "nt": "nt", "jsonld": "json-ld"}[fmt]
    data = rdflib.Dataset() if fmt in ("trig", "nq") else rdflib.Graph()
    data.parse(data=text, format=kind)
    assert len(data) > 0 if fmt not in ("trig", "nq") else len(list(data.quads())) > 1000
    if prefixed:
        assert "schema:NewsArticle" in text and "<https://schema.org/NewsArticle>" not in text
    assert run("--store", seeds_store, "export", "-").exit_code == 1  # which format? one line


def test_build_from_stdin(tmp_path):
    store = str(tmp_path / "kg.db")
    text = "Finance Minister Ana Silva said the budget will grow by 3 percent next year.\n"
    first = run("--store", store, "build", "-q", "-", input=text)
    assert first.exit_code == 0 and "1 stored" in first.output
    assert "0 stored, 1 skipped" in run("--store", store, "build", "-q", "-", input=text).output
    lines = '{"id": "n1", "text": "Trade Minister Ben Okoro said exports rose."}\n{"id": "n1", "text": "Again."}\n'
    second = run("--store", store, "build", "-q", "--format", "jsonl", "-", input=lines)
    assert second.exit_code == 1 and "<stdin>:2: duplicate id 'n1'" in second.output
    docs = json.loads(run("--store", store, "query", "documents", "--format", "objects").stdout)
    assert sorted(d["doc"] for d in docs) == ["n1", "stdin-" + __import__("hashlib").sha256(text.encode()).hexdigest()[:16]]


@pytest.mark.parametrize("query, message", [
    ("SELECT ?s WHERE {\n  ?s foo:bar ?o\n}",
     "line 2, column 6: undeclared prefix 'foo:' (declare it: PREFIX foo: <...>)\n    ?s foo:bar ?o\n       ^"),
    ("SELECT * { ?s :b ?o }",
     "line 1, column 15: undeclared prefix ':' (the empty prefix; declare it: PREFIX : <...>)\n"
     "  SELECT * { ?s :b ?o }\n                ^"),
    # declared prefixes, blank nodes, strings, IRIs and comments holding a colon are not it
    ('PREFIX ex: <http://e.org/> SELECT * { _:b ex:p "a:b", <http://e.org:80/> # c:d\n  FILTER(?s = :x) }',
     "line 2, column 15: undeclared prefix ':' (the empty prefix; declare it: PREFIX : <...>)\n"
     "    FILTER(?s = :x) }\n                ^"),
    ("SELECT ?s WHERE { ?s ?p ?o\n\n",
     "line 1, column 27: the query ends too soon\n  SELECT ?s WHERE { ?s ?p ?o\n                            ^"),
])
def test_a_syntax_error_is_shown_whole_and_names_an_undeclared_prefix(seeds_store, query, message):
    result = run("--store", seeds_store, "query", "-", input=query)
    assert result.exit_code == 1
    assert result.output == f"Error: invalid SPARQL at {message}\n"
