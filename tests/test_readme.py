"""The README's worked example runs as shown: each console command there that shows its
output is run on a fresh copy of the seeds and must print exactly that output."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS

EXE = str(Path(sys.executable).parent / "policykg")


def console_examples(text: str) -> list[tuple[str, str]]:
    """(command, expected output) for each command of the first console block that shows output."""
    block = re.search(r"```console\n(.*?)```", text, re.S).group(1)
    examples, command, output = [], None, []
    for line in block.splitlines():
        if line.startswith("$ "):
            if command and output:
                examples.append((command, "\n".join(output)))
            command, output = line[2:].split("  #")[0].strip(), []
        else:
            output.append(line)
    if command and output:
        examples.append((command, "\n".join(output)))
    return [(c, o) for c, o in examples if "..." not in o]


def test_the_worked_example_prints_what_the_readme_shows(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    examples = console_examples((ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(examples) >= 5
    for command, expected in examples:
        shell = command.replace(".venv/bin/policykg", EXE)
        done = subprocess.run(shell, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "COLUMNS": "200"})  # tables fit the terminal: a wide one
        assert (done.stdout + done.stderr).rstrip("\n") == expected, command


def test_the_readme_lists_every_named_query():
    from queries.results import named_queries

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Querying"):readme.index("Any SPARQL 1.1 query works")]
    assert sorted(re.findall(r"^\| `([a-z-]+)` \| ", section, re.M)) == sorted(named_queries())
