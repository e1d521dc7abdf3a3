"""Figures: the quantities a text asserts, with value, unit, hedge, measure, subject, period.

Starts from en_core_web_sm's MONEY, PERCENT, QUANTITY and CARDINAL entities (dates,
years and ordinals are other labels, so never figures), reads the number itself, and takes
the period from the time expressions of the same sentence, resolved against the
publication date that the pipeline's caller puts in ``doc._.pkg_published``.
Writes ``doc._.pkg_figures``.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates import MONTHS
from .lexicon import text_of

for _name in ("pkg_figures", "pkg_published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12, "tn": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "hundred": 1e2}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
         "fifty": 50, "hundred": 100, "dozens": 24, "a dozen": 12, "dozen": 12, "a million": 1e6}
CURRENCIES = [  # (pattern, ISO 4217); the first that matches the figure's text wins
    (r"US\$|USD|U\.S\. dollars?|US dollars?", "USD"), (r"HK\$|HKD|Hong Kong dollars?", "HKD"),
    (r"€|euros?|EUR", "EUR"), (r"£|pounds? sterling|pounds?|GBP", "GBP"), (r"₹|rupees?|Rs\.?|INR", "INR"),
    (r"yuan|RMB|renminbi|CNY", "CNY"), (r"yen|JPY", "JPY"), (r"won|KRW", "KRW"), (r"\$|dollars?", "USD"),
    (r"¥", "JPY"),
]
HEDGES = [(r"more than|over|above|exceeding|in excess of|upwards of|at least|nearly [0-9]+ more than", "over"),
          (r"less than|fewer than|under|below|up to|at most|nearly|almost", "under"),
          (r"about|approximately|around|roughly|some|an estimated|estimated|close to|approx\.?", "about")]
# Each hedge as it stands right before a figure ("about 13,000", "more than $5 billion").
HEDGE_BEFORE = [(re.compile(rf"\b(?:{pattern})\s+(?:\$|€|£|₹|¥)?\s*$"), re.compile(rf"(?:{pattern})\b"), kind)
                for pattern, kind in HEDGES]
PEOPLE = {"people": "person", "persons": "person", "individuals": "person"}


def parse_number(text: str) -> float | None:
    """"600 million" -> 6e8, "13,000" -> 13000, "1.2 billion" -> 1.2e9, "100 crore" -> 1e9."""
    text = text.lower().replace(",", "")
    m = re.search(r"(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion|mn|bn|tn|lakhs?|crores?|[mbk](?![a-z]))?", text)
    if m:
        value = float(m.group(1))
        scale = m.group(2)
        return value * (1e3 if scale == "k" else SCALES.get(scale or "", 1))
    for word, value in sorted(WORDS.items(), key=lambda w: -len(w[0])):
        if re.search(rf"\b{word}\b", text):
            rest = re.search(rf"\b{word}\s+(thousand|million|billion|trillion)\b", text)
            return value * (SCALES[rest.group(1)] if rest else 1)
    return None


@Language.factory("policykg_figures", requires=["doc.ents", "token.dep"], assigns=["doc._.pkg_figures"])
def make_figures(nlp: Language, name: str):
    return find_figures


def find_figures(doc: Doc) -> Doc:
    published = _date(doc._.pkg_published)
    figures: list[dict] = []
    for ent in doc.ents:
        if ent.label_ not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
            continue
        figure = _read(ent)
        if figure is None:
            continue
        figure["period"] = _period(ent, published)
        prev = figures[-1] if figures else None
        between = text_of(doc)[prev["end"]:ent.start_char] if prev else ""
        if prev and re.fullmatch(r"\s*\(\s*", between) and figure["unit"] != prev["unit"]:
            figure["equivalent_to"] = len(figures) - 1
            figure["measure"] = prev["measure"]  # a conversion measures what it converts
            for k in ("subject", "period"):
                figure[k] = figure[k] or prev[k]
        figures.append(figure)
    doc._.pkg_figures = figures
    return doc


SYMBOLS = r"(?:Rs\.?|INR|₹|US\$|HK\$|\$|€|£|¥|USD|EUR|GBP|JPY|CNY|RMB)"
SYMBOL_BEFORE = re.compile(SYMBOLS + r"\s*$")
MONEY_AFTER = re.compile(r"\s*(?:(thousand|million|billion|trillion|crores?|lakhs?)\s+)?"
                         r"(yuan|renminbi|RMB|euros?|rupees?|pounds?(?:\s+sterling)?|yen|won|(?:US\s+)?dollars?)\b"
                         r"|\s*(thousand|million|billion|trillion|crores?|lakhs?)\b", re.I)


def _money_span(ent: Span) -> tuple[int, int] | None:
    """A sum NER cut short: "Rs 5,000 crore", "3,938 crore rupees", "3 billion euros" -> its full extent."""
    whole = text_of(ent.doc)
    start, end = ent.start_char, ent.end_char
    before = SYMBOL_BEFORE.search(whole[max(0, start - 6):start])
    if before and not re.match(r"\s*" + SYMBOLS, ent.text):
        start -= len(before.group(0))
    after = MONEY_AFTER.match(whole[end:end + 30])
    if after and (after.group(2) or before or ent.label_ == "MONEY"):
        end += after.end()
    if (start, end) == (ent.start_char, ent.end_char) and ent.label_ != "MONEY":
        return None
    return start, end


def _read(ent: Span) -> dict | None:
    whole = text_of(ent.doc)
    start, end = ent.start_char, ent.end_char
    money = _money_span(ent)
    if money and (ent.label_ == "MONEY" or _currency(whole[money[0]:money[1]], whole)):
        start, end = money
    text = whole[start:end]
    context = whole[max(0, start - 25):start]
    value = parse_number(text)
    if value is None:
        return None
    if ent.label_ == "PERCENT":
        unit = "percent"
    elif money and (start, end) == money:
        unit = _currency(text + " " + whole[end:end + 12], whole)
        if unit is None:
            return None
    else:
        if re.fullmatch(r"(1[89]|20)\d\d", text.strip()) or re.search(r"\d-\d{4,}", text):
            return None  # a year, or a telephone number
        if re.match(r"-[A-Za-z]", whole[end:end + 2]):
            return None  # "2-nanometre chips", "a 5-year plan": a modifier, not a quantity asserted
        noun = _counted_noun(ent)
        if noun is None:
            return None
        if noun.dep_ == "appos" and any(c.dep_ == "conj" for c in noun.head.children):
            return None  # "hydrogen and offshore wind, two fields ...": a count of what was just listed
        unit = PEOPLE.get(noun.lower_, noun.lemma_.lower())
        if unit in ("year", "month", "day", "week", "time", "percent"):
            return None
    approx = None
    before = context.lower() + " "  # patterns compiled once: one per figure would miss re's cache
    for hedge_before, hedge_inside, kind in HEDGE_BEFORE:
        if hedge_before.search(before) or hedge_inside.match(text.lower()):
            approx = kind
            break
    return {"start": start, "end": end, "text": text, "value": value, "unit": unit,
            "approx": approx, "measure": _measure(ent), "subject": _subject(ent), "period": None,
            "equivalent_to": None, "sentence": ent.sent.start_char}


def _currency(text: str, whole: str) -> str | None:
    for pattern, code in CURRENCIES:
        if re.search(rf"(?<![A-Za-z]){pattern}(?![A-Za-z])", text, re.I if code not in ("USD",) else 0):
            if code == "JPY" and "¥" in text and re.search(r"\byuan\b|\bRMB\b", whole):
                return "CNY"
            return code
    return None


def _counted_noun(ent: Span):
    """The noun a number counts: "300 cases" -> cases; "29 provincial-level procuratorates" -> procuratorates."""
    for token in ent:
        if token.dep_ in ("nummod", "quantmod") and token.head.pos_ in ("NOUN", "PROPN") and token.head not in ent:
            return token.head
    last = ent[-1]
    for nxt in ent.doc[ent.end:ent.end + 4]:
        if nxt.pos_ == "NOUN":
            return nxt
        if nxt.pos_ not in ("ADJ", "PUNCT", "ADV") and nxt.text != "-":
            break
    return last if last.pos_ == "NOUN" else None


def _measure(ent: Span) -> str | None:
    """A short phrase of what is counted: the counted noun with its modifiers and "of ..." phrase."""
    head = ent.root.head if ent.root.head not in ent else ent.root
    if ent.label_ in ("CARDINAL", "QUANTITY"):
        noun = _counted_noun(ent)
        if noun is not None:
            words = [t for t in noun.subtree if t not in ent and not t.is_punct and t.dep_ not in ("det", "advmod", "quantmod")]
            return " ".join(t.text for t in words[:8]) or None
    if head.pos_ in ("VERB", "NOUN"):
        return head.lemma_
    return None


def _subject(ent: Span) -> str | None:
    token = ent.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") and not any(c in ent for c in child.subtree):
                    return " ".join(t.text for t in child.subtree if t.dep_ not in ("det",))[:80]
        if token.head is token:
            break
        token = token.head
    return None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


RELATIVE = [
    (r"\b(?:in\s+)?the\s+(?:past|last)\s+(two|three|four|five|\d+)\s+years\b", "span"),
    (r"\b(?:in\s+)?the\s+(?:past|last)\s+(?:year|12\s+months)\b", "year to date"),
    (r"\blast\s+year\b|\ba\s+year\s+(?:ago|earlier)\b", -1),
    (r"\bthis\s+year\b|\bso\s+far\s+this\s+year\b|\bthe\s+current\s+year\b", 0),
    (r"\bnext\s+year\b", 1),
]
_MONTH_NAME = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
COUNT = {"two": 2, "three": 3, "four": 4, "five": 5}


def _period(ent: Span, published: dt.date | None) -> str | None:
    """The year or span a figure is for, from its sentence's time expressions."""
    sent = ent.sent
    text = sent.text
    offset = ent.start_char - sent.start_char
    candidates: list[tuple[int, str]] = []
    for m in re.finditer(r"\b((?:19|20)\d\d)\s*(?:-|–|to)\s*((?:19|20)?\d\d)\b", text):
        last = m.group(2) if len(m.group(2)) == 4 else m.group(1)[:2] + m.group(2)  # fiscal "2022-23"
        if last > m.group(1):
            candidates.append((m.start(), f"{m.group(1)}-{last}"))
    for m in re.finditer(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])", text):
        if re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]) and re.search(r"\b(?:the|a|its|their)\s+$", text[:m.start()]):
            continue  # "the 2022 CHIPS and Science Act": a year naming something
        if not any(s <= m.start() < s + 9 for s, _ in candidates):
            candidates.append((m.start(), m.group(1)))
    if published:
        for m in re.finditer(r"\b(?:in|during|for)\s+" + _MONTH_NAME + r"\b(?!\s+\d)", text):
            month = MONTHS[m.group(1).lower()]
            year = published.year if month <= published.month else published.year - 1
            candidates.append((m.start(), str(year)))
    if published:
        for pattern, shift in RELATIVE:
            for m in re.finditer(pattern, text, re.I):
                if shift == "year to date":
                    candidates.append((m.start(), f"{published.year - 1}-{published.year}"))
                elif shift == "span":
                    n = int(COUNT.get(m.group(1).lower(), m.group(1)) if not m.group(1).isdigit() else m.group(1))
                    candidates.append((m.start(), f"{published.year - n}-{published.year - 1}"))
                else:
                    candidates.append((m.start(), str(published.year + shift)))
    # A comparison base ("from the previous year", "than 2021") is not the figure's period.
    usable = [(pos, p) for pos, p in candidates
              if not re.search(r"\b(?:from|than|compared\s+(?:with|to)|over|since)\s+(?:the\s+)?(?:\w+\s+)?$", text[:pos])]
    # "fell to about 10 percent from roughly 50 percent in 1988": a time closer to another figure is that one's.
    others = [f.start_char - sent.start_char for f in sent.ents
              if f.label_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") and f.start_char != ent.start_char]
    usable = [(pos, p) for pos, p in usable if not (pos > offset and any(offset < o < pos for o in others))]
    if not usable:
        return None
    return min(usable, key=lambda c: abs(c[0] - offset))[1]
