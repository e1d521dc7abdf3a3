"""Named queries and their answers as a table, SPARQL JSON, CSV, TSV, JSON objects or JSON lines."""
from __future__ import annotations

import io
import itertools
import re
import shutil
from importlib import resources
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox



def named_queries() -> dict[str, str]:
    """Name -> SPARQL text of every query shipped in ``queries/``."""
    folder = resources.files("queries")
    return {Path(f.name).stem: f.read_text("utf-8") for f in folder.iterdir() if f.name.endswith(".rq")}


def whole_forms() -> dict[str, str]:
    """Name -> the whole-answer form of a named query (``queries/whole/NAME.rq``): the same rows
    in the same order, written for hash joins, where ``queries/NAME.rq`` streams its first page
    (tests/test_queries.py holds them to that)."""
    folder = resources.files("queries").joinpath("whole")
    return {Path(f.name).stem: f.read_text("utf-8") for f in folder.iterdir() if f.name.endswith(".rq")}


def resolve_query(spec: str, stdin_text: str | None = None, whole: bool = False) -> str:
    """A named query, a .rq file, or "-" for standard input. Raises ValueError with the reason.
    ``whole``: the whole answer will be read (no LIMIT), so a named query's whole form is
    taken where it has one."""
    if spec == "-":
        if not stdin_text or not stdin_text.strip():
            raise ValueError("no query on standard input")
        return stdin_text
    queries = named_queries()
    if spec in queries:
        return (whole and whole_forms().get(spec)) or queries[spec]
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


# The --format choices of every command that answers with rows (query, audit, analyze, stats,
# queries, validate), as sqlite-utils and datasette users know them: a table for reading,
# csv and tsv (a header unless --no-headers), json (SPARQL 1.1 Query Results JSON for a query;
# the command's own JSON otherwise), objects (a JSON array of row objects) and nl (a JSON
# object a line).
TABULAR = ["table", "csv", "tsv", "json", "objects", "nl"]
XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                              "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
                              "unsignedShort", "unsignedByte")}
FLOATS = {XSD + "decimal", XSD + "double", XSD + "float"}


class QueryFailed(Exception):
    """The store failed while the answer was read (a SERVICE that failed, a lost connection, ...)."""


def render(result, fmt: str, width: int | None = None, headers: bool = True) -> str:
    """The answer of a query as text in ``fmt`` (``TABULAR``), with no newline at its end; an
    empty answer still has its header (csv, tsv, table)."""
    out = io.BytesIO()
    write_answer(result, fmt, out, width=width, headers=headers)
    return out.getvalue().decode("utf-8").removesuffix("\n")


def write_answer(result, fmt: str, out: BinaryIO, width: int | None = None, headers: bool = True) -> None:
    """Write the answer of a query to the binary stream ``out`` in ``fmt`` (``TABULAR``) as its
    rows come, ending in one newline (an empty nl answer writes nothing). json is pyoxigraph's own
    SPARQL results serialiser; csv, tsv, nl and objects take each row's terms in order, without
    building a list of the answer; the table needs every row for its widths. Output is held back
    until 64 kB have gathered, so an answer that fails at once writes nothing: a failure of the
    store raises ``QueryFailed``, one of ``out`` its ``OSError``."""
    sink = _Sink(out)
    try:
        _write(result, fmt, sink, width, headers)
        sink.flush()
    except QueryFailed:
        raise
    except (OSError, RuntimeError, ValueError) as err:
        if sink.failed is not None:
            raise sink.failed from None
        raise QueryFailed(str(err).splitlines()[0] if str(err) else type(err).__name__) from err


def _write(result, fmt: str, sink: "_Sink", width: int | None, headers: bool) -> None:
    if isinstance(result, ox.QueryBoolean):
        sink.write("true\n" if bool(result) else "false\n")
        return
    if isinstance(result, ox.QueryTriples):
        sink.write(result.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8").rstrip("\n") + "\n")
        return
    if isinstance(result, list):  # a remote store's CONSTRUCT answer, already parsed
        sink.write(ox.serialize(result, format=ox.RdfFormat.N_TRIPLES).decode("utf-8").rstrip("\n") + "\n")
        return
    if fmt == "json":
        result.serialize(sink, format=ox.QueryResultsFormat.JSON)
        sink.write("\n")
        return
    names = [v.value for v in result.variables]
    solutions = _solutions(result)
    if fmt in ("csv", "tsv"):
        import csv

        writer = csv.writer(sink, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        first = next(solutions, None)  # a query that fails at once fails before its header
        if headers:
            writer.writerow(names)
        if first is not None:
            writer.writerow(_texts(first))
            writer.writerows(map(_texts, solutions))
    elif fmt in ("objects", "nl"):
        import json

        rows = (dict(zip(names, map(_json, solution))) for solution in solutions)
        if fmt == "nl":
            encode = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps makes an encoder per call
            for row in rows:
                sink.write(encode(row) + "\n")
            return
        # json.dumps(rows, indent=2, ensure_ascii=False), a thousand rows at a time
        encode, sep = json.JSONEncoder(ensure_ascii=False, indent=2).encode, "[\n"
        for batch in iter(lambda: list(itertools.islice(rows, 1000)), []):
            sink.write(sep + encode(batch)[2:-2])  # without the batch's own "[\n" and "\n]"
            sep = ",\n"
        sink.write("[]\n" if sep == "[\n" else "\n]\n")
    else:
        cells = [[_plain(v) for v in solution] for solution in solutions]
        sink.write(grid(names, cells, width or shutil.get_terminal_size((160, 24)).columns) + "\n")


def _solutions(result):
    """The solutions of ``result``; a failure of the store while they are read as ``QueryFailed``."""
    iterator = iter(result)
    while True:
        try:
            solution = next(iterator)
        except StopIteration:
            return
        except (OSError, RuntimeError, ValueError) as err:
            raise QueryFailed(str(err).splitlines()[0] if str(err) else type(err).__name__) from err
        yield solution


def _texts(solution) -> list[str]:
    """A row of csv or tsv: each term's lexical value, empty when unbound."""
    try:
        return ["" if v is None else v.value for v in solution]
    except AttributeError:  # a quoted triple (RDF 1.2) has no .value
        return [_text(v) for v in solution]


class _Sink:
    """A binary stream's writer (bytes or text) that holds output back until ``CHUNK`` bytes
    have gathered, and remembers a failure of the stream itself (``failed``), to tell it from a
    failure of the store while pyoxigraph's serialiser writes."""

    CHUNK = 1 << 16

    def __init__(self, out: BinaryIO):
        self.out, self.parts, self.size, self.failed = out, [], 0, None

    def write(self, data) -> int:
        data = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        self.parts.append(data)
        self.size += len(data)
        if self.size >= self.CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if not self.parts:
            return
        data, self.parts, self.size = b"".join(self.parts), [], 0
        try:
            self.out.write(data)
        except OSError as err:
            self.failed = err
            raise


def tabulate(names: list[str], rows: list[dict], fmt: str, headers: bool = True, width: int | None = None,
             notes=()) -> str:
    """Rows (dicts of plain values or pyoxigraph terms; a missing key is unbound) in ``fmt``:
    a table (notes below it), csv, tsv, objects or nl (notes left to the caller). No newline
    at the end; csv, tsv and the table keep their header when there is no row."""
    import csv
    import io
    import json

    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        if headers:
            writer.writerow(names)
        writer.writerows([[_text(row.get(n)) for n in names] for row in rows])
        return out.getvalue().rstrip("\n")
    if fmt in ("objects", "json"):
        return json.dumps([{n: _json(row.get(n)) for n in names} for row in rows], indent=2, ensure_ascii=False)
    if fmt == "nl":
        return "\n".join(json.dumps({n: _json(row.get(n)) for n in names}, ensure_ascii=False) for row in rows)
    text = grid(names, [[_plain(row.get(n)) for n in names] for row in rows],
                width or shutil.get_terminal_size((160, 24)).columns)
    return "\n".join([text] + [f"# {note}" for note in notes])


def _text(value) -> str:
    """A cell of csv or tsv: the lexical value, empty when unbound."""
    if value is None:
        return ""
    return value.value if isinstance(value, (ox.Literal, ox.NamedNode, ox.BlankNode)) else str(value)


_STRING = ox.NamedNode(XSD + "string")


def _json(value):
    """A value of objects and nl: numbers and booleans as JSON's own, the rest as text, unbound as null."""
    if isinstance(value, ox.Literal):
        datatype = value.datatype
        if datatype == _STRING:  # the common case, without making the datatype's IRI a str
            return value.value
        kind = datatype.value
        try:
            if kind in INTEGERS:
                return int(value.value)
            if kind in FLOATS:
                number = float(value.value)
                return number if number == number and abs(number) != float("inf") else value.value
        except ValueError:
            return value.value
        if kind == XSD + "boolean":
            return value.value in ("true", "1")
        return value.value
    if isinstance(value, (ox.NamedNode, ox.BlankNode)):
        return value.value
    return value


def rows(result) -> list[dict[str, str]]:
    """The solutions of a SELECT as plain dicts, variable -> lexical value; unbound left out."""
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


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


def render_rows(rows: list[dict], fmt: str, notes: list[str] = (), width: int | None = None,
                columns: list[str] | None = None, headers: bool = True) -> str:
    """Rows of an analysis (plain dicts) in ``fmt``: json is {"notes", "rows"}; the others as
    ``tabulate`` writes them (the table with its notes below; for csv, tsv, objects and nl the
    notes are left to the caller, so that the output stays data)."""
    import json

    names = list(dict.fromkeys([*(columns or []), *(name for row in rows for name in row)]))
    if fmt == "json":
        return json.dumps({"notes": list(notes), "rows": rows}, indent=2, ensure_ascii=False)
    return tabulate(names, rows, fmt, headers=headers, width=width, notes=notes)


def _plain(value) -> str:
    """A cell of the table: the lexical value on one line (runs of white space as one space)."""
    if value is None:
        return ""
    if isinstance(value, (ox.Literal, ox.NamedNode, ox.BlankNode)):
        value = value.value
    if isinstance(value, float):
        value = f"{value:.6g}"
    return " ".join(str(value).split())  # what re.sub(r"\s+", " ", ...).strip() gives, faster
