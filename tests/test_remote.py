"""A remote store: the seeds built into a real Oxigraph server on loopback (the binary the
`oxigraph` package ships) answer the named queries as the embedded store does."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEEDS, run

OXIGRAPH = str(Path(sys.executable).parent / "oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    folder = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="module")
def remote(server):
    result = run("--store", server, "build", "-q", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("5 stored, 0 skipped (unchanged), 0 failed")
    return server


def answers(store: str, name: str) -> list:
    result = run("--store", store, "query", name, "--format", "json")
    assert result.exit_code == 0, result.output
    return sorted(json.dumps(b, sort_keys=True) for b in json.loads(result.output)["results"]["bindings"])


@pytest.mark.parametrize("name", ["documents", "officials", "bodies", "industries", "figures", "claims"])
def test_named_queries_equal_the_embedded_store(remote, seeds_store, name):
    assert answers(remote, name) == answers(seeds_store, name)


def test_rebuild_skips_and_a_changed_document_is_replaced_in_one_put(remote, tmp_path):
    assert run("--store", remote, "build", "-q", str(SEEDS)).output.strip().endswith("0 stored, 5 skipped (unchanged), 0 failed")
    doc = tmp_path / "a.txt"
    doc.write_text("Gong Ming, deputy procurator-general of the SPP, said 300 cases were solved.", encoding="utf-8")
    run("--store", remote, "build", "-q", str(doc))
    doc.write_text("Gong Ming, deputy procurator-general of the SPP, said 400 cases were solved.", encoding="utf-8")
    assert "1 stored" in run("--store", remote, "build", "-q", str(doc)).output
    figures = json.loads(run("--store", remote, "query", "figures", "--format", "json").output)["results"]["bindings"]
    assert [f["value"]["value"] for f in figures if f["doc"]["value"] == "a.txt"] == ["400"]


def test_stats_analyses_and_validation_work_remotely(remote):
    stats = json.loads(run("--store", remote, "stats", "--format", "json").output)
    assert stats["documents"] >= 5 and stats["claims"] >= 41
    path = json.loads(run("--store", remote, "analyze", "path", "Gong Ming", "AI", "--format", "json").output)
    assert [r["to"] for r in path["rows"]] == ["artificial intelligence"]


def test_unreachable_store_is_a_one_line_error():
    result = run("--store", f"http://127.0.0.1:{free_port()}", "stats")
    assert result.exit_code == 1
    assert result.output.startswith("Error: http://127.0.0.1:") and len(result.output.strip().splitlines()) == 1


def test_nquads_shards_bulk_load_into_a_store_that_then_skips_them(tmp_path, seeds_store):
    shards, store = tmp_path / "shards", str(tmp_path / "kg.db")
    result = run("--store", store, "build", "-q", "--nquads-out", str(shards), str(SEEDS))
    assert result.exit_code == 0 and not Path(store).exists()
    assert [p.name for p in shards.iterdir()] == ["part-00000.nq"]
    subprocess.run([OXIGRAPH, "load", "--location", store, "--file", str(shards / "part-00000.nq")],
                   check=True, capture_output=True)
    assert answers(store, "claims") == answers(seeds_store, "claims")
    assert run("--store", store, "build", "-q", str(SEEDS)).output.strip().endswith("0 stored, 5 skipped (unchanged), 0 failed")
