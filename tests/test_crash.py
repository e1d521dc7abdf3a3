"""A build killed at any point leaves each document fully in or absent; a re-run completes it."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from conftest import SEEDS

EXE = str(Path(sys.executable).parent / "policykg")


def corpus(folder: Path, n: int) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (folder / f"doc{i:03d}.txt").write_text(text + f"\nCopy {i} of the article.\n", encoding="utf-8")


def graph_sizes(store: str) -> dict[str, int]:
    db = ox.Store.read_only(store)
    sizes = {g.value: len(list(db.quads_for_pattern(None, None, None, g))) for g in db.named_graphs()}
    del db
    return sizes


def test_killed_build_leaves_whole_documents_and_rerun_completes(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    corpus(docs, 30)
    reference = str(tmp_path / "ref.db")
    subprocess.run([EXE, "--store", reference, "build", "-q", str(docs)], check=True, capture_output=True)
    expected = graph_sizes(reference)
    assert len(expected) == 30

    store = str(tmp_path / "kg.db")
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([EXE, "--store", store, "build", "-q", "-v", "--batch-size", "1", str(docs)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    stored = 0
    for line in proc.stdout:
        stored += line.startswith("stored ")
        if stored == 5:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    partial = graph_sizes(store)
    assert 5 <= len(partial) < 30
    for name, size in partial.items():
        assert size == expected[name], f"{name} is half-written"

    done = subprocess.run([EXE, "--store", store, "build", "-q", str(docs)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"{30 - len(partial)} stored, {len(partial)} skipped (unchanged), 0 failed" in done.stderr
    assert graph_sizes(store) == expected


def _children(pid: int) -> set[int]:
    """The processes ``pid`` has started and that still run (Linux /proc)."""
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_build_killed_early_leaves_no_process_behind(tmp_path):
    import time

    docs = tmp_path / "docs"
    docs.mkdir()
    corpus(docs, 6)
    store = str(tmp_path / "kg.db")
    for delay in (0.1, 0.3, 0.6, 1.0, 1.5):
        proc = subprocess.Popen([EXE, "--store", store, "build", "-q", "--workers", "2", str(docs)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        started = set()
        deadline = time.monotonic() + 0.05
        while time.monotonic() < deadline:
            started |= _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 20
        while any(_alive(p) for p in started) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [p for p in started if _alive(p)], f"children left running after a kill at {delay} s"
    done = subprocess.run([EXE, "--store", store, "build", "-q", str(docs)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
