"""Named queries and their answers as a table, SPARQL JSON, CSV or TSV."""
from __future__ import annotations

import re
import shutil
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}


def named_queries() -> dict[str, str]:
    """Name -> SPARQL text of every query shipped in ``queries/``."""
    folder = resources.files("queries")
    return {Path(f.name).stem: f.read_text("utf-8") for f in folder.iterdir() if f.name.endswith(".rq")}


def resolve_query(spec: str, stdin_text: str | None = None) -> str:
    """A named query, a .rq file, or "-" for standard input. Raises ValueError with the reason."""
    if spec == "-":
        if not stdin_text or not stdin_text.strip():
            raise ValueError("no query on standard input")
        return stdin_text
    queries = named_queries()
    if spec in queries:
        return queries[spec]
    path = Path(spec)
    if path.is_file():
        return path.read_text(encoding="utf-8")
    raise ValueError(f"{spec}: not a named query ({', '.join(sorted(queries))}) nor a query file")


def parse_bindings(pairs) -> dict:
    """NAME=VALUE pairs as pyoxigraph substitutions: numbers as xsd:integer or xsd:decimal,
    http(s) addresses as IRIs, anything else as a plain string. Raises ValueError."""
    xsd = "http://www.w3.org/2001/XMLSchema#"
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"--var {pair}: expected NAME=VALUE")
        if re.fullmatch(r"-?\d+", value):
            out[name] = ox.Literal(value, datatype=ox.NamedNode(xsd + "integer"))
        elif re.fullmatch(r"-?\d*\.\d+", value):
            out[name] = ox.Literal(value, datatype=ox.NamedNode(xsd + "decimal"))
        elif re.match(r"https?://", value):
            out[name] = ox.NamedNode(value)
        else:
            out[name] = ox.Literal(value)
    return out


def paged(query: str, limit: int | None, offset: int | None) -> str:
    """``query`` with LIMIT/OFFSET appended (a page of its answer); the named queries have no
    global sort, so the engine stops after the page. Raises ValueError if it has its own."""
    if limit is None and offset is None:
        return query
    body = re.sub(r"(^|\s)#[^\n]*", " ", query)
    if re.search(r"\b(LIMIT|OFFSET)\s+\d+\s*$", body.strip(), re.I):
        raise ValueError("the query has its own LIMIT or OFFSET; leave out --limit/--offset")
    page = (f"\nLIMIT {limit}" if limit is not None else "") + (f"\nOFFSET {offset}" if offset else "")
    return query.rstrip() + page + "\n"


def header(query: str) -> str:
    """The comment lines at the head of a query file: what it answers."""
    lines = []
    for line in query.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return " ".join(lines)


def render(result, fmt: str, width: int | None = None) -> str:
    """The answer of a query as text in ``fmt`` (table, json, csv, tsv)."""
    if isinstance(result, ox.QueryBoolean):
        return "true" if bool(result) else "false"
    if isinstance(result, ox.QueryTriples):
        return result.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if isinstance(result, list):  # a remote store's CONSTRUCT answer, already parsed
        return ox.serialize(result, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if fmt in FORMATS:
        return result.serialize(format=FORMATS[fmt]).decode("utf-8")
    return table(result, width or shutil.get_terminal_size((160, 24)).columns)


def rows(result) -> list[dict[str, str]]:
    """The solutions of a SELECT as plain dicts, variable -> lexical value; unbound left out."""
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def cell(term) -> str:
    return "" if term is None else term.value


def table(result, width: int) -> str:
    names = [v.value for v in result.variables]
    return grid(names, [[re.sub(r"\s+", " ", cell(row[n])) for n in names] for row in result], width)


def grid(names: list[str], rows: list[list[str]], width: int) -> str:
    """Columns padded to fit ``width``, long cells cut with an ellipsis, a row count below."""
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    budget = max(width - 2 * (len(names) - 1), 10 * len(names))
    while sum(widths) > budget and max(widths) > 12:
        widths[widths.index(max(widths))] -= 1

    def fit(text: str, w: int) -> str:
        return text if len(text) <= w else text[: w - 1] + "\u2026"

    lines = ["  ".join(fit(n, w).ljust(w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(fit(c, w).ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def render_rows(rows: list[dict], fmt: str, notes: list[str] = (), width: int | None = None) -> str:
    """Rows of an analysis (plain dicts) as a table (notes below it), JSON ({"notes", "rows"})
    or CSV (notes left to the caller, so the file stays a table)."""
    import csv
    import io
    import json

    names = list(dict.fromkeys(name for row in rows for name in row))
    if fmt == "json":
        return json.dumps({"notes": list(notes), "rows": rows}, indent=2, ensure_ascii=False)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().rstrip("\n")
    text = grid(names, [[_plain(row.get(n, "")) for n in names] for row in rows],
                width or shutil.get_terminal_size((160, 24)).columns)
    return "\n".join([text] + [f"# {note}" for note in notes])


def _plain(value) -> str:
    if isinstance(value, float):
        value = f"{value:.6g}"
    return re.sub(r"\s+", " ", str(value)).strip()
