"""Build a corpus of documents into a fresh store and score it against its gold files.

    python benchmarks/dev_score.py                       # ../shared/corpus/dev
    python benchmarks/dev_score.py --verbose --only claims
    python benchmarks/dev_score.py --docs DIR --gold DIR --json

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
DEV = ROOT.parent / "shared" / "corpus" / "dev"
CLI = [sys.executable, "-c", "from graph.cli import main; main()"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=DEV / "docs")
    ap.add_argument("--gold", type=Path, default=DEV / "gold")
    ap.add_argument("--score", type=Path, default=ROOT.parent / "shared" / "gold" / "score.py")
    ap.add_argument("--verbose", action="store_true", help="list what was missed and what was spurious")
    ap.add_argument("--only", help="print only this list's lines (with --verbose)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = str(Path(tmp) / "kg")
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


if __name__ == "__main__":
    main()
