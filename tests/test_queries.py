"""The named queries as rewritten for speed (issue 15) give the same rows as their earlier
forms (tests/queries_before/, with a global ORDER BY), as row sets; their whole forms
(queries/whole/) give the same rows in the same order; --limit/--offset pages of an unchanged
store cut the whole answer in order, without overlap; and the answer streamed in each format is
the text the general formatter (tabulate) makes of the same rows."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from graph.store import open_store
from queries.results import TABULAR, named_queries, render, tabulate, whole_forms
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


def rows_in_order(store, text: str) -> tuple[list[str], list[tuple]]:
    result = store.query(text)
    names = [v.value for v in result.variables]
    return names, [tuple(None if row[n] is None else str(row[n]) for n in names) for row in result]


@pytest.mark.parametrize("name", sorted(whole_forms()))
def test_a_whole_form_gives_the_rows_of_its_query_in_its_order(seeds_store, name):
    store = open_store(seeds_store, read_only=True)
    streamed, whole = rows_in_order(store, named_queries()[name]), rows_in_order(store, whole_forms()[name])
    assert whole == streamed and len(whole[1]) > 0


def test_the_six_named_queries_but_documents_have_whole_forms():
    # documents is one form: it sorts, so its hash-join form serves the first page as fast
    assert set(whole_forms()) == {"officials", "bodies", "industries", "figures", "claims"}


@pytest.mark.parametrize("name", ["documents", "officials", "bodies", "industries", "figures", "claims"])
def test_limit_and_offset_page_the_answer(seeds_store, name):
    def rows(*options):
        out = run("--store", seeds_store, "query", name, "--format", "json", *options)
        assert out.exit_code == 0, out.output
        return json.loads(out.output)["results"]["bindings"]

    whole = rows()  # the whole form, where there is one
    assert len(rows("--limit", "7")) == min(7, len(whole))
    pages = [rows("--limit", "5", "--offset", str(start)) for start in range(0, len(whole) + 5, 5)]
    assert [row for page in pages for row in page] == whole
    assert rows("--offset", str(len(whole))) == []
    assert rows("--offset", "3") == whole[3:]


@pytest.mark.parametrize("name", ["documents", "claims", "bodies"])
@pytest.mark.parametrize("fmt", [f for f in TABULAR if f != "json"])
def test_a_streamed_answer_is_what_tabulate_makes_of_its_rows(seeds_store, name, fmt):
    store = open_store(seeds_store, read_only=True)
    result = store.query(named_queries()[name])
    names = [v.value for v in result.variables]
    expected = tabulate(names, [{n: row[n] for n in names} for row in result], fmt, width=120)
    assert render(store.query(named_queries()[name]), fmt, width=120) == expected
    assert expected.count("\n") >= 3


def test_limit_on_a_query_with_its_own_limit_is_a_user_error(seeds_store):
    out = run("--store", seeds_store, "query", "-", "--limit", "2",
              input="SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    assert out.exit_code == 1 and "LIMIT" in out.output
