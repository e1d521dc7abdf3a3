import re
from pathlib import Path

import extract
import graph
from queries.results import named_queries

ROOT = Path(__file__).resolve().parent.parent


def test_packages_resolve_to_this_repo():
    assert Path(graph.__file__).resolve().parent == ROOT / "graph"
    assert Path(extract.__file__).resolve().parent == ROOT / "extract"


def test_the_six_named_queries_ship_with_the_package():
    assert set(named_queries()) >= {"documents", "officials", "bodies", "industries", "figures", "claims"}


def test_every_prefix_a_query_uses_is_declared():
    for name, text in named_queries().items():
        body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
        declared = set(re.findall(r"PREFIX\s+(\w*):", body))
        without_iris = re.sub(r"<[^>]*>", "", re.sub(r'"[^"]*"', "", body))
        used = set(re.findall(r"\b([A-Za-z]\w*):[A-Za-z_]", without_iris)) - {"PREFIX"}
        assert used <= declared, f"{name}.rq uses undeclared prefixes {used - declared}"
        assert text.startswith("#"), f"{name}.rq has no comment header"


def test_extract_knows_nothing_of_rdf():
    for path in (ROOT / "extract").glob("*.py"):
        assert "rdflib" not in path.read_text() and "pyoxigraph" not in path.read_text(), path.name


def test_the_version_is_pyproject_s():
    declared = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M).group(1)
    assert graph.__version__ == declared


def test_the_iri_namespaces_are_vocab_s():
    from graph.model import iris, vocab

    assert {name: str(ns) for name, ns in vocab.PREFIXES.items()} == iris.PREFIXES
    assert iris.PKG.sha256 == str(vocab.PKG.sha256) and iris.ID["merged"] == str(vocab.ID["merged"])
    assert type(iris.PKG.sha256) is str
