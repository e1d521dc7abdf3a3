"""Dates as news writes them, and relative time resolved against a reference date."""
from __future__ import annotations

import datetime as dt
import re

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


_NOT_THE_DAY = r"(?:before|after|until|till|by|since|next|from|ahead\s+of|coming)"
_SPAN_AFTER = r"(?:\s*(?:-|\u2013|to|and|through)\s*\d)"
WEEKDAY_WORD = re.compile(r"\b(?:(?P<last>last)\s+)?(?P<name>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})(?!" + _SPAN_AFTER + ")"
                       r"|\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
                       r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
                       r"(?!\.?,?\s*\d{4})", re.I)
RELATIVE_DAY = re.compile(r"\b(?P<word>today|yesterday)\b", re.I)


def day_mentions(text: str, published: str | None, fallback: dt.date | None = None) -> list[tuple[int, int, dt.date]]:
    """The days ``text`` names, resolved: full dates as written; "January 4" / "4 January" to the
    latest such day on or before the reference; "(on) Tuesday" / "said Thursday" to the latest
    such weekday on or before it; "today", "yesterday". The reference is ``published`` when it
    is a full date, else ``fallback`` (a full date the text gives). A month-only ``published``
    still dates "June 16" in that year; weekdays then stay unresolved. Days that are not the
    day of the event ("before Thursday", "next Monday", "July 5 to 7") are left out. A year is
    never guessed: with no reference, only full dates count."""
    reference = reference_date(published) or fallback
    month = reference_month(published)
    found = [(s, e, d) for s, e, d in find_dates(text)]

    def taken(start: int) -> bool:
        return any(s <= start < e for s, e, _ in found)

    def excluded(start: int) -> bool:
        return re.search(rf"\b{_NOT_THE_DAY}\s+(?:the\s+)?$", text[max(0, start - 20):start], re.I) is not None

    for m in MONTH_DAY.finditer(text):
        if taken(m.start()) or excluded(m.start()):
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
            if taken(m.start()) or excluded(m.start()):
                continue
            found.append((m.start(), m.end(), weekday_before(m.group("name"), reference)))
        for m in RELATIVE_DAY.finditer(text):
            if not taken(m.start()):
                back = 1 if m.group("word").lower() == "yesterday" else 0
                found.append((m.start(), m.end(), reference - dt.timedelta(days=back)))
    return sorted(found, key=lambda x: x[0])
