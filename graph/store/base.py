"""What every store module shares: the error they raise, the interface they offer, rdflib
terms as pyoxigraph terms, N-Triples text, and variables bound into a query's text.

It imports no other store module, so the embedded store, the remote one and the N-Quads
shards each depend on this one only, never on each other.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Protocol

import pyoxigraph as ox

if TYPE_CHECKING:
    from rdflib import Graph


# The user information of an address (``scheme://user:password@``), the password greedy up to
# the last ``@`` before the path, so that a password holding ``@`` is hidden whole.
CREDENTIALS = re.compile(r"([a-z][a-z0-9+.-]*://)([^/@:\s]*)(:[^/\s]*)?@", re.I)


def redact(text: str) -> str:
    """``text`` with the credentials of every address in it replaced by ``***``: the password
    (``http://user:***@host``), or a user part alone, which may be a token (issue 17 item 14)."""
    return CREDENTIALS.sub(lambda m: f"{m.group(1)}{m.group(2)}:***@" if m.group(3) else f"{m.group(1)}***@", text)


class StoreError(Exception):
    """A store that cannot be opened or used; the message says why, in one line."""


# (graph name, content digest) of the documents extracted by one extraction activity: a
# document is skipped when both its identity's graph and its content are there already.
CONTENTS = "SELECT ?g ?h WHERE { GRAPH ?g { ?g <%s> ?h ; <%s> %s } }"


class Store(Protocol):
    def contents(self, extraction: str) -> set[tuple[str, str]]: ...
    def graphs(self) -> Iterable[str]: ...
    def graph_quads(self, name: str) -> Iterable[ox.Quad]: ...
    def put_document(self, name: str, graph: Graph) -> None: ...
    def remove_document(self, name: str) -> None: ...
    def query(self, sparql: str, bindings: dict | None = None): ...
    def dump(self, output, fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None) -> None: ...
    def close(self) -> None: ...


# Deeper nesting than this is refused before the engine parses it: Oxigraph's recursive
# parser overflows the stack (a segmentation fault, not an error) near 3,000 nested groups,
# and no real query comes close to this.
MAX_DEPTH = 256
_SKIPPED = re.compile("|".join([
    r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",  # long strings
    r'"(?:[^"\\\n\r]|\\.)*"', r"'(?:[^'\\\n\r]|\\.)*'",  # strings
    r'<[^<>"{}|^`\\\x00-\x20]*>', r"#[^\n\r]*"]), re.DOTALL)  # IRIs, comments
_BRACKETS = re.compile(r"[{}()\[\]]")


def check_depth(sparql: str, limit: int = MAX_DEPTH) -> None:
    """Refuse a query whose groups, brackets or parentheses nest deeper than ``limit``
    (strings, IRIs and comments are not counted), with a one-line ``StoreError``."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(_SKIPPED.sub(" ", sparql)):
        depth = depth + 1 if match.group() in "{([" else max(depth - 1, 0)
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                raise StoreError(f"query nested too deeply (over {limit} levels of braces, brackets or parentheses)")


# A prefixed name (SPARQL 1.1 grammar [137]-[140]): an optional PN_PREFIX then ':', not inside a
# word, a variable, a blank node label (_:b) or another prefixed name's local part (ex:a:b).
_PREFIXED = re.compile(r"(?<![\w.:?$@\\-])((?:[^\W\d_](?:[\w.-]*[\w-])?)?):")
_DECLARED = re.compile(r"\bPREFIX\s+((?:[^\W\d_](?:[\w.-]*[\w-])?)?):", re.I)


def undeclared_prefix(sparql: str) -> tuple[int, int, str] | None:
    """(line, column, prefix) of the first prefixed name whose prefix no PREFIX declares, the
    empty prefix (``:b``) included; strings, IRIs and comments are not read."""
    blanked = _SKIPPED.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), sparql)  # same lines and columns
    declared = {m.group(1) for m in _DECLARED.finditer(blanked)}
    for found in _PREFIXED.finditer(blanked):
        if found.group(1) not in declared:  # a declaration's own name is declared
            line = blanked.count("\n", 0, found.start()) + 1
            return line, found.start() - (blanked.rfind("\n", 0, found.start()) + 1) + 1, found.group(1)
    return None


def syntax_error(sparql: str, message: str) -> StoreError:
    """pyoxigraph's SyntaxError as a reader wants it: where (line, column, the line itself with
    a caret under the place) and what, in words: an undeclared prefix is named (the empty one
    too, which pyoxigraph's message leaves out), and the parser's list of expected characters
    is left out (only the expected words are kept)."""
    found = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
    if not found:
        return StoreError(f"invalid SPARQL: {' '.join(message.split())}")
    line, column, what = int(found.group(1)), int(found.group(2)), found.group(3)
    lines = sparql.splitlines() or [""]
    undeclared = undeclared_prefix(sparql)
    if undeclared:
        line, column, prefix = undeclared
        reason = (f"undeclared prefix '{prefix}:' ({'' if prefix else 'the empty prefix; '}"
                  f"declare it: PREFIX {prefix}: <...>)")
    elif "Prefix not found" in what:  # one the scan cannot see (written with \\u escapes, ...)
        reason = "undeclared prefix"
    else:
        expected = [w for w in what.removeprefix("expected one of ").replace("\n", " ").split(", ")
                    if re.fullmatch(r"[A-Za-z_]\w*", w)]
        if what.startswith("expected one of") and expected:
            reason = "expected one of " + ", ".join(expected)
        else:
            reason = " ".join(what.split())
        ends = sparql.splitlines(keepends=True)
        if not "".join(ends[line - 1:])[column - 1:].strip():  # nothing after it: the query is incomplete
            line = max((i for i, text in enumerate(lines, 1) if text.strip()), default=1)
            column = len(lines[line - 1].rstrip()) + 1
            reason = "the query ends too soon" + (f" ({reason})" if expected else "")
    text = lines[line - 1]
    caret = " " * len(text[:column - 1].expandtabs(4))
    return StoreError(f"invalid SPARQL at line {line}, column {column}: {reason}\n"
                      f"  {text.expandtabs(4)}\n  {caret}^")


def to_ox(term):
    """An rdflib term as the pyoxigraph term of the same value (rdflib is imported here, by
    writers only: a reading command never needs it)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def ntriples(graph: Iterable, name: str | None = None) -> str:
    """rdflib triples as N-Triples, or as N-Quads in the graph ``name``."""
    tail = f" {ox.NamedNode(name)} .\n" if name else " .\n"
    return "".join(f"{to_ox(s)} {to_ox(p)} {to_ox(o)}{tail}" for s, p, o in graph)


def bind(sparql: str, bindings: dict) -> str:
    """``sparql`` with a VALUES block at the head of its outermost WHERE: the variables are
    bound for everything at that level (pyoxigraph's own substitutions need them projected)."""
    found = re.search(r"\bWHERE\s*\{", sparql, re.I)
    if not found:
        raise StoreError("cannot bind variables: the query has no WHERE clause")
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(term) for term in bindings.values())
    return f"{sparql[:found.end()]}\n  VALUES ({names}) {{ ({values}) }}{sparql[found.end():]}"


def union_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The triples of all the quads' graphs merged, sorted: what a Turtle or JSON-LD export holds."""
    return sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
