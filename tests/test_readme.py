"""The README tells the truth (issue 15): every console example in README.md runs as shown,
in the spirit of sqlite-utils' test_docs.py and cog.

The rules, also stated at the top of README.md's source:

- Every fenced block names its language. ``console`` blocks are run; ``sh`` (and other shell)
  blocks must be marked ``<!-- not run: REASON -->`` on the line just before the fence, with
  the reason; ``text``, ``python`` and ``sparql`` blocks are not commands, and a ``text`` block
  may hold no ``$ `` prompt. So a block is skipped only where the README says so, and why.
- The console blocks run in README order, each command in ``sh``, in one folder: a copy of the
  repository's files (no store, no ``out/``) with ``.venv`` linking to this interpreter's
  environment, after what ``make demo`` does (``make -o install demo``: its recipe, without
  reinstalling).
- ``$ COMMAND`` is a command (a ``<<'EOF'`` here-document goes on to its ``EOF`` line); the lines
  up to the next ``$ `` are its output, stdout and stderr as a terminal would show them,
  compared exactly. A last output line ``...`` means "the output begins with the lines above
  it, and more follows". Every command must exit 0.
- Tables are cut to the terminal's width: the examples are at 160 columns, the width a
  table gets when its output is not a terminal. No output is normalised otherwise: nothing
  the examples print depends on time, temporary paths or chance.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT

README = ROOT / "README.md"
SHELLS = {"console", "sh", "shell", "bash"}
NOT_COMMANDS = {"text", "python", "sparql"}
FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.M | re.S)
NOT_RUN = re.compile(r"<!-- not run: (?P<reason>[^\n]*?) -->")
HEREDOC = re.compile(r"<<-?\s*'?\"?(?P<word>\w+)")
WIDTH = "160"


@dataclass
class Block:
    line: int  # of the opening fence, 1-based
    lang: str
    body: str  # dedented to the fence's indentation
    not_run: str | None  # the marker's reason, None when unmarked


def blocks(text: str) -> list[Block]:
    found = []
    for m in FENCE.finditer(text):
        before = text[:m.start()].removesuffix("\n").rsplit("\n", 1)[-1]  # the line just before the fence
        marker = NOT_RUN.fullmatch(before.strip())
        indent = len(m["indent"])
        body = "\n".join(line[indent:] for line in m["body"].split("\n"))
        found.append(Block(text.count("\n", 0, m.start()) + 1, m["lang"].strip(), body,
                           marker["reason"].strip() if marker else None))
    return found


def commands(body: str) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each ``$ `` line of a console block."""
    lines, found, i = body.rstrip("\n").split("\n"), [], 0
    assert lines[0].startswith("$ "), f"a console block starts with a $ command, not {lines[0]!r}"
    while i < len(lines):
        command = lines[i][2:]
        i += 1
        heredoc = HEREDOC.search(command)
        if heredoc:
            end = lines.index(heredoc["word"], i)
            command, i = "\n".join([command] + lines[i:end + 1]), end + 1
        output = []
        while i < len(lines) and not lines[i].startswith("$ "):
            output.append(lines[i])
            i += 1
        found.append((command, output))
    return found


README_BLOCKS = blocks(README.read_text(encoding="utf-8"))
CONSOLE = [b for b in README_BLOCKS if b.lang == "console" and b.not_run is None]


def test_only_blocks_marked_not_run_are_skipped():
    text = README.read_text(encoding="utf-8")
    assert len(CONSOLE) >= 5
    marked = [b for b in README_BLOCKS if b.not_run is not None]
    assert len(marked) == len(NOT_RUN.findall(text)), "a not-run marker must stand just before a fence"
    for block in README_BLOCKS:
        where = f"README.md:{block.line}"
        assert block.lang in SHELLS | NOT_COMMANDS, f"{where}: a fenced block names its language ({block.lang!r})"
        if block.not_run is not None:
            assert block.lang in SHELLS and len(block.not_run) >= 10, f"{where}: a not-run marker gives its reason"
        elif block.lang in SHELLS:
            assert block.lang == "console", f"{where}: a shell block is a console block that runs, or is marked not run"
        if block.lang == "text":
            assert not re.search(r"^\$ ", block.body, re.M), f"{where}: a command belongs in a console block"


def test_the_parser_reads_the_rules_it_states():
    text = ("<!-- not run: it never exits, so nothing to compare -->\n```sh\nserve\n```\n\n"
            "  ```console\n  $ a\n  one\n  $ b <<'EOF'\n  x\n  EOF\n  ...\n  ```\n")
    serve, console = blocks(text)
    assert (serve.line, serve.lang, serve.not_run) == (2, "sh", "it never exits, so nothing to compare")
    assert (console.lang, console.not_run) == ("console", None)
    assert commands(console.body) == [("a", ["one"]), ("b <<'EOF'\nx\nEOF", ["..."])]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """A copy of the repository's files after what ``make demo`` does."""
    here = tmp_path_factory.mktemp("readme") / "policykg"
    shutil.copytree(ROOT, here, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "out", "*.db", "__pycache__", ".pytest_cache", ".hypothesis", "*.egg-info"))
    (here / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    done = subprocess.run(["make", "-o", "install", "demo"], cwd=here, env=environ(), capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return here


def environ() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    return {**env, "COLUMNS": WIDTH, "PYTHONUNBUFFERED": "1"}


@pytest.mark.parametrize("block", CONSOLE, ids=[f"README.md:{b.line}" for b in CONSOLE])
def test_console_example_prints_what_the_readme_shows(demo, block):
    for command, expected in commands(block.body):
        done = subprocess.run(command, shell=True, cwd=demo, env=environ(), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=300, executable="/bin/sh")
        shown = done.stdout.rstrip("\n")
        where = f"README.md:{block.line}: $ {command}"
        assert done.returncode == 0, f"{where}\nexit {done.returncode}\n{shown}"
        if expected[-1:] == ["..."]:
            begins = "\n".join(expected[:-1])
            assert shown.startswith(begins) and len(shown.split("\n")) > len(expected) - 1, \
                f"{where}\n{shown}"
        else:
            assert shown == "\n".join(expected), where


def test_every_named_query_is_listed():
    """The README's table of named queries holds exactly the files in queries/, which are what
    ``policykg queries`` lists."""
    text = README.read_text(encoding="utf-8")
    table = re.search(r"^\| query \| answers \|\n\| --- \| --- \|\n((?:\|.*\n)+)", text, re.M)
    listed = re.findall(r"^\| `([^`]+)` \|", table.group(1), re.M)
    files = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    shown = subprocess.run([str(Path(sys.executable).parent / "policykg"), "queries", "--format", "csv",
                            "--no-headers"], capture_output=True, text=True, check=True).stdout
    assert sorted(listed) == files and len(set(listed)) == len(listed)
    assert sorted(row[0] for row in csv.reader(io.StringIO(shown))) == files


def test_store_help_names_the_remote_stores():
    shown = subprocess.run([str(Path(sys.executable).parent / "policykg"), "--help"],
                           env=environ(), capture_output=True, text=True, check=True).stdout
    help_text = " ".join(shown.split("--store", 1)[1].split("--version", 1)[0].split())
    for words in ("embedded", "http(s)://", "Oxigraph server", "virtuoso+http(s)://", "Virtuoso", "POLICYKG_STORE"):
        assert words in help_text, words
