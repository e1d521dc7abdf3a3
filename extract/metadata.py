"""A pasted article's headline and publication date, read from its header lines.

The header is what comes before the first body paragraph (menus, breadcrumbs, bylines,
date lines, the headline and a standfirst). The date follows SCHEMA.md's order: a
"Published:" line, then a dateline opening the body, then a page-header date (a leading
" date YYYY-MM-DD" or a date alone on a line). The title is the first headline-like header
line whose words the body takes up. Captions and copyright footers never date a document.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from .clean import Line, boilerplate_rule, lines_of, strip_inline
from .dates import find_dates, iso_day_or_month, month_day

# Lines after the first body line still searched for a "Published:" line (some pages put
# the byline block under the standfirst).
AFTER_BODY = 5
RANK = {"published": 0, "posted": 0, "first published": 0, "date": 0, "updated": 1, "last updated": 1,
        "dateline": 2, "header": 3}
# "WASHINGTON, Oct 17, 2023 (Reuters) - ", "BEIJING, April 26 (Xinhua) -- ": a place, a date, a source.
DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},\s*(?P<date>[^()\u2014-]{3,40}?)\s*"
                      r"(?:\([^)]{1,30}\)\s*(?:--|\u2014|\u2013|-)?|--|\u2014|\u2013|-)\s*")
# A page-header date that a pasted page carries before its first line: " date 2024-06-01 ...".
HEADER_DATE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\b\s*")
LABEL = re.compile(r"\b(?P<label>first published|last updated|published|posted|updated|date)\s*(?:on|at)?\s*:?\s*",
                   re.I)
# Words a date line may carry besides its date: times, zones, weekdays, a wire's name.
TIME_WORDS = re.compile(r"\b(\d{1,2}:\d{2}(:\d{2})?|[ap]\.?m\.?|utc|gmt|ist|cst|est|edt|bst|cet|jst|kst|"
                        r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|rsday|urday)?)\b", re.I)
CAPTION = re.compile(r"\b(photo|file photo|image|picture)\s*[:/]|\[photo", re.I)
LABELLED = re.compile(r"\b[A-Z][\w.]*(?: [A-Z][\w.]*)?\s+:\s")
MONTH_NAME = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
BYLINE = re.compile(r"^(by|from)\s+[A-Z]", re.I)
# The separators of a byline's or a menu's parts: "Name · Outlet · Posted: ...", "Outlet / 04:52 PM
# September 24, 2025", "Source: Xinhua | 2024-12-05 09:12:33 | Editor: ...", "Markets | Economy | Tax".
# The boilerplate rules (extract/data/cleanup.json) whose lines may carry the page's date among their
# parts; never a caption's or a credit's.
BYLINE_RULES = {"source line", "editor line"}
PART_SEPARATOR = re.compile(r"\s+[|\u00b7\u2022/]\s+")


@dataclass
class Metadata:
    title: str | None = None
    published: str | None = None
    drop: set[int] = field(default_factory=set)  # header line indices that are not body text
    cut: dict[int, int] = field(default_factory=dict)  # line index -> leading characters left out


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def is_body(line: str) -> bool:
    """A line of running prose: long, or a sentence of some length."""
    n = len(words(line))
    return n >= 25 or (n >= 5 and line.rstrip().endswith((".", "?", "!", "\u201d", '"')))


def headline_like(line: str) -> bool:
    """Shaped like a headline: a few words, some lower case, no closing punctuation, not a
    date, label, byline, caption or two sentences."""
    text = line.strip()
    n = len(words(text))
    if not (4 <= n <= 30 and any(c.islower() for c in text)) or len(text.split()) < 3:
        return False
    if text.endswith((".", ":", ";", ",")) or text.startswith(("(", "-", "\u2022", "|")):
        return False
    if BYLINE.match(text) or CAPTION.search(text) or len(LABELLED.findall(text)) >= 2 or find_dates(text):
        return False
    if text.count(" | ") >= 2:  # a menu ("Markets | Economy | Tax"); a headline has one "| Outlet" at most
        return False
    return not re.search(r"[a-z]{2}[.?!] [A-Z]", text)


def stem(word: str) -> str:
    """A rough stem, enough to tell that "cuts", "cut" and "cutting" or "eases" and "eased"
    are one word: common endings off, then the first five letters."""
    word = word.lower().replace("\u2019", "'").removesuffix("'s")
    if len(word) > 4:
        word = re.sub(r"(?:ing|ed|es)$", "", word)
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:5]


def content_words(text: str) -> set[str]:
    """The stems of the words that carry meaning."""
    return {stem(w) for w in words(text) if w.lower() not in STOP_WORDS and not w.isdigit() and len(w) > 1}


def body_stems(text: str) -> set[str]:
    """Every two- to five-letter opening of the body's content words, so that a headline's
    "plan" finds the body's "plans" and its "bi" the body's "billion"."""
    return {w[:k] for w in content_words(text) for k in range(2, len(w) + 1)}


def taken_up(line: str, body: set[str]) -> bool:
    """At least half of a candidate headline's content words recur in the body."""
    own = content_words(line)
    return bool(own) and len(own & body) * 2 >= len(own)


NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.])")


def numeric_date(text: str) -> tuple[int, int, dt.date] | None:
    """A "07/11/2024" date: day first, as most of the world writes it, unless only month
    first can be right ("11/27/2024")."""
    m = NUMERIC_DATE.search(text)
    if not m:
        return None
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    day, month = (b, a) if b > 12 >= a else (a, b)
    try:
        return m.start(), m.end(), dt.date(year, month, day)
    except ValueError:
        return None


def date_of_label(text: str) -> dt.date | None:
    """The first full date in the text after a label ("Nov 16, 2023 06:30 PM", "Jul 8,2016",
    "07/11/2024")."""
    found = find_dates(text) or [d for d in [numeric_date(text)] if d]
    if found:
        return found[0][2]
    return _dateparser(text[:40])


def _dateparser(text: str) -> dt.date | None:
    import dateparser  # slow to import; only lines no pattern reads come here

    parsed = dateparser.parse(text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None


def labelled_dates(line: str) -> list[tuple[int, dt.date]]:
    """(rank, date) of each "Published: ..." / "Updated: ..." part of a line that opens with a label."""
    labels = list(LABEL.finditer(line))
    if not labels or labels[0].start() > 0:
        return []
    out = []
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(line)
        date = date_of_label(line[m.end():end])
        if date:
            out.append((RANK[m.group("label").lower()], date))
    return out


def parts(line: str) -> list[str]:
    """A byline's parts ("Name · Outlet · Posted: Nov 09, 2023 4:45 PM EST"), or none when the line
    has one part only."""
    found = PART_SEPARATOR.split(line)
    return found if len(found) > 1 else []


def part_dates(line: str) -> list[tuple[int, dt.date]]:
    """(rank, date) of the labelled or date-only parts of a byline: a page that writes its date
    beside the author's or outlet's name dates itself as one that gives it a line of its own."""
    found = [d for part in parts(line) for d in labelled_dates(part)]
    if found:
        return found
    single = [date for date in (date_only(part) for part in parts(line)) if date]
    return [(RANK["header"], single[0])] if len(single) == 1 else []


def date_only(line: str) -> dt.date | None:
    """The date of a line that is a date and little else ("Fri, March 3, 2023", "08:10, April 27, 2012")."""
    found = find_dates(line) or [d for d in [numeric_date(line)] if d]
    if len(found) != 1:
        return None
    start, end, date = found[0]
    rest = TIME_WORDS.sub(" ", line[:start] + " " + line[end:])
    return date if len(re.findall(r"[A-Za-z]{2,}", rest)) <= 2 else None


def dateline_date(line: str, reference: dt.date | None) -> dt.date | None:
    """The date of a dateline opening the body; a dateline without a year takes it from
    ``reference`` (the latest such day on or before it), and without one gives nothing."""
    match = DATELINE.match(line)
    if not match or dateline_end(line) is None:
        return None
    found = find_dates(match.group("date"))
    if found:
        return found[0][2]
    return month_day(match.group("date"), reference) if reference else None


def dateline_end(line: str) -> int | None:
    """Where a dateline opening ``line`` ends, if its date part holds a month and a day."""
    match = DATELINE.match(line)
    if match and re.search(r"\b" + MONTH_NAME + r"\.?\s+\d{1,2}\b|\b\d{1,2}\s+" + MONTH_NAME, match.group("date"), re.I):
        return match.end()
    return None


def read_metadata(text: str) -> Metadata:
    """Title, published date and the header lines to leave out of the text that NLP reads."""
    meta = Metadata()
    lines = lines_of(text)
    dated: list[tuple[int, dt.date | str]] = []  # (rank, date or "YYYY-MM")
    header: list[tuple[int, str]] = []
    body_start = None
    for index, raw in enumerate(lines):
        text_ = raw.text
        if not header and body_start is None and not dated:
            head = HEADER_DATE.match(text_)
            if head:
                date = iso_day_or_month(head.group("date"))
                if date:
                    dated.append((RANK["header"], date))
                meta.cut[index] = head.end()
                text_ = text_[head.end():]
        rule = boilerplate_rule(text_) if text_.strip() else None
        if rule in BYLINE_RULES and body_start is None:
            dated.extend(part_dates(text_.strip()))  # "Source: Xinhua | 2024-12-05 09:12:33 | Editor: ..."
        if not text_.strip() or rule:
            continue
        line = strip_inline(text_).strip()
        found = labelled_dates(line)
        if not found and (body_start is None or index - body_start <= AFTER_BODY):
            single = date_only(line)
            found = [(RANK["header"], single)] if single else []
        if not found and body_start is None and not CAPTION.search(line):
            found = part_dates(line)
        if found:
            if body_start is None or index - body_start <= AFTER_BODY:
                dated.extend(found)
                meta.drop.add(index)
            continue
        if body_start is None and is_body(line):
            body_start = index
            reference = min(dated, key=lambda d: d[0])[1] if dated else None
            date = dateline_date(line, reference if isinstance(reference, dt.date) else None)
            if date:
                dated.append((RANK["dateline"], date))
        if body_start is None:
            header.append((index, line))
        elif index - body_start > AFTER_BODY:
            break
    if dated:
        best = min(dated, key=lambda d: d[0])[1]
        meta.published = best.isoformat() if isinstance(best, dt.date) else best
    meta.title = _title(meta, lines, header, body_start)
    return meta


def _title(meta: Metadata, lines: list[Line], header: list[tuple[int, str]], body_start: int | None) -> str | None:
    """The first headline-like header line the body takes up; every other header line is dropped."""
    start = body_start if body_start is not None else len(lines)
    body = body_stems(" ".join(l.text for l in lines[start:]))
    candidates = []
    for index, line in header:
        # "Home / India News / Headline": a breadcrumb's last part is the line's text.
        last = line.rsplit(" / ", 1)[-1] if " / " in line else line
        candidates.append((index, last.strip(), len(line) - len(last)))
    # A line that repeats another with something glued before it ("ChinaProcuratorates in ...")
    # is a duplicate, as is a repeated line.
    distinct = [(i, t, c) for i, t, c in candidates
                if not any(j != i and t != u and t.endswith(u) for j, u, _ in candidates)
                and not any(j < i and t == u for j, u, _ in candidates)]
    chosen = next(((i, t, c) for i, t, c in distinct if headline_like(t) and taken_up(t, body)), None)
    meta.drop |= {i for i, _ in header if chosen is None or i != chosen[0]}
    if chosen is None:
        return None
    index, title, crumbs = chosen
    if crumbs:
        raw = lines[index].text
        offset = meta.cut.get(index, 0)
        meta.cut[index] = offset + raw[offset:].index(title)
    return title
