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

from .clean import Line, boilerplate_rule, is_caption, lines_of, strip_inline
from .dates import Stamp, dateline_day, find_dates, iso_day_or_month, page_day_order, read_stamp, stamp_rules

# Lines after the first body line still searched for a time stamp (some pages put the byline
# block under the standfirst).
AFTER_BODY = 5
HEADER, DATELINE_RANK = 3, 2  # ranks of a page-header date and a dateline (labels: data/date_stamps.json)
AMBIGUOUS = 3.5  # an all-numeric day-month stamp nothing on the page decides: a last resort
# A byline has a few parts and labels, and a stamp is short: longer lines are not read further.
MAX_PARTS, MAX_LABELS, STAMP_CHARS = 16, 4, 80
# Boilerplate kinds that are bylines and may carry the page's time stamp.
BYLINE_RULES = {"source line", "editor line"}
# "WASHINGTON, Oct 17, 2023 (Reuters) - ", "BEIJING, April 26 (Xinhua) -- ": a place, a date, a source.
DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},\s*(?P<date>[^()\u2014-]{3,40}?)\s*"
                      r"(?:\([^)]{1,30}\)\s*(?:--|\u2014|\u2013|-)?|--|\u2014|\u2013|-)\s*")
# A page-header date that a pasted page carries before its first line: " date 2024-06-01 ...".
HEADER_DATE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\b\s*")
LABELLED = re.compile(r"\b[A-Z][\w.]*(?: [A-Z][\w.]*)?\s+:\s")
MONTH_NAME = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
BYLINE = re.compile(r"^(by|from)\s+[A-Z]", re.I)
# A menu or breadcrumb: short parts between separators ("News | Sports | Radio", "Home > Economy",
# or the runs of spaces and tabs that a page's inline links leave in its text: "Home   News   Sport").
NAV_SEPARATOR = re.compile(r"\s*[|\u00b7\u2022>\u00bb\u203a]\s*|\s+/\s+|\s{3,}|\t+")
# The page's first header lines, where a site prints its name and tagline above its menus.
MASTHEAD_LINES = 3
# Words a name leaves in lower case ("Ministry of Agriculture and Livestock Development").
NAME_CONNECTORS = {"of", "and", "for", "the", "on", "in", "&", "de", "del", "la", "du", "des", "da", "do", "y", "und", "für",
                   "di", "della", "delle", "dei", "degli", "e", "et", "van", "von", "der"}


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
    # a closing quote ends a sentence only after its stop ('... "in time."'); a headline may end on a
    # quoted phrase ('... become "the driving force"')
    return n >= 25 or (n >= 5 and re.search(r"[.?!][\u201d\u2019\"']?\s*$", line.rstrip()) is not None)


def headline_like(line: str) -> bool:
    """Shaped like a headline: a few words, some lower case, no closing punctuation, not a
    date, label, byline, caption or two sentences."""
    text = line.strip()
    n = len(words(text))
    if not (4 <= n <= 30 and any(c.islower() for c in text)) or len(text.split()) < 3:
        return False
    if text.endswith((".", ":", ";", ",")) or text.startswith(("(", "-", "\u2022", "|")):
        return False
    if navigation(text):
        return False
    if BYLINE.match(text) or is_caption(text) or len(LABELLED.findall(text)) >= 2 or find_dates(text):
        return False
    if text.count(" | ") >= 2:  # a menu ("Markets | Economy | Tax"); a headline has one "| Outlet" at most
        return False
    return not re.search(r"[a-z]{2}[.?!] [A-Z]", text)


def navigation(line: str) -> bool:
    """A menu or breadcrumb line: two or more short parts between separators
    ("News | Sports | Radio | Music", "Media Centre > Press Releases", "Sign in | Subscribe")."""
    parts = [p for p in NAV_SEPARATOR.split(line.strip()) if p.strip()]
    # a long menu may hold a longer item ("Swedish Word of the Day")
    longest = 4 if len(parts) < 4 else 6
    return len(parts) >= 2 and all(len(words(p)) <= longest and not p.rstrip().endswith((".", "?", "!")) for p in parts)


def name_shaped(line: str) -> bool:
    """Shaped like an organisation's or site's name: every word capitalised but connectors, no
    figures or clause punctuation ("Ministry of Agriculture and Livestock Development")."""
    ws = line.split()
    return (2 <= len(ws) <= 10 and not re.search(r"[\d:;,?!%]", line)
            and all(w[0].isupper() or w.lower() in NAME_CONNECTORS for w in ws))


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


def stamps_of(line: str, prose: bool = False) -> list[tuple[float, Stamp]]:
    """(rank, stamp) of each time stamp a header line carries. A byline is split at its
    separators ("Emma Lee · CBC News · Posted: Nov 09, 2023 4:45 PM EST | Last Updated: ...");
    a part that opens with a label ("Posted", "Updated: ...", also after a comma or right after
    another labelled stamp) has the label's rank, a part that is a stamp and at most two other
    words is a page-header date. A line of ``prose`` is not split."""
    rules = stamp_rules()
    out: list[tuple[float, Stamp]] = []
    parts = [line] if prose else rules["separators"].split(line)
    for part in parts[:MAX_PARTS]:
        part = part.strip()
        if not part:
            continue
        labelled, last, tried = False, 0, 0
        for m in rules["label"].finditer(part):
            before = part[max(last, m.start() - 4):m.start()].rstrip()
            follows = labelled and not part[last:m.start()].strip(" ,;.") if m.start() - last <= 4 else False
            if m.start() and not follows and not before.endswith((",", ";")):
                continue
            tried += 1
            if tried > MAX_LABELS:
                break
            stamp = read_stamp(part[m.end():m.end() + STAMP_CHARS])
            if stamp:
                out.append((rules["ranks"][m.group("label").lower()], stamp))
                labelled, last = True, m.end() + stamp.end
        if not labelled:
            stamp = read_stamp(part, whole=True)
            if stamp:
                out.append((HEADER, stamp))
    return out


def resolve(stamp: Stamp, rank: float, page_order: str | None, dateline: str | None) -> tuple[float, dt.date]:
    """The day of a stamp and its rank. An all-numeric "07/11/2024" that the stamp itself does not
    decide takes the page's order (its other numeric dates with a part over 12), else the reading
    a dateline's day agrees with ("LONDON, Nov 7"), else day first at the lowest rank."""
    if not stamp.ambiguous:
        return rank, stamp.readings[0]
    day_first, month_first = stamp.readings
    if page_order:
        return rank, day_first if page_order == "DMY" else month_first
    if dateline:
        agree = [r for r in stamp.readings if (d := dateline_day(dateline, r)) and 0 <= (r - d).days <= 1]
        if len(agree) == 1:
            return rank, agree[0]
    return AMBIGUOUS, day_first


def dateline_date(line: str, reference: dt.date | None) -> dt.date | None:
    """The date of a dateline opening the body; a dateline without a year takes it from
    ``reference``, the page's own stamp (the latest such day on or before it, or a day after it:
    time zones), and without one gives nothing: a year is never guessed."""
    match = DATELINE.match(line)
    if not match or dateline_end(line) is None:
        return None
    found = find_dates(match.group("date"))
    if found:
        return found[0][2]
    return dateline_day(match.group("date"), reference) if reference else None


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
    dated: list[tuple[float, dt.date | str]] = []  # (rank, date or "YYYY-MM")
    stamps: list[tuple[float, Stamp]] = []
    header: list[tuple[int, str]] = []
    body_start = None
    for index, raw in enumerate(lines):
        text_ = raw.text
        if not header and body_start is None and not dated:
            head = HEADER_DATE.match(text_)
            if head:
                date = iso_day_or_month(head.group("date"))
                if date:
                    dated.append((HEADER, date))
                meta.cut[index] = head.end()
                text_ = text_[head.end():]
        rule = boilerplate_rule(text_)
        if not text_.strip() or (rule and rule not in BYLINE_RULES):
            continue
        line = strip_inline(text_).strip()
        near = body_start is None or index - body_start <= AFTER_BODY
        found = stamps_of(line, prose=is_body(line)) if near and not is_caption(line) else []
        if found:
            stamps.extend(found)
            meta.drop.add(index)
            continue
        if rule:
            continue
        if body_start is None and is_body(line):
            body_start = index
        if body_start is None:
            header.append((index, line))
        elif index - body_start > AFTER_BODY:
            break
    first = strip_inline(lines[body_start].text) if body_start is not None else ""
    dateline = DATELINE.match(first) if dateline_end(first) is not None else None
    order = page_day_order(text) if any(s.ambiguous for _, s in stamps) else None
    dated += [resolve(stamp, rank, order, dateline.group("date") if dateline else None) for rank, stamp in stamps]
    days = [d for d in dated if isinstance(d[1], dt.date)]
    reference = min(days, key=lambda d: d[0])[1] if days else None
    date = dateline_date(first, reference) if dateline else None
    if date:
        dated.append((DATELINE_RANK, date))
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
    fitting = [(i, t, c) for i, t, c in distinct if headline_like(t) and taken_up(t, body)]
    # A masthead (the site's or body's name above its menus) or its tagline is not the headline: a
    # name-shaped line, or any line at the very top of the page, with a menu or breadcrumb line after
    # it and before the next fitting line, gives way to that line.
    menus = [i for i, line in header if navigation(line)]
    top = {i for i, _ in header[:MASTHEAD_LINES]}
    while (len(fitting) > 1 and (name_shaped(fitting[0][1]) or fitting[0][0] in top)
           and any(fitting[0][0] < m < fitting[1][0] for m in menus)):
        fitting.pop(0)
    chosen = fitting[0] if fitting else None
    meta.drop |= {i for i, _ in header if chosen is None or i != chosen[0]}
    if chosen is None:
        return None
    index, title, crumbs = chosen
    if crumbs:
        raw = lines[index].text
        offset = meta.cut.get(index, 0)
        meta.cut[index] = offset + raw[offset:].index(title)
    return title
