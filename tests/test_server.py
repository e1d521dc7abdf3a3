"""policykg serve as a real process: SPARQLWrapper for every result format, the named
queries over HTTP equal to the CLI's, updates refused, the time and size limits, and the
query page run in headless Chromium."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from queries.results import named_queries
from tests.conftest import ROOT, run

EXE = str(Path(sys.executable).parent / "policykg")
OFFICIALS = """SELECT ?name WHERE { ?p a <https://w3id.org/policykg/ns#Official> ;
                <https://schema.org/name> ?name } ORDER BY ?name"""
NAMES = ["Gong Ming", "Gong Peihua", "Han Jun", "Li Qiang", "Liu Taizong", "Xi Jinping"]
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def start(store: str, *options: str):
    process = subprocess.Popen([EXE, "--store", store, "serve", "--port", "0", *options],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    line = process.stderr.readline()
    found = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", line)
    assert found, line
    return process, f"http://127.0.0.1:{found.group(1)}"


@pytest.fixture(scope="module")
def endpoint(seeds_store):
    process, base = start(seeds_store, "--timeout", "2", "--max-results", "1000")
    yield base
    process.terminate()
    process.wait(10)


def wrapper(base: str, query: str, fmt) -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{base}/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def test_sparqlwrapper_select_in_every_format(endpoint):
    as_json = wrapper(endpoint, OFFICIALS, JSON).query().convert()
    assert [b["name"]["value"] for b in as_json["results"]["bindings"]] == NAMES
    as_xml = wrapper(endpoint, OFFICIALS, XML).query().convert()
    assert [n.firstChild.data for n in as_xml.getElementsByTagName("literal")] == NAMES
    as_csv = wrapper(endpoint, OFFICIALS, CSV).query().convert().decode()
    assert [r["name"] for r in csv.DictReader(io.StringIO(as_csv))] == NAMES
    as_tsv = wrapper(endpoint, OFFICIALS, TSV).query().convert().decode()
    assert [line.strip('"') for line in as_tsv.splitlines()[1:]] == NAMES


def test_sparqlwrapper_post_ask_and_construct(endpoint):
    sparql = wrapper(endpoint, "ASK { ?s a <https://w3id.org/policykg/ns#Official> }", JSON)
    sparql.setMethod("POST")
    assert sparql.query().convert() == {"head": {}, "boolean": True}
    construct = """CONSTRUCT { ?p <https://schema.org/name> ?name } WHERE {
        ?p a <https://w3id.org/policykg/ns#Official> ; <https://schema.org/name> ?name }"""
    turtle = wrapper(endpoint, construct, TURTLE).query().convert()
    assert sorted(str(o) for o in Graph().parse(data=turtle, format="turtle").objects()) == NAMES
    for media in ("application/n-triples", "application/ld+json"):
        request = urllib.request.Request(f"{endpoint}/sparql", data=construct.encode(),
                                         headers={"Content-Type": "application/sparql-query", "Accept": media})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Type"].startswith(media)
            body = response.read().decode()
        assert all(name in body for name in NAMES)


@pytest.mark.parametrize("name", ["documents", "officials", "bodies", "industries", "figures", "claims"])
def test_named_queries_over_http_equal_the_cli(endpoint, seeds_store, name):
    over_http = wrapper(endpoint, named_queries()[name], JSON).query().convert()
    from_cli = json.loads(run("--store", seeds_store, "query", name, "--format", "json").output)
    assert over_http["results"]["bindings"] == from_cli["results"]["bindings"]


def status_of(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def test_updates_are_refused(endpoint):
    code, body = status_of(f"{endpoint}/sparql", b"INSERT DATA { <a:a> <a:b> <a:c> }",
                           {"Content-Type": "application/sparql-update"})
    assert code == 403 and "read-only" in body
    code, _ = status_of(f"{endpoint}/sparql", b"update=DROP+ALL", {"Content-Type": "application/x-www-form-urlencoded"})
    assert code == 403
    assert wrapper(endpoint, "ASK { <a:a> <a:b> <a:c> }", JSON).query().convert()["boolean"] is False


def test_updates_with_the_operator_token(tmp_path):
    store = str(tmp_path / "kg.db")
    assert run("--store", store, "build", "-q", str(ROOT / "seeds" / "004_2b0068bb60e0aea3.txt")).exit_code == 0
    token = "s3cret-token-for-tests"
    process, base = start(store, "--allow-update", "--token", token)
    try:
        update = b"INSERT DATA { GRAPH <urn:x> { <a:a> <a:b> <a:c> } }"
        code, _ = status_of(f"{base}/sparql", update, {"Content-Type": "application/sparql-update",
                                                       "Authorization": "Bearer wrong-token-wrong-token"})
        assert code == 403
        code, _ = status_of(f"{base}/sparql", update, {"Content-Type": "application/sparql-update",
                                                       "Authorization": f"Bearer {token}"})
        assert code == 204
        assert wrapper(base, "ASK { <a:a> <a:b> <a:c> }", JSON).query().convert()["boolean"] is True
    finally:
        process.terminate()
        process.wait(10)


def test_malformed_queries_get_400_with_the_reason(endpoint):
    with pytest.raises(QueryBadFormed):
        wrapper(endpoint, "SELEC ?x WHERE { ?x ?y ?z }", JSON).query()
    code, body = status_of(f"{endpoint}/sparql?query=SELECT+%3Fx+WHERE+%7B")
    assert code == 400 and body.startswith("malformed query")
    code, _ = status_of(f"{endpoint}/sparql")
    assert code == 400


def test_time_limit_answers_in_time(endpoint):
    started = time.monotonic()
    with pytest.raises(Exception) as failure:
        wrapper(endpoint, SLOW, JSON).query()
    assert time.monotonic() - started < 6
    assert "timed out" in str(failure.value) or "503" in str(failure.value)
    assert wrapper(endpoint, OFFICIALS, JSON).query().convert()["results"]["bindings"]  # still serving


def test_result_size_limit(endpoint):
    code, body = status_of(f"{endpoint}/sparql?query=" + urllib.request.quote("SELECT * WHERE { ?s ?p ?o }"))
    assert code == 413 and "the limit is 1000" in body


def test_queries_see_what_a_build_commits_while_it_runs(tmp_path):
    store = str(tmp_path / "kg.db")
    assert run("--store", store, "build", "-q", str(ROOT / "seeds" / "004_2b0068bb60e0aea3.txt")).exit_code == 0
    process, base = start(store)
    try:
        count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?d a <https://schema.org/NewsArticle> } }"
        assert wrapper(base, count, JSON).query().convert()["results"]["bindings"][0]["n"]["value"] == "1"
        build = subprocess.run([EXE, "--store", store, "build", "-q", str(ROOT / "seeds")], capture_output=True)
        assert build.returncode == 0, build.stderr  # the endpoint holds no lock on the store
        assert wrapper(base, count, JSON).query().convert()["results"]["bindings"][0]["n"]["value"] == "5"
    finally:
        process.terminate()
        process.wait(10)


def test_query_page_runs_a_named_query_in_headless_chromium(endpoint):
    script = ROOT / "tests" / "js" / "query_page.mjs"
    out = subprocess.run(["node", str(script), f"{endpoint}/", "officials"], capture_output=True, text=True,
                         timeout=120, env={**os.environ})
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout)
    assert {"claims", "officials", "audit-open-periods"} <= set(shown["examples"])
    assert shown["header"] == ["name", "title", "body", "doc"]
    assert [r[0] for r in shown["rows"]] == ["Gong Ming", "Gong Peihua", "Liu Taizong", "Li Qiang", "Xi Jinping", "Han Jun"]
    assert shown["status"].startswith("6 rows in")
