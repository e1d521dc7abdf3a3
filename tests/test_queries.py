"""The named queries as rewritten for speed (issue 15) give the same rows as their earlier
forms (tests/queries_before/, with a global ORDER BY), as row sets; and --limit/--offset pages
of an unchanged store cut the whole answer in order, without overlap."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from graph.store import open_store
from queries.results import named_queries
from tests.conftest import run

BEFORE = Path(__file__).parent / "queries_before"


def row_set(store, text: str) -> Counter:
    result = store.query(text)
    names = [v.value for v in result.variables]
    return Counter(tuple(None if row[n] is None else str(row[n]) for n in names) for row in result)


@pytest.mark.parametrize("name", sorted(p.stem for p in BEFORE.glob("*.rq")))
def test_rewritten_query_gives_the_rows_of_its_earlier_form(seeds_store, name):
    store = open_store(seeds_store, read_only=True)
    old, new = row_set(store, (BEFORE / f"{name}.rq").read_text()), row_set(store, named_queries()[name])
    assert new == old and sum(new.values()) > 0


def test_limit_and_offset_page_the_answer(seeds_store):
    def rows(*options):
        out = run("--store", seeds_store, "query", "figures", "--format", "json", *options)
        assert out.exit_code == 0, out.output
        return json.loads(out.output)["results"]["bindings"]

    whole = rows()
    assert len(rows("--limit", "7")) == 7
    assert rows("--limit", "5") + rows("--limit", "5", "--offset", "5") == whole[:10]
    assert rows("--offset", str(len(whole))) == []


def test_limit_on_a_query_with_its_own_limit_is_a_user_error(seeds_store):
    out = run("--store", seeds_store, "query", "-", "--limit", "2",
              input="SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    assert out.exit_code == 1 and "LIMIT" in out.output
