"""The period a figure is for, from the time words of its sentence, resolved against the
publication date.

``time_expressions`` finds every time expression of a sentence with the period it stands
for (``YYYY`` or ``YYYY-YYYY``) and its kind:

- ``explicit``: a year, a span, a fiscal year ("in 2023", "2021-2025", "2024/25", "fiscal
  2024", "by 2030", "from 2016 to 2020", "starting from 2024 ... for five consecutive years");
- ``relative``: words counted from the publication date ("last year", "this year", "in the
  past five years", "last month", "in the first half", "in June", "as of July 16", "currently",
  "the fiscal year starting in April");
- ``anchor``: the day of the reported event ("on Tuesday", "today", "yesterday"), which dates
  the act the sentence reports but not a plan or promise it mentions.

``published`` may be ``YYYY-MM-DD``, ``YYYY-MM`` or None; anything else counts as None.
Without it only explicit expressions resolve.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
_YEAR = r"(?:19|20)\d\d"
COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_N = r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)"
WEEKDAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
HALVES = {"first half": 1, "second half": 7, "first quarter": 1, "second quarter": 4, "third quarter": 7,
          "fourth quarter": 10, "first three months": 1, "first six months": 1, "first nine months": 1}

SPAN = re.compile(rf"\b(?P<a>{_YEAR})\s*(?:-|–|—|/|to|and)\s*(?P<b>(?:19|20)?\d\d)\b(?![-–/]\d)")
YEAR = re.compile(rf"(?<![\d.,$€£¥-])(?P<y>{_YEAR})(?![\d%]|s\b|'s\b)")  # not the 1990s
FOR_YEARS = re.compile(rf"\bfor\s+{_N}\s+(?:consecutive\s+|straight\s+|more\s+)?years\b", re.I)
BETWEEN = re.compile(rf"\bbetween\s+(?:{_MONTH}\s+)?(?P<a>{_YEAR})\s+and\s+(?:(?:{_MONTH.replace('month', 'month2')})\s+)?"
                     rf"(?:(?P<b>{_YEAR})|this\s+year)", re.I)
NAMING = re.compile(r"(?:\b(?:the|a|an|its|their|his|her)\s+|[“\"‘'])$", re.I)
# A comparison base ("from the previous year", "than 2021", "compared with 2019") is not the figure's period.
BASE = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|since|over)\s+(?:the\s+)?(?:same\s+period\s+(?:of|in)\s+)?(?:\w+\s+)?$", re.I)
NOT_BASE = re.compile(r"\b(?:starting|beginning|effective)\s+from\s+(?:\w+\s+)?$", re.I)
BASE_AFTER = re.compile(r"^\s*(?:levels?\b|and\s+beyond\b|onwards?\b)", re.I)
RELATIVE = [  # (pattern, how the period follows from the publication date)
    (rf"\b(?:in\s+|over\s+|during\s+)?the\s+(?:past|last|previous)\s+{_N}\s+years\b", "past_n"),
    (r"\b(?:in\s+|over\s+|during\s+)?the\s+(?:past|last)\s+decade\b", "decade"),
    (r"\b(?:in\s+|over\s+|during\s+)?the\s+(?:past|last)\s+(?:year|12\s+months|twelve\s+months)\b", "past_year"),
    (r"\blast\s+year\b|\ba\s+year\s+(?:ago|earlier)\b|\bthe\s+previous\s+year\b|\bthe\s+year\s+before\b", -1),
    (r"\bthis\s+year\b|\bso\s+far\s+this\s+year\b|\bthe\s+current\s+year\b|\bthis\s+year's\b|\byear[-\s]to[-\s]date\b", 0),
    (r"\bnext\s+year\b", 1),
    (r"\blast\s+month\b", "last_month"), (r"\bthis\s+month\b", 0), (r"\bnext\s+month\b", "next_month"),
    (r"\b(?:currently|at\s+present)\b", 0),
    (r"\b(?:in|during|for|over)\s+the\s+(?P<part>first\s+half|second\s+half|first\s+quarter|second\s+quarter|third\s+quarter"
     r"|fourth\s+quarter|first\s+(?:three|six|nine)\s+months)\b(?!\s+of\s+(?:19|20)\d\d)", "part"),
    # "the fiscal year starting in April": the fiscal year that month opens, a span of two years
    (rf"\b(?:the\s+)?(?:fiscal|financial|budget)\s+year\s+(?P<tense>starting|beginning|that\s+starts|that\s+begins|"
     rf"which\s+starts|which\s+begins|started|began|that\s+started|that\s+began)\s+(?:in\s+|on\s+)?{_MONTH}"
     rf"(?:\s+\d{{1,2}})?(?!\s*,?\s*(?:19|20)\d\d)", "fiscal_start"),
    (rf"\b(?:in|during|for|by|as\s+of|at\s+the\s+end\s+of|the\s+end\s+of|until|till|through|from|before)\s+(?:late\s+|early\s+|mid-?)?{_MONTH}(?!\s*,?\s*(?:19|20)\d\d)", "month"),
    (rf"\bon\s+{_MONTH}\s+\d{{1,2}}\b(?!\s*,?\s*(?:19|20)\d\d)", "month"),
]
RELATIVE = [(re.compile(p, re.I), how) for p, how in RELATIVE]
ANCHOR = re.compile(rf"\b(?:(?:[Oo]n|last|this)\s+)?(?:{WEEKDAYS})\b|\b(?:earlier\s+)?today\b|\byesterday\b")
# The day itself: a market move "in early trading", "today".
DAY = re.compile(r"\b(?:in|during)\s+(?:early|late|morning|afternoon)\s+trading\b|\btoday\b", re.I)
FISCAL = re.compile(rf"\b(?:fiscal(?:\s+year)?|FY)\s*(?P<y>{_YEAR}|\d\d)\b", re.I)


@dataclass(frozen=True)
class Time:
    start: int
    end: int
    period: str
    kind: str  # explicit, relative, anchor
    base: bool = False  # a comparison base ("from 2018", "than the previous year", "on 2005 levels")


def published_date(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` (a time after it is ignored), ``YYYY-MM`` (the first of the month) or
    ``YYYY`` (its last day, so that every month named is of that year); None for anything else."""
    if not value:
        return None
    m = re.fullmatch(r"((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d)(?:[T ][\d:.+Z-]*)?)?)?", str(value).strip())
    if not m:
        return None
    try:
        if m.group(2) is None:
            return dt.date(int(m.group(1)), 12, 31)
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        return None


def _count(text: str) -> int:
    return int(text) if text.isdigit() else COUNT[text.lower()]


def _month_year(month: int, published: dt.date) -> int:
    """The year of a month named without one: this year's, unless it is still to come."""
    return published.year if month <= published.month else published.year - 1


def _relative(how, m: re.Match, published: dt.date) -> str | None:
    year = published.year
    if isinstance(how, int):
        return str(year + how)
    if how == "past_n":
        n = _count(m.group("n"))
        return f"{year - n}-{year if n >= 10 else year - 1}"  # a few completed years; a decade up to now
    if how == "decade":
        return f"{year - 10}-{year}"
    if how == "past_year":
        return f"{year - 1}-{year}"
    if how == "last_month":
        return str(year - 1 if published.month == 1 else year)
    if how == "next_month":
        return str(year + 1 if published.month == 12 else year)
    if how == "part":
        start = HALVES[re.sub(r"\s+", " ", m.group("part").lower())]
        return str(year if start <= published.month else year - 1)
    if how == "month":
        return str(_month_year(MONTHS[m.group("month").lower().rstrip(".")], published))
    if how == "fiscal_start":  # "starting in April" is the next April's, "began in April" the last one's
        month = MONTHS[m.group("month").lower().rstrip(".")]
        if re.search(r"\b(?:started|began)\b", m.group("tense")):
            first = _month_year(month, published)
        else:
            first = year if month >= published.month else year + 1
        return str(first) if month == 1 else f"{first}-{first + 1}"
    return None


def time_expressions(text: str, published: dt.date | None, day_known: bool = True) -> list[Time]:
    """Every time expression of ``text`` with its period, in order of position."""
    found: list[Time] = []

    def taken(pos: int) -> bool:
        return any(t.start <= pos < t.end for t in found)

    for m in BETWEEN.finditer(text):
        end = m.group("b") or (str(published.year) if published else None)
        if end:
            found.append(Time(m.start(), m.end(), f"{m.group('a')}-{end}", "explicit"))
    for m in FISCAL.finditer(text):
        y = m.group("y")
        found.append(Time(m.start(), m.end(), y if len(y) == 4 else "20" + y, "explicit"))
    for m in SPAN.finditer(text):
        if taken(m.start()):
            continue
        a, b = m.group("a"), m.group("b")
        b = b if len(b) == 4 else a[:2] + b  # fiscal "2022-23"
        if a < b and int(b) - int(a) <= 50:
            found.append(Time(m.start(), m.end(), f"{a}-{b}", "explicit"))
    for m in YEAR.finditer(text):
        if taken(m.start()):
            continue
        if re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]) and NAMING.search(text[:m.start()]):
            continue  # "the 2022 CHIPS and Science Act": a year naming something
        period = m.group("y")
        more = FOR_YEARS.search(text, m.end())
        if more and re.search(r"\b(?:from|starting|beginning|since)\s+(?:in\s+)?$", text[:m.start()], re.I):
            period = f"{period}-{int(period) + _count(more.group('n')) - 1}"
        found.append(Time(m.start(), m.end(), period, "explicit"))
    if published:
        for pattern, how in RELATIVE:
            for m in pattern.finditer(text):
                if not taken(m.start()):
                    period = _relative(how, m, published)
                    if period:
                        found.append(Time(m.start(), m.end(), period, "relative"))
        for m in DAY.finditer(text):
            if not taken(m.start()) and day_known:
                found.append(Time(m.start(), m.end(), published.isoformat(), "anchor"))
        for m in ANCHOR.finditer(text):
            if not taken(m.start()):
                found.append(Time(m.start(), m.end(), str(published.year), "anchor"))
    return sorted((_with_base(t, text) for t in found), key=lambda t: t.start)


def _with_base(t: Time, text: str) -> Time:
    before, after = text[:t.start], text[t.end:]
    base = (bool(BASE.search(before)) and not NOT_BASE.search(before) and "-" not in t.period) or bool(BASE_AFTER.match(after))
    return Time(t.start, t.end, t.period, t.kind, base) if base else t


def period_of(text: str, start: int, end: int, others: list[tuple[int, int, bool]], published: dt.date | None,
              realised: bool = True, times: list[Time] | None = None, attached=None, day_only: bool = False) -> str | None:
    """The period of the figure at ``start:end`` in sentence ``text``: the nearest time expression
    that is not a comparison base, not reached only through a base figure ("to 10 percent from
    50 percent in 1988"; ``others`` are the other figures as (start, end, is_base)), not attached
    to another figure in another clause, and (``attached(time)``, when given) in the figure's
    clause. An ``anchor`` (the day of the report) counts only for a ``realised`` figure (an act
    reported, not a plan, promise or state) and only where no other time is given; with
    ``day_only`` (a rate or share: a level, not a flow of the day) only the day itself counts
    ("fell 2 percent in early trading"), not the weekday of a decision ("cut its rate to 6.25%
    on Friday")."""
    times = time_expressions(text, None) if times is None else times
    usable = []
    for t in times:
        if t.base:
            continue
        if t.start >= end and not text[end:t.start].lstrip().lower().startswith("by") and \
                any(end <= o_start < t.start and is_base and not text[o_end:t.start].strip().lower().startswith("by")
                    for o_start, o_end, is_base in others):
            continue
        if t.end <= start and any(o_end <= t.start and re.fullmatch(r"\s*(?:by|in|for)?\s*", text[o_end:t.start])
                                  and re.search(r"\band\b|;", text[t.end:start]) for o_start, o_end, _ in others):
            continue  # "cut demand by 15 percent by 2027 and to mobilise 300 billion euros": 2027 is the 15 percent's
        between = text[end:t.start] if t.start >= end else ""
        if between.count("(") > between.count(")") or (between.count("—") + len(re.findall(r"\s[-–]\s", between))) % 2:
            continue  # "10 percent of its revenue — $383 billion last year —": the aside's time is the aside's
        if attached is not None and not attached(t):
            continue
        usable.append(t)
    dated = [t for t in usable if t.kind != "anchor"]
    if dated:
        return min(dated, key=lambda t: (t.start - end, 0) if t.start >= end else (start - t.end, 1)).period
    anchors = [t for t in usable if not day_only or len(t.period) == 10]
    if realised and anchors:
        return anchors[0].period
    return None


def has_time(times: list[Time]) -> bool:
    """Whether a sentence gives a time of its own (not only a comparison base)."""
    return any(not t.base for t in times)
