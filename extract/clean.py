"""Drop web boilerplate before NLP while keeping offsets back to the original text.

The rules are data (``data/cleanup.json``). The cleaned text is the original with some
stretches left out; ``OffsetMap`` takes any offset in it back to the original, so every
offset the graph records points into what the user gave.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Line:
    """A line of the original text; ``end`` excludes the line break, ``after`` includes it."""

    start: int
    end: int
    text: str
    after: int


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append(Line(pos, pos + len(body), body, pos + len(raw)))
        pos += len(raw)
    return out


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern


@lru_cache(maxsize=None)
def _packaged() -> dict:
    """The packaged cleanup file, read once."""
    return json.loads(resources.files("extract").joinpath("data/cleanup.json").read_text("utf-8"))


@lru_cache(maxsize=None)
def load_rules(path: str | None = None) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """The (line rules, inline rules) of a cleanup file, by default the packaged one."""
    if path is None:
        data = _packaged()
    else:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    lines = tuple(Rule(r["name"], re.compile(r["pattern"], re.I)) for r in data["lines"])
    inline = tuple(Rule(r["name"], re.compile(r["pattern"])) for r in data["inline"])
    return lines, inline


@lru_cache(maxsize=None)
def caption_patterns() -> tuple[re.Pattern, ...]:
    """The packaged cleanup file's caption and credit patterns."""
    data = _packaged()
    # The label words are matched in any case; the credit forms need their capitals.
    return tuple(re.compile(r["pattern"], 0 if r["name"] in ("credit in brackets", "outlet: photographer") else re.I)
                 for r in data["captions"])


def is_caption(line: str) -> bool:
    """A photo caption or credit line ("An NEV is being charged. Photo: VCG", "... (AP Photo/Sam Ortiz)",
    "FILE - ...", "[Photo/Xinhua]"): its dates are a picture's, not the article's or a statement's."""
    return any(p.search(line) for p in caption_patterns())


def boilerplate_rule(line: str, rules=None) -> str | None:
    """The name of the line rule that makes ``line`` boilerplate, or None."""
    line_rules, _ = rules or load_rules()
    stripped = line.strip()
    if not stripped:
        return None
    for rule in line_rules:
        if rule.pattern.fullmatch(stripped):
            return rule.name
    return None


@lru_cache(maxsize=None)
def _list_headings() -> tuple[Rule, ...]:
    return tuple(Rule(r["name"], re.compile(r["pattern"], re.I)) for r in _packaged().get("list_headings", []))


def list_heading(line: str) -> str | None:
    """The name of the rule that makes ``line`` the heading of a list of related headlines or
    tags ("Related News", "More information", "Tags: cocoa, COCOBOD"), or None."""
    stripped = line.strip()
    for rule in _list_headings():
        if stripped and rule.pattern.fullmatch(stripped):
            return rule.name
    return None


def _prose(line: str) -> bool:
    """Running prose: a long line, or a sentence of five words or more with its closing stop
    (a related headline has none)."""
    n = len(re.findall(r"[^\W\d_][\w'\u2019-]*", line))
    return n >= 25 or (n >= 5 and line.rstrip().endswith((".", "?", "!", "\u201d", '"')))


def strip_inline(line: str, rules=None) -> str:
    """The line without the stretches that inline rules drop (trailing credits)."""
    _, inline_rules = rules or load_rules()
    for rule in inline_rules:
        match = rule.pattern.search(line)
        if match:
            line = line[: match.start()]
    return line


class OffsetMap:
    """Maps offsets of a text made of kept pieces back to offsets of the original."""

    def __init__(self, pieces: list[tuple[int, int]]):
        self.pieces = pieces  # (start, end) in the original, in order
        self.starts: list[int] = []
        pos = 0
        for start, end in pieces:
            self.starts.append(pos)
            pos += end - start
        self.length = pos

    def start(self, offset: int) -> int:
        """The original offset of the character at ``offset`` of the cleaned text."""
        if not self.pieces:
            return 0
        i = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return min(self.pieces[i][0] + offset - self.starts[i], self.pieces[i][1])

    def end(self, offset: int) -> int:
        """The original offset just after the character before ``offset`` (an exclusive end)."""
        return self.start(offset - 1) + 1 if offset > 0 else self.start(0)


@dataclass
class Cleaned:
    text: str
    offsets: OffsetMap
    dropped: list[tuple[Line, str]]  # each dropped line and why


def clean(text: str, drop: set[int] | None = None, rules=None, cut: dict[int, int] | None = None) -> Cleaned:
    """The text without boilerplate lines, inline credits, the lines in ``drop`` (by index)
    and the first ``cut[index]`` characters of a line (a page-header date, a breadcrumb)."""
    line_rules, inline_rules = rules or load_rules()
    pieces: list[tuple[int, int]] = []
    dropped: list[tuple[Line, str]] = []
    prose, in_list = False, None  # the article's prose has begun; the list heading now open
    for index, line in enumerate(lines_of(text)):
        if cut and index in cut:
            skip = min(cut[index], line.end - line.start)
            line = Line(line.start + skip, line.end, line.text[skip:], line.after)
        if drop and index in drop:
            dropped.append((line, "metadata"))
            continue
        heading = list_heading(line.text) if prose else None
        if heading or (in_list and line.text.strip() and not _prose(line.text)):
            in_list = heading or in_list
            dropped.append((line, in_list))
            continue
        if line.text.strip():
            in_list = None
            prose = prose or _prose(line.text)
        why = boilerplate_rule(line.text, (line_rules, inline_rules))
        if why:
            dropped.append((line, why))
            continue
        keep_end = line.start + len(strip_inline(line.text, (line_rules, inline_rules)))
        if keep_end > line.start:
            pieces.extend(_without_long_runs(text, line.start, keep_end))
        if line.after > line.end:  # a kept line keeps its own break, so paragraphs stay apart
            pieces.append((line.end, line.after))
    pieces = _merge(pieces)
    return Cleaned("".join(text[s:e] for s, e in pieces), OffsetMap(pieces), dropped)


# A run of punctuation with no word in it ("((((", 30,000 quote marks) costs spaCy's
# tokenizer time quadratic in its length; all but its first RUN_KEEP characters are left out.
LONG_RUN = re.compile(r"[^\w\s]{64,}")
RUN_KEEP = 16


def _without_long_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for m in LONG_RUN.finditer(text, start, end):
        pieces.append((start, m.start() + RUN_KEEP))
        start = m.end()
    pieces.append((start, end))
    return [(s, e) for s, e in pieces if e > s]


def _merge(pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        if out and out[-1][1] == start:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
