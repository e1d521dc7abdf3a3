"""The layout holds: imports run the way the data flows (text -> extract -> records ->
graph.model -> graph.store -> queries, networks, the endpoint), with no cycles, and the
packaging ships every package and data file.

Imports are read with ``ast`` from the source (those inside functions too), not by
importing anything, so a lazy import cannot hide a wrong direction.
"""
import ast
import tomllib
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("extract", "graph", "queries")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))}


def imported(path: Path, known=MODULES) -> set[str]:
    """The modules a file imports, relative imports resolved; ``from package import name``
    counts as importing ``package.name`` when that is a module of the project."""
    name = module_name(path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1] + ([node.module] if node.module else [])
                module = ".".join(base)
            else:
                module = node.module
            for alias in node.names:
                full = f"{module}.{alias.name}"
                found.add(full if full in known else module)
    return found


IMPORTS = {name: imported(path) for name, path in MODULES.items()}


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def offenders(importer: str, forbidden: tuple[str, ...]) -> list[str]:
    """``module -> target`` for every module in ``importer`` that imports a ``forbidden`` package."""
    return sorted(f"{name} -> {target}" for name, targets in IMPORTS.items() if within(name, importer)
                  for target in targets if any(within(target, f) for f in forbidden))


def test_the_import_reader_sees_relative_and_lazy_imports():
    assert {"graph.model.iris", "graph.store.base"} <= IMPORTS["graph.store.embedded"]
    assert "graph.store.remote" in IMPORTS["graph.store"]  # imported inside open_store
    assert "queries.results" in IMPORTS["graph.network.project"]
    assert "graph.network.analyze" in IMPORTS["graph.cli"]  # from .network import analyze as analyses


def test_extract_never_imports_graph_or_queries():
    assert offenders("extract", ("graph", "queries")) == []


def test_queries_never_import_graph():
    assert offenders("queries", ("graph",)) == []


def test_the_model_imports_no_store_network_endpoint_or_build():
    assert offenders("graph.model", ("graph.store", "graph.network", "graph.serve", "graph.build",
                                     "graph.evaluate")) == []


def test_the_store_imports_no_network_or_endpoint():
    assert offenders("graph.store", ("graph.network", "graph.serve", "graph.build", "graph.evaluate")) == []


def test_networks_and_the_endpoint_stay_apart():
    assert offenders("graph.network", ("graph.serve", "graph.build")) == []
    assert offenders("graph.serve", ("graph.network", "graph.build")) == []


def test_nothing_imports_the_command_line():
    """Only the console script (pyproject.toml) and the tests call graph.cli."""
    benchmarks = {f"benchmarks.{p.stem}": imported(p) for p in (ROOT / "benchmarks").glob("*.py")}
    users = sorted(name for name, targets in {**IMPORTS, **benchmarks}.items()
                   if name != "graph.cli" and any(within(t, "graph.cli") for t in targets))
    assert users == []
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"policykg": "graph.cli:main"}


def test_store_modules_import_only_their_shared_module():
    """embedded, remote and shards share base.py and never import each other; the embedded
    store alone keeps checkpoints (checkpoints.py, which needs base only)."""
    shared = {"graph.store.embedded": {"graph.store.base", "graph.store.checkpoints"}}
    for name in ("graph.store.embedded", "graph.store.remote", "graph.store.shards", "graph.store.checkpoints"):
        others = [t for t in IMPORTS[name] if within(t, "graph.store") and t not in shared.get(name, {"graph.store.base"})]
        assert others == [], name
    assert not any(within(t, "graph.store") for t in IMPORTS["graph.store.base"])


def test_no_import_cycles():
    graph = nx.DiGraph((name, target) for name, targets in IMPORTS.items() for target in targets
                       if target in MODULES and target != name)
    assert list(nx.simple_cycles(graph)) == []


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


# Folders of data files only, listed as (namespace) packages so that setuptools does not warn.
DATA_FOLDERS = {"extract.data", "graph.serve.static", "queries.network", "queries.whole"}


def test_every_package_is_listed_for_packaging():
    packages = {name for name, path in MODULES.items() if path.name == "__init__.py"}
    assert set(pyproject()["packages"]) == packages | DATA_FOLDERS


@pytest.mark.parametrize("suffix", [".ttl", ".rq", ".html", ".cfg", ".json", ".jsonl"])
def test_every_data_file_is_package_data(suffix):
    """Each file is matched by a pattern of the package nearest it, as setuptools globs them."""
    data = pyproject()["package-data"]
    for file in (f for package in PACKAGES for f in (ROOT / package).rglob(f"*{suffix}")):
        folders = {name: MODULES[name].parent for name in MODULES if MODULES[name].name == "__init__.py"}
        folders |= {name: ROOT.joinpath(*name.split(".")) for name in DATA_FOLDERS}
        owner = max((name for name, folder in folders.items() if file.is_relative_to(folder)), key=len)
        folder = folders[owner]
        assert any(file in folder.glob(pattern) for pattern in data.get(owner, [])), f"{file} is not package data"
