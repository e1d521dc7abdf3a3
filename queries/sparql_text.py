"""What a SPARQL text asks for, read with SPARQL's own lexical rules before the engine sees it.

The endpoint refuses ``SERVICE`` unless the operator allowed the endpoint it names (a query
that makes the server fetch any address is a server-side request forgery), and so does the
command line unless ``--allow-service`` names it (issue 17 item 8). It lives here, beside
the named queries and free of the rest of the project, so that both import it. pyoxigraph does
not expose its parsed algebra, so the keyword is found here by tokenising as the grammar
does: codepoint escapes (``\\u0053ERVICE``) are decoded first, as SPARQL 1.1 section 19.2
and Oxigraph's parser do; strings, IRIs and comments are skipped whole, so the word inside
a literal (``"customer service"``) or a prefixed name (``ex:service``) is not the keyword.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

# SPARQL 1.1 grammar [139] IRIREF, [156]-[159] strings, comments; words are keywords,
# prefixed names, variables and numbers; anything else is one punctuation character.
TOKEN = re.compile(r'''
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<word>[?$]?(?:[^\s{}()\[\];,"'<>\#=!&|^*/+\\]|\\.)+)
  | (?P<other>.)
''', re.VERBOSE | re.DOTALL)

ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class Refused(ValueError):
    """A query that asks for something the endpoint does not do; the message says what, and
    ``target`` is the endpoint refused (None when the clause names no fixed IRI)."""

    def __init__(self, message: str, target: str | None = None):
        super().__init__(message)
        self.target = target


def unescape(text: str) -> str:
    """Decode ``\\uXXXX`` and ``\\UXXXXXXXX`` everywhere, as the SPARQL grammar does before parsing."""
    def one(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)

    return ESCAPE.sub(one, text)


def tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every significant token: spaces and comments dropped."""
    found = []
    for match in TOKEN.finditer(unescape(text)):
        kind = match.lastgroup
        if kind not in ("space", "comment"):
            value = match.group(kind)
            if kind == "word" and value.endswith(".") and ":" not in value[:-1] and not value[:-1].replace(".", "").isdigit():
                found.append((kind, value[:-1]))  # "?x ?y ?z." ends a triple
                found.append(("other", "."))
            else:
                found.append((kind, value))
    return found


def service_targets(text: str) -> list[str | None]:
    """The endpoint each ``SERVICE`` clause names, as a full IRI; None for a variable or a
    name that cannot be resolved (such a clause can reach anywhere)."""
    return targets_of(text, "SERVICE")


def targets_of(text: str, keyword: str) -> list[str | None]:
    """What each ``keyword`` clause (``SERVICE``, ``GRAPH``) names, as a full IRI; None for a
    variable or a name that cannot be resolved."""
    items = tokens(text)
    prefixes: dict[str, str] = {}
    base = ""
    targets: list[str | None] = []
    for i, (kind, value) in enumerate(items):
        word = value.upper() if kind == "word" else None
        if word == "PREFIX" and i + 2 < len(items) and items[i + 2][0] == "iri":
            prefixes[items[i + 1][1].rstrip(":")] = urljoin(base, items[i + 2][1][1:-1])
        elif word == "BASE" and i + 1 < len(items) and items[i + 1][0] == "iri":
            base = urljoin(base, items[i + 1][1][1:-1])
        elif word == keyword:
            j = i + 1
            if j < len(items) and items[j][0] == "word" and items[j][1].upper() == "SILENT":
                j += 1
            targets.append(_resolve(items[j] if j < len(items) else ("other", ""), prefixes, base))
    return targets


def _resolve(token: tuple[str, str], prefixes: dict[str, str], base: str) -> str | None:
    kind, value = token
    if kind == "iri":
        return urljoin(base, value[1:-1])
    if kind == "word" and ":" in value and not value.startswith(("?", "$")):
        prefix, _, local = value.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def check_services(text: str, allowed: tuple[str, ...] | frozenset) -> None:
    """Raise ``Refused`` when the query names a SERVICE the operator did not allow."""
    for target in service_targets(text):
        if target is None or target not in allowed:
            named = f"<{target}>" if target else "a SERVICE whose endpoint is not a fixed IRI"
            hint = (f"allowed here: {', '.join(sorted(allowed))}" if allowed
                    else "the operator can allow endpoints with serve --allow-service URL")
            raise Refused(f"SERVICE refused: {named} is not an allowed endpoint ({hint})", target)
