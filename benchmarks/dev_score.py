"""Build a corpus of documents into a fresh store and score it against its gold files.

    python benchmarks/dev_score.py                       # tests/dev (a copy of ../shared/corpus/dev)
    python benchmarks/dev_score.py --verbose --only claims
    python benchmarks/dev_score.py --docs DIR --gold DIR --json
    python benchmarks/dev_score.py --without-gazetteers  # bodies, posts, industries lists emptied
    python benchmarks/dev_score.py --without-lists       # every data file emptied, cues too

Runs this checkout's code (the interpreter's ``sys.path``), so a worktree scores itself
with ``PYTHONPATH=. .venv/bin/python benchmarks/dev_score.py``.
"""
from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "dev"
CLI = [sys.executable, "-c", "from graph.cli import main; main()"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=DEV / "docs")
    ap.add_argument("--gold", type=Path, default=DEV / "gold")
    ap.add_argument("--score", type=Path, default=ROOT / "tests" / "gold" / "score.py")
    ap.add_argument("--verbose", action="store_true", help="list what was missed and what was spurious")
    ap.add_argument("--only", help="print only this list's lines (with --verbose)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--without-lists", action="store_true",
                    help="run the pipeline with every data-file setting emptied (extract.nlp.list_settings)")
    ap.add_argument("--without-gazetteers", action="store_true",
                    help="run the pipeline with its gazetteers emptied (extract.nlp.gazetteer_settings)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = str(Path(tmp) / "kg")
        if args.without_lists or args.without_gazetteers:
            from extract.nlp import gazetteer_settings, list_settings

            build_in_process(args.docs, store, list_settings() if args.without_lists else gazetteer_settings())
        else:
            subprocess.run(CLI + ["--store", store, "build", "--quiet", "--workers", "1", str(args.docs)], check=False)
        cli = " ".join(shlex.quote(p) for p in CLI + ["--store", store])
        cmd = [sys.executable, str(args.score), str(args.gold), "--cli", cli]
        cmd += ["--verbose"] if args.verbose else []
        cmd += ["--json"] if args.json else []
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    if args.only and not args.json:
        keep, lines = False, []
        for line in out.splitlines():
            if not line.startswith(" "):
                keep = line.startswith(("list", args.only))
            if keep:
                lines.append(line)
        out = "\n".join(lines) + "\n"
    sys.stdout.write(out)


def build_in_process(docs: Path, store_path: str, overrides: dict[str, str]) -> None:
    """Build ``docs`` into a store with some pipeline settings overridden (lists emptied):
    what the syntax and the statistical model find without them."""
    import warnings

    from extract.nlp import load
    from extract.pipeline import extract_many
    from extract.readers import RawDocument, read_path, walk
    from graph.model.rdf import document_iri, document_triples
    from graph.store import open_store

    warnings.filterwarnings("ignore", message=r"\[W036\]")  # matchers with no patterns, on purpose
    nlp = load(overrides=overrides)
    raws = [r for p in walk([str(docs)]) if not isinstance(p, Exception)
            for r in read_path(p) if isinstance(r, RawDocument)]
    store = open_store(store_path)
    for raw, record in extract_many(raws, nlp):
        if isinstance(record, Exception):
            print(f"{raw.file_name}: extraction failed: {type(record).__name__}: {record}", file=sys.stderr)
        else:
            store.put_document(str(document_iri(record.key)), document_triples(record))
    store.close()


if __name__ == "__main__":
    main()
