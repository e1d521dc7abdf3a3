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
