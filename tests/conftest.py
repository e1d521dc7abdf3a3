"""Shared fixtures: the real pipeline, and the seeds built once into a real on-disk store."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from extract.nlp import load
    return load()


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory) -> str:
    store = str(tmp_path_factory.mktemp("kg") / "seeds.db")
    result = CliRunner().invoke(main, ["--store", store, "build", "--quiet", str(SEEDS)])
    assert result.exit_code == 0, result.output
    return store


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)
