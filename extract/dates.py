"""Dates as news writes them, and relative time resolved against a reference date."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_TIME = r"(?:[,\s]+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?"
DATE_PATTERNS = [
    re.compile(r"(?P<year>\d{4})[-/.](?P<mon>\d{1,2})[-/.](?P<day>\d{1,2})(?:[T\s]\d{1,2}:\d{2}\S*)?", re.I),
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME, re.I),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME, re.I),
]
DATE_LABEL = re.compile(r"^\s*(?P<label>published|posted|date|updated|last updated|first published)\s*(?:on|at)?\s*:?\s*", re.I)


def _build(year: str, month: str | int, day: str) -> dt.date | None:
    try:
        number = month if isinstance(month, int) else MONTHS[month.lower().rstrip(".")]
        return dt.date(int(year), number, int(day))
    except (KeyError, ValueError):
        return None


def find_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Every full (day, month, year) date in ``text`` with its offsets, in order."""
    found = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = int(m.group("mon")) if "mon" in m.groupdict() and m.group("mon") else m.group("month")
            date = _build(m.group("year"), month, m.group("day"))
            if date and not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), date))
    return sorted(found, key=lambda x: x[0])


def parse_date_line(line: str) -> tuple[dt.date, str | None] | None:
    """The date of a line that holds only a date (optionally labelled "Published:"), and its label."""
    label = DATE_LABEL.match(line)
    rest = line[label.end():] if label else line
    rest = rest.strip()
    for pattern in DATE_PATTERNS:
        m = pattern.fullmatch(rest)
        if m:
            month = int(m.group("mon")) if "mon" in m.groupdict() and m.group("mon") else m.group("month")
            date = _build(m.group("year"), month, m.group("day"))
            if date:
                return date, (label.group("label").lower() if label else None)
    return None


def month_day(text: str, reference: dt.date) -> dt.date | None:
    """A "November 30" / "30 November" without a year: the latest such day on or before ``reference``."""
    m = re.search(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})", text, re.I) or \
        re.search(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b(?!,?\s*\d{4})", text, re.I)
    if not m:
        return None
    for year in (reference.year, reference.year - 1):
        date = _build(str(year), m.group("month"), m.group("day"))
        if date and date <= reference:
            return date
    return None


def weekday_before(name: str, reference: dt.date) -> dt.date:
    """The latest ``name``-day on or before ``reference`` (news says "on Thursday" of this week)."""
    back = (reference.weekday() - WEEKDAYS[name.lower()]) % 7
    return reference - dt.timedelta(days=back)


def reference_date(published: str | None) -> dt.date | None:
    """The publication date as a day, when ``published`` is a valid ``YYYY-MM-DD``; a month
    ("2024-06"), a year or a malformed value ("2024-13-45") gives None, never an error."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def iso_day_or_month(value: str) -> dt.date | str | None:
    """A ``YYYY-MM-DD`` naming a real day as that date, a valid ``YYYY-MM`` as itself, else None."""
    if len(value) == 10:
        return reference_date(value)
    return value if len(value) == 7 and reference_month(value) else None


def reference_month(published: str | None) -> tuple[int, int] | None:
    """(year, month) of ``published`` when it gives at least a valid month ("2024-06")."""
    m = re.match(r"^(\d{4})-(\d{2})", str(published or ""))
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return int(m.group(1)), int(m.group(2))


# Words before a day that make it another day than the event's: a limit, a span's end, or the
# day a measure starts or ends ("takes effect on 1 July", "comes into force on Monday").
_NOT_THE_DAY = (r"(?:before|after|until|till|by|since|next|from|ahead\s+of|coming"
                r"|(?:effect|effective|force|due|scheduled|expires?|expiring|starting|beginning)(?:\s+(?:on|from|for))?)")
_SPAN_AFTER = r"(?:\s*(?:-|\u2013|to|and|through)\s*\d)"
WEEKDAY_WORD = re.compile(r"\b(?:(?P<last>last)\s+)?(?P<name>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})(?!" + _SPAN_AFTER + ")"
                       r"|\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
                       r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
                       r"(?!\.?,?\s*\d{4})", re.I)
RELATIVE_DAY = re.compile(r"\b(?P<word>today|tonight|this\s+(?:morning|afternoon|evening)|yesterday)\b", re.I)


def event_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """The full dates of ``text`` that can be an event's day: not a deadline, a start or an end
    ("must decide by 16 December 2025", "takes effect on 1 July 2026")."""
    return [(s, e, d) for s, e, d in find_dates(text) if not _not_the_day(text, s)]


def _not_the_day(text: str, start: int) -> bool:
    return re.search(rf"\b{_NOT_THE_DAY}\s+(?:the\s+)?$", text[max(0, start - 24):start], re.I) is not None


def day_mentions(text: str, published: str | None, fallback: dt.date | None = None) -> list[tuple[int, int, dt.date]]:
    """The days ``text`` names, resolved: full dates as written; "January 4" / "4 January" to the
    latest such day on or before the reference; "(on) Tuesday" / "said Thursday" to the latest
    such weekday on or before it; "today" ("this afternoon", "tonight"), "yesterday". The reference is ``published`` when it
    is a full date, else ``fallback`` (a full date the text gives). A month-only ``published``
    still dates "June 16" in that year; weekdays then stay unresolved. Days that are not the
    day of the event ("before Thursday", "next Monday", "July 5 to 7") are left out. A year is
    never guessed: with no reference, only full dates count."""
    reference = reference_date(published) or fallback
    month = reference_month(published)
    found = [(s, e, d) for s, e, d in find_dates(text)]

    def taken(start: int) -> bool:
        return any(s <= start < e for s, e, _ in found)

    for m in MONTH_DAY.finditer(text):
        if taken(m.start()) or _not_the_day(text, m.start()):
            continue
        name, day = (m.group("month"), m.group("day")) if m.group("month") else (m.group("month2"), m.group("day2"))
        date = None
        if reference is not None:
            for year in (reference.year, reference.year - 1):
                date = _build(str(year), name, day)
                if date and date <= reference:
                    break
                date = None
        elif month is not None:
            date = _build(str(month[0]), name, day)
        if date:
            found.append((m.start(), m.end(), date))
    if reference is not None:
        for m in WEEKDAY_WORD.finditer(text):
            if taken(m.start()) or _not_the_day(text, m.start()):
                continue
            found.append((m.start(), m.end(), weekday_before(m.group("name"), reference)))
        for m in RELATIVE_DAY.finditer(text):
            if not taken(m.start()):
                back = 1 if m.group("word").lower() == "yesterday" else 0
                found.append((m.start(), m.end(), reference - dt.timedelta(days=back)))
    return sorted(found, key=lambda x: x[0])


# -- Publication time stamps ("Posted: Nov 09, 2023 4:45 PM EST", "2026.07.30 (Thu) 19:15 JST") --

@lru_cache(maxsize=None)
def stamp_rules() -> dict:
    """The time-stamp vocabulary of ``data/date_stamps.json``, its regexes compiled."""
    data = json.loads(resources.files("extract").joinpath("data/date_stamps.json").read_text("utf-8"))
    zones = "|".join(sorted(data["zones"], key=len, reverse=True))
    labels = "|".join(sorted((re.escape(k) for k in data["labels"]), key=len, reverse=True))
    time = rf"(?:{data['time']})"
    zone = rf"\(?\b(?:{zones})\b{data['zone_offset']}\)?"
    numeric = r"(?<![\d.:])\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?![\d])"
    fillers = "|".join(map(re.escape, data["fillers"]))
    month = _MONTH.replace("(?P<month>", "(?:")
    token = (rf"(?:{numeric}|{time}|{zone}|\(?{data['weekday']}\)?,?|{month},?|\d{{1,4}}(?:st|nd|rd|th)?\b,?"
             rf"|\b(?:{fillers})\b|[,\u2013-])")
    return {
        "ranks": {k.lower(): v for k, v in data["labels"].items()},
        "label": re.compile(rf"\b(?P<label>{labels})\b\s*(?:on|at)?\s*:?\s*", re.I),
        "separators": re.compile(data["separators"]),
        # A run of stamp tokens: what a byline's date part is made of.
        "run": re.compile(rf"{token}(?:\s*{token})*", re.I),
        "time": re.compile(time, re.I),
        "zone": re.compile(zone),
        "weekday": re.compile(data["weekday"], re.I),
        "filler": re.compile(rf"\b(?:{fillers})\b|[()]", re.I),
        "ymd": re.compile(r"(?<![\d.:])(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
        "dmy": re.compile(r"(?<![\d.:])(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})(?!\d)"),
        "tolerance": dt.timedelta(days=data["dateline_tolerance_days"]),
    }


@dataclass(frozen=True)
class Stamp:
    """A time stamp read from a page: its day, or both readings of an all-numeric "07/11/2024"
    that nothing in the stamp decides (day first, then month first); ``start``/``end`` are
    its offsets in the text read."""

    readings: tuple[dt.date, ...]
    start: int
    end: int

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _parse_named(text: str) -> dt.date | None:
    import dateparser  # slow to import; only stamp-shaped text comes here

    parsed = dateparser.parse(text, languages=["en"], settings={
        "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True, "DATE_ORDER": "DMY"})
    return parsed.date() if parsed else None


def read_stamp(text: str, whole: bool = False, extra_words: int = 2) -> Stamp | None:
    """The day of the time stamp that opens ``text`` ("Tue 26 Nov 2024 at 5:12pm, updated ...",
    "Oct 10, 2024 18:40 IST Xinhua Print"); with ``whole``, of a text that is a stamp and at
    most ``extra_words`` other words ("Xinhua) 10:10, November 09, 2024"). Times, zones,
    weekdays and fillers are left out and the day is parsed: year first ("2024-12-05",
    "2026.07.30") is always year-month-day; a month's name is read by ``dateparser``; an
    all-numeric day-month pair is decided by a part over 12, else by a weekday written with
    it; dots ("14.05.2025") are day first; else both readings are kept for the page to decide
    (``Stamp.ambiguous``)."""
    rules = stamp_rules()
    runs = [m for m in rules["run"].finditer(text) if re.search(r"\d{4}", m.group())]
    if not runs:
        return None
    run = runs[0]
    if whole:
        rest = text[:run.start()] + " " + text[run.end():]
        if len(re.findall(r"[^\W\d_]{2,}", rest)) > extra_words:
            return None
    elif text[:run.start()].strip(" ,:-\u2013"):
        return None
    part = run.group()
    weekday = rules["weekday"].search(part)
    core = rules["zone"].sub(" ", rules["time"].sub(" ", part))
    core = rules["filler"].sub(" ", rules["weekday"].sub(" ", core))
    core = re.sub(r"\s+", " ", core).strip(" ,-\u2013")
    readings: list[dt.date] = []
    if m := rules["ymd"].fullmatch(core):
        readings = [d for d in [_day(int(m["y"]), int(m["m"]), int(m["d"]))] if d]
    elif m := rules["dmy"].fullmatch(core):
        a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
        dotted = "." in core  # "14.05.2025": dots are written day first, never month first
        readings = list(dict.fromkeys(d for d in (_day(year, b, a), None if dotted else _day(year, a, b)) if d))
        if len(readings) > 1 and weekday:
            named = WEEKDAYS.get(_weekday_name(weekday.group()))
            matching = [d for d in readings if d.weekday() == named]
            readings = matching if len(matching) == 1 else readings
    elif re.search(r"\d{4}", core) and re.search(r"[a-z]", core, re.I):
        readings = [d for d in [_parse_named(core)] if d]
    return Stamp(tuple(readings), run.start(), run.end()) if readings else None


def _weekday_name(text: str) -> str:
    prefix = text.strip("().,").lower()[:3]
    return next(name for name in WEEKDAYS if name.startswith(prefix))


def page_day_order(text: str) -> str | None:
    """"DMY" or "MDY" when the page's own all-numeric dates show it (a part over 12 is the day,
    and every such date agrees), else None."""
    votes = set()
    for m in stamp_rules()["dmy"].finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            votes.add("DMY")
        elif b > 12 >= a:
            votes.add("MDY")
    return votes.pop() if len(votes) == 1 else None


def dateline_day(text: str, reference: dt.date) -> dt.date | None:
    """A year-less dateline's "Dec. 4" / "4 December": the latest such day on or before
    ``reference`` (the page's stamp), allowing a day after it in the same year (time zones)."""
    m = re.search(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b", text, re.I) or \
        re.search(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b", text, re.I)
    if not m:
        return None
    limit = reference + min(stamp_rules()["tolerance"], dt.date.max - reference)
    for year in (reference.year, reference.year - 1):
        date = _build(str(year), m.group("month"), m.group("day"))
        if date and date <= limit:
            return date
    return None
