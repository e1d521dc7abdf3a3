"""A pasted article's headline and publication date, read from its header lines.

The header is what comes before the first body paragraph. The title is its longest
headline-like line; the date a "Published:" line, a date alone on a line, or a dateline
opening the body. Captions and copyright footers never date a document: they are not
date-only lines and not in the header.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clean import Line, boilerplate_rule, lines_of, strip_inline
from .dates import find_dates, parse_date_line

MAX_HEADER_LINES = 15
LABEL_RANK = {"published": 0, "posted": 0, "first published": 0, "date": 1, None: 2, "updated": 3, "last updated": 3}
# "WASHINGTON, Oct 17, 2023 (Reuters) - ", "NEW DELHI, Feb 8, 2023 (PTI) ": a place, a date, a source.
DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},\s*(?P<date>[^()\u2014-]{6,40}?)\s*"
                      r"(?:\([^)]{1,30}\)\s*(?:--|\u2014|\u2013|-)?|--|\u2014|\u2013|-)\s")


@dataclass
class Metadata:
    title: str | None = None
    published: str | None = None
    drop: set[int] = field(default_factory=set)  # header line indices that are not body text


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def is_body(line: str) -> bool:
    """A line of running prose: long, or a sentence of some length."""
    n = len(words(line))
    return n >= 25 or (n >= 5 and line.rstrip().endswith((".", "?", "!", "\u201d", '"')))


def headline_like(line: str) -> bool:
    text = line.strip()
    n = len(words(text))
    return (2 <= n <= 30 and any(c.islower() for c in text)
            and not text.endswith((".", ":", ";", ",")) and not text.startswith(("(", "-", "\u2022")))


def read_metadata(text: str) -> Metadata:
    """Title, published date and the header lines to leave out of the text that NLP reads."""
    meta = Metadata()
    lines = lines_of(text)
    header: list[tuple[int, Line]] = []
    dated: list[tuple[int, int, str]] = []  # (label rank, line index, iso date)
    for index, raw in enumerate(lines):
        if not raw.text.strip() or boilerplate_rule(raw.text):
            continue
        line = Line(raw.start, raw.end, strip_inline(raw.text), raw.after)
        found = parse_date_line(line.text)
        if found and index < MAX_HEADER_LINES * 3:
            dated.append((LABEL_RANK.get(found[1], 2), index, found[0].isoformat()))
            meta.drop.add(index)
            continue
        if is_body(line.text) or len(header) >= MAX_HEADER_LINES:
            if not dated:
                match = DATELINE.match(line.text)
                if match and find_dates(match.group("date")):
                    dated.append((2, index, find_dates(match.group("date"))[0][2].isoformat()))
            break
        header.append((index, line))
    if dated:
        meta.published = min(dated)[2]
    candidates = [(i, l.text.strip()) for i, l in header if headline_like(l.text)]
    # A line that repeats another with something glued before it ("ChinaProcuratorates in ...")
    # is a duplicate, as is a repeated line.
    distinct = [(i, t) for i, t in candidates
                if not any(j != i and t != u and t.endswith(u) for j, u in candidates)
                and not any(j < i and t == u for j, u in candidates)]
    if distinct:
        best = max(distinct, key=lambda c: (len(words(c[1])), -c[0]))
        meta.title = best[1]
        meta.drop |= {i for i, _ in header if i != best[0]}
    else:
        meta.drop |= {i for i, _ in header}
    return meta
