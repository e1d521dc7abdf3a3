"""Extraction backends: in-process, local worker processes and a Dask cluster give the same graph."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import psutil
import pytest

from extract import parallel
from extract.readers import read_path
from extract.records import DocumentRecord

from conftest import SEEDS, run


def _quads(store: str, tmp_path: Path, name: str) -> list[str]:
    out = tmp_path / f"{name}.nq"
    result = run("--store", store, "export", str(out))
    assert result.exit_code == 0, result.output
    lines = sorted(set(out.read_text(encoding="utf-8").splitlines()))
    assert lines and not any("_:" in line for line in lines)  # no blank nodes: equal sets are isomorphic graphs
    return lines


def _build(tmp_path: Path, name: str, *options: str) -> str:
    store = str(tmp_path / f"{name}.db")
    result = run("--store", store, "build", "--quiet", *options, str(SEEDS))
    assert result.exit_code == 0, result.output
    assert "5 stored, 0 skipped (unchanged), 0 failed" in result.output
    return store


def test_serial_two_workers_and_dask_give_the_same_graph(tmp_path):
    from distributed import LocalCluster

    serial = _quads(_build(tmp_path, "serial", "--workers", "1"), tmp_path, "serial")
    workers = _quads(_build(tmp_path, "workers", "--workers", "2"), tmp_path, "workers")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        on_dask = _quads(_build(tmp_path, "dask", "--dask", cluster.scheduler_address), tmp_path, "dask")
    assert len(serial) > 2000
    assert workers == serial
    assert on_dask == serial


def _workers() -> set[int]:
    """The pool's live worker processes (not multiprocessing's resource tracker, nor a killed
    worker not yet reaped: a zombie has no command line)."""
    found = set()
    for child in psutil.Process().children():
        try:
            if "spawn_main" in " ".join(child.cmdline()):
                found.add(child.pid)
        except (psutil.ZombieProcess, psutil.NoSuchProcess):
            pass
    return found


def test_a_killed_worker_loses_no_document():
    raws = [doc for path in sorted(SEEDS.glob("*.txt")) for doc in read_path(path)] * 3
    results, first_pool, later_pool = [], set(), set()
    for raw, record in parallel.local(raws, workers=2, batch_size=1):
        results.append((raw.key, record))
        if len(results) == 1:
            first_pool = _workers()
            os.kill(min(first_pool), signal.SIGKILL)
        later_pool |= _workers()
    assert later_pool - first_pool, "the build went on in a new pool"
    assert [key for key, _ in results] == [raw.key for raw in raws]  # each once, in order
    assert all(isinstance(record, DocumentRecord) for _, record in results), results
    claims = {key: len(record.claims) for key, record in results[:5]}
    assert all(len(record.claims) == claims[key] for key, record in results)


def test_an_unreachable_cluster_is_a_one_line_error(tmp_path):
    result = run("--store", str(tmp_path / "kg.db"), "build", "--quiet", "--dask", "tcp://127.0.0.1:9", str(SEEDS))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in lines[0], result.output


def test_default_workers_one_per_core():
    assert parallel.default_workers() == os.cpu_count()


def test_batches_stream_without_reading_ahead():
    seen = []

    def source():
        for i in range(5):
            seen.append(i)
            yield i

    first = next(parallel.batches(source(), 2))
    assert first == [0, 1] and seen == [0, 1]


def test_a_killed_dask_worker_loses_no_document():
    from distributed import Client, LocalCluster

    raws = [doc for path in sorted(SEEDS.glob("*.txt")) for doc in read_path(path)] * 2
    results = []
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        for raw, record in parallel.dask(raws, cluster.scheduler_address, batch_size=1):
            results.append((raw.key, record))
            if len(results) == 1:  # the nanny starts a new worker; the scheduler reruns its tasks
                (killed,) = client.run(os.getpid).values()
                os.kill(killed, signal.SIGKILL)
        (survivor,) = client.run(os.getpid).values()
    assert survivor != killed
    assert [key for key, _ in results] == [raw.key for raw in raws]
    assert all(isinstance(record, DocumentRecord) for _, record in results), results
