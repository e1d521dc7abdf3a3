"""Figures: the quantities a text asserts, with value, unit, hedge, measure, subject, period.

Money and percentages are read by one regex over the text, built from the CLDR currency
data (``currencies.py``) and the words of ``data/figure_units.json``: "Rs 5,000 crore",
"R277-billion", "USD10m", "$3-5bn" (a range is two figures), "62 to 70 per cent",
"3 billion euros". Counts start from en_core_web_sm's CARDINAL and QUANTITY entities (and
DATE/TIME ones that are durations, "up to 69 hours") and need a counted noun, which gives
the unit. Numbers that are part of names, models and technologies ("5G", "FTSE 100",
"2-nanometre"), ranks, denominators, exchange-rate notes, years and ordinals are not
figures, nor are numbers in page furniture (tickers, trailing headline lists). A quantity
restated (headline, lede, quote) is one figure. The period comes from ``periods.py``.
Writes ``doc._.pkg_figures``.
"""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from .currencies import currencies, Currencies
from .lexicon import text_of
from .periods import Time, has_time, period_of, published_date, time_expressions

for _name in ("pkg_figures", "pkg_published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
HEDGES = [  # (words right before a figure, kind); longest first where one contains another
    (r"not more than|no more than|not exceeding|a maximum of|at most|as much as|as many as|as high as|"
     r"less than|fewer than|just under|up to|under|below|nearly|almost|close to", "under"),
    (r"more than|over|above|exceeding|exceeds?|exceeded|in excess of|upwards of|at least|no less than|"
     r"not less than|a minimum of|just over|topping|topped", "over"),
    (r"about|approximately|around|roughly|some|an estimated|estimated|approx\.?|circa", "about"),
]
HEDGE_RE = re.compile(r"(?:^|[^\w])(" + "|".join(f"(?P<h{i}>{p})" for i, (p, _) in enumerate(HEDGES)) + r")\s+$", re.I)
HEDGE_AFTER = [(re.compile(r"^\s*(?:or\s+(?:more|longer|above|higher|greater)|and\s+(?:above|more)|plus\b|\+)", re.I), "over"),
               (re.compile(r"^\s*(?:or\s+(?:less|fewer|below|lower|shorter))", re.I), "under")]
REFERENCE_DET = {"the", "these", "those", "both", "its", "their", "his", "her", "our", "my", "your", "each", "every", "per"}
ORDINAL_BEFORE = {"first", "second", "third", "last", "next", "top", "final", "past", "previous", "initial", "latest"}
# A duration is a figure where it is the quantity measured: "a workweek of 60 hours", "up to 69 hours",
# "from 74.8 years to 78.2 years"; elsewhere ("in 15 minutes", "for five years") it is a span of time.
DURATION_BEFORE = re.compile(r"\b(?:of|from|to|up\s+to|at\s+most|average|cap\s+of|maximum\s+of)\s+$", re.I)
IRREALIS = {"will", "would", "could", "may", "might", "should", "can", "must", "shall", "'ll"}
PLAN_NOUNS = {"scheme", "plan", "package", "programme", "program", "fund", "budget", "proposal", "target", "goal", "bill",
              "initiative", "facility", "project", "deal", "pledge", "commitment"}


def _load(name: str) -> dict:
    if not name:
        return {}
    return json.loads(resources.files("extract").joinpath("data", name).read_text(encoding="utf-8"))


class Reader:
    """The words and regexes of one units file and one currency-rules file."""

    def __init__(self, units_file: str = "figure_units.json", rules_file: str = "currency_rules.json"):
        units = _load(units_file)
        self.scales = {k.lower(): float(v) for k, v in units.get("scales", {}).items()}
        self.suffixes = {k.lower(): float(v) for k, v in units.get("suffixes", {}).items()}
        self.number_words = {k.lower(): float(v) for k, v in units.get("number_words", {}).items()}
        self.fractions = {k.lower(): float(v) for k, v in units.get("fractions", {}).items()}
        self.durations = set(units.get("durations", []))
        self.not_units = set(units.get("not_units", []))
        self.unit_names = {k.lower(): v for k, v in units.get("unit_names", {}).items()}
        UNIT_ABBREVIATIONS.update(k for k in self.unit_names if len(k) <= 3)
        self.compound_heads = set(units.get("compound_heads", []))
        self.multiples = set(units.get("multiples", []))
        self.currency: Currencies = currencies(rules_file)
        self.regex = self._money_regex(units)
        self.fraction_re = self._fraction_regex()

    @staticmethod
    def _alt(words, flags: str = "") -> str:
        words = sorted({w for w in words if w}, key=len, reverse=True)
        body = "|".join(re.escape(w).replace(r"\ ", r"[\s-]?") for w in words) or r"(?!)"
        return f"(?{flags}:{body})" if flags else f"(?:{body})"

    def _money_regex(self, units: dict) -> re.Pattern:
        scale_words = self._alt(self.scales, "i")
        glued = self._alt(self.suffixes)
        spaced = self._alt(units.get("spaced_suffixes", []))
        scale = rf"(?:[\s-]{scale_words}\b(?:\s{scale_words}\b)?|{glued}\b|\s{spaced}\b)"  # "2.5 lakh crore"
        words = self._alt([w for w in self.number_words if " " not in w], "i")
        pct_words = self._alt([w for w in units.get("percent", []) if w != "%"])
        number = rf"(?:{NUM}|\b{words}(?=\s+(?:{scale_words}|{pct_words})\b))"  # "one billion", "three per cent"
        pct = rf"(?:\s?%|\s?{pct_words}\b)" if "%" in units.get("percent", []) else rf"(?:\s?{pct_words}\b)"
        prefix = self.currency.prefix_re.pattern
        name = self.currency.name_re.pattern
        # The lookahead skips, cheaply, every position with no digit near and no number word.
        return re.compile(
            rf"(?<![\w.,/])(?=[^\n]{{0,8}}?\d|[A-Za-z]+[\s-]+(?:{scale_words}|{pct_words})\b)(?P<neg>[-−](?=\d))?(?:(?P<pre>{prefix})\s?|(?<![\w.,]))(?P<n1>{number})(?P<s1>{scale})?"
            rf"(?:\s?(?:-|–|to)\s?(?P<pre2>{prefix})?(?P<n2>{NUM})(?P<s2>{scale})?)?"
            rf"(?:(?P<pct>{pct})|\s(?P<name>{name})|(?P<name2>{name}))?")

    def _fraction_regex(self) -> re.Pattern:
        fr = self._alt(self.fractions, "i")
        return re.compile(rf"\b(?:(?P<by>by)\s+)?(?P<n>a|an|one|two|three|four|nine)[\s-](?P<f>{fr})\b(?P<of>\s+of\b)?"
                          rf"|(?<![\w-])(?<!first )(?<!second )(?P<half>[Hh]alf)\s+of\b", re.I)

    def number(self, text: str) -> float | None:
        """"600 million" -> 6e8, "13,000" -> 13000, "100 crore" -> 1e9, "£30m" -> 3e7, "three" -> 3."""
        low = text.lower()
        m = re.search(NUM, low)
        if m:
            value = float(m.group(0).replace(",", ""))
            rest = low[m.end():]
        else:
            words = sorted(self.number_words, key=len, reverse=True)
            m = next((m for w in words for m in [re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low)] if m), None)
            if m is None:
                return None
            value = self.number_words[m.group(0)]
            rest = low[m.end():]
        for scale in re.findall(r"[a-z]+", rest)[:2]:
            if scale in self.scales:
                value *= self.scales[scale]
            elif rest.lstrip().startswith(scale) and scale in self.suffixes:
                value *= self.suffixes[scale]
                break
            else:
                break
        return value


@lru_cache(maxsize=4)
def reader(units_file: str = "figure_units.json", rules_file: str = "currency_rules.json") -> Reader:
    return Reader(units_file, rules_file)


def parse_number(text: str) -> float | None:
    """A number as written, with its scale words (the default tables)."""
    return reader().number(text)


@Language.factory("policykg_figures", default_config={"units": "figure_units.json", "currencies": "currency_rules.json"},
                  requires=["doc.ents", "token.dep"], assigns=["doc._.pkg_figures"])
def make_figures(nlp: Language, name: str, units: str, currencies: str):
    return FigureFinder(reader(units, currencies))


class FigureFinder:
    def __init__(self, reader: Reader):
        self.reader = reader

    def __call__(self, doc: Doc) -> Doc:
        doc._.pkg_figures = find_figures(doc, self.reader)
        return doc


def find_figures(doc: Doc, rd: Reader | None = None) -> list[dict]:
    rd = rd or reader()
    text = text_of(doc)
    furniture = _furniture(text)
    found = [f for f in _money_and_percent(doc, rd, text) + _fractions(doc, rd, text) if not _in(f["start"], furniture)]
    taken = _merged_ranges([(f["start"], f["end"]) for f in found])
    for run in _number_runs(doc, rd):
        if _in(run.start_char, furniture) or _overlaps(run.start_char, run.end_char, taken):
            continue
        figure = _count(run, rd, text)
        if figure:
            found.append(figure)
    found.sort(key=lambda f: f["start"])
    _periods(doc, found, text)
    figures = _merge_restated(found)
    for i, figure in enumerate(figures):
        prev = figures[i - 1] if i else None
        between = text[prev["end"]:figure["start"]] if prev else ""
        if prev and re.fullmatch(r"\s*\(\s*(?:about|around|approximately|roughly|some)?\s*", between, re.I) \
                and figure["unit"] != prev["unit"]:
            figure["equivalent_to"] = i - 1
            figure["measure"] = prev["measure"]  # a conversion measures what it converts
            for k in ("subject", "period"):
                figure[k] = figure[k] or prev[k]
    for f in figures:
        f.pop("_key", None)
        f.pop("_span", None)
    return figures


def _merged_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ranges covering the same characters (for bisect look-ups)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _in(pos: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of the sorted, non-overlapping ``ranges``."""
    i = bisect.bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_left(ranges, (end, -1)) - 1
    return i >= 0 and ranges[i][1] > start


def _furniture(text: str) -> list[tuple[int, int]]:
    """Lines that are page furniture, not prose: bulleted or ticker lines (no word of three
    lower-case letters), and the run of short lines after the last line of prose (related
    headlines, "Latest Stories")."""
    from .clean import lines_of
    from .metadata import is_body
    lines = lines_of(text)
    out = [(ln.start, ln.end) for ln in lines
           if re.match(r"\s*[-•*·▪►]\s", ln.text) or (ln.text.strip() and not re.search(r"[a-z]{3}", ln.text))]
    last_body = max((i for i, ln in enumerate(lines) if is_body(ln.text) or len(ln.text.split()) >= 15), default=len(lines))
    out += [(ln.start, ln.end) for ln in lines[last_body + 1:]]
    return _merged_ranges(out)


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _approx(text: str, start: int, end: int, inside: str = "") -> str | None:
    before = text[max(0, start - 30):start]
    if inside:
        before = before + " " + inside  # NER may include the hedge: "more than 4,500"
    m = HEDGE_RE.search(before)
    if m:
        for i, (_, kind) in enumerate(HEDGES):
            if m.group(f"h{i}"):
                return kind
    after = text[end:end + 20]
    for pattern, kind in HEDGE_AFTER:
        if pattern.match(after):
            return kind
    return None


def _figure(doc: Doc, start: int, end: int, value: float, unit: str, approx: str | None, key: str) -> dict | None:
    span = _span(doc, start, end)
    if span is None:
        return None
    return {"start": start, "end": end, "text": text_of(doc)[start:end],
            "value": value, "unit": unit, "approx": approx, "measure": _measure(span), "subject": _subject(span),
            "period": None, "equivalent_to": None, "sentence": span.sent.start_char, "_key": key, "_span": span}


def _money_and_percent(doc: Doc, rd: Reader, text: str) -> list[dict]:
    """Every sum of money and percentage the regex finds; a range gives two figures."""
    out = []
    for m in rd.regex.finditer(text):
        unit = _money_unit(m, rd, text)
        if unit is None:
            continue
        values = _values(m, rd, unit)
        if not values:
            continue
        start = m.start("neg") if m.group("neg") else (m.start("pre") if m.group("pre") else m.start("n1"))
        approx = _approx(text, start, m.end())
        for value in values:
            f = _figure(doc, start, m.end(), value, unit, approx, _key(value, unit, m.group(0)))
            if f:
                out.append(f)
    return out


def _money_unit(m: re.Match, rd: Reader, text: str) -> str | None:
    """"percent", the ISO code of the match's currency, or None when the match is no figure."""
    pct, name = m.group("pct"), m.group("name") or m.group("name2")
    pre = m.group("pre") or m.group("pre2")
    scaled = m.group("s1") or m.group("s2")
    if not (pct or name or pre):
        return None  # a bare number: a count, if anything (see _count)
    if re.match(r"\s*=", text[m.end():m.end() + 3]) or re.match(r"\s*=", text[m.end("n1"):m.end("n1") + 3]) \
            or re.search(r"=\s*$", text[max(0, m.start() - 3):m.start()]):
        return None  # "($1 = 0.9223 euros)": an exchange-rate note
    if pre and pre[-1:].isalpha() and not scaled and (not re.match(r"\s", text[m.end("pre"):]) or len(pre) == 1) \
            and not (re.search(r"[,.]\d", m.group("n1")) or (len(pre.strip()) >= 2 and not pre.isupper())):
        return None  # "COP28", "R5": a letter symbol glued to a bare number is a name ("Rs600,000", "Rs500" are sums)
    if re.fullmatch(r"(?:19|20)\d\d", m.group("n1")) and not (pct or scaled or pre):
        return None  # "in 2023 dollars"
    if pct:
        return _point_unit(pct)
    return rd.currency.code(name, text, name=True) if name else rd.currency.code(pre.strip(), text)


POINT_UNITS = ("percent", "percentage point", "basis point")


def _point_unit(written: str) -> str:
    """"percent", or the unit of a change in a rate: "percentage point", "basis point" ("bps")."""
    low = written.lower()
    if "basis" in low or re.fullmatch(r"\s*bps?", low):
        return "basis point"
    return "percentage point" if "point" in low else "percent"


def _values(m: re.Match, rd: Reader, unit: str) -> list[float]:
    """The match's value, or both ends of a range ("$3-5bn": the scale of the second end is the
    first's too); a "range" whose second end is smaller is no range ("$5-3"), but its first value."""
    s1, s2, n2 = m.group("s1"), m.group("s2"), m.group("n2")
    v1 = rd.number(m.group("n1") + (s1 or s2 or ""))
    if v1 is None:
        return []
    if m.group("neg"):
        v1 = -v1
    v2 = rd.number(n2 + (s2 or s1 or "")) if n2 else None
    if v2 is not None and (v2 > v1 or unit in POINT_UNITS):
        return [v1, v2]
    return [v1]


def _fractions(doc: Doc, rd: Reader, text: str) -> list[dict]:
    """Shares written as words: "a quarter of", "by one third", "two thirds of", "half of"."""
    out = []
    counts = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
    for m in rd.fraction_re.finditer(text):
        after = text[m.end():m.end() + 40]
        if re.match(r"\s*an?\s+(?:century|decade|year|month|week|day|hour|mile|kilomet)", after, re.I):
            continue  # "over a quarter of a century": a span of time, not a share
        unit, end = "percent", m.end()
        if m.group("half"):
            value = rd.fractions.get("half", 50.0)
        elif m.group("of") or m.group("by") or (m.group("f").lower() in ("thirds", "fifths", "tenths")
                                                 and counts[m.group("n").lower()] >= 2):
            value = round(counts[m.group("n").lower()] * rd.fractions[m.group("f").lower()], 2)
        else:
            continue
        point = re.match(r"\s*(?:an?\s+)?(percentage\s+point|basis\s+point|per\s*cent(?:age)?\s+point)s?\b", after, re.I) \
            if m.group("of") else None
        if point:  # "a quarter of a percentage point": 0.25 percentage point
            unit, value, end = _point_unit(point.group(1)), round(value / 100, 4), m.end() + point.end()
        start = m.start("by") if m.group("by") else m.start()
        f = _figure(doc, start, end, value, unit, _approx(text, start, end), _key(value, unit, m.group(0)))
        if f:
            out.append(f)
    return out


def _key(value: float, unit: str, written: str) -> str:
    """What makes two mentions the same quantity: value, unit, and the numbering system
    (a "100 crore" beside "1 billion" is the text's own conversion, a figure of its own)."""
    system = "indian" if re.search(r"crore|lakh|\blac\b", written, re.I) else "western"
    return f"{value:.6g}|{unit}|{system}"


def _merge_restated(found: list[dict]) -> list[dict]:
    """A quantity restated (headline, lede, quote) is one figure: the first mention, with the
    first hedge and the first period any mention gives."""
    out: list[dict] = []
    seen: dict[str, dict] = {}
    for f in found:
        first = seen.get(f["_key"])
        if first is not None and f["start"] >= first["end"]:
            first["approx"] = first["approx"] or f["approx"]
            first["period"] = first["period"] or f["period"]
            continue
        seen.setdefault(f["_key"], f)
        out.append(f)
    return out


NAME_ENTS = {"ORDINAL", "PERSON", "ORG", "PRODUCT", "GPE", "FAC", "LAW", "EVENT", "WORK_OF_ART", "NORP", "LOC", "LANGUAGE"}
MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


UNIT_ABBREVIATIONS: set[str] = set()  # filled by Reader: "ZB", "km", "MW" count as nouns
GLUED_NUMBER = re.compile(rf"{NUM}([a-z]{{1,3}})")
SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "crore", "lakh"}


def _number_runs(doc: Doc, rd: Reader):
    """Each written number with its scale words and suffixes: "1.35 million", "2.5 crore",
    "1.5m", "three", "718,000" (not spaCy's entities: they cut "More than 1.36 billion" badly)."""
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        glued = GLUED_NUMBER.fullmatch(tok.lower_)  # "2.3mn", "10k" as one token
        if re.search(r"\d[/-]\d", tok.text):  # "24/7", "9/11", "3-1": dates, scores, ratios
            i += 1
            continue
        if not (tok.like_num and any(c.isdigit() for c in tok.text) or tok.lower_ in rd.number_words
                or glued and glued.group(1) in rd.suffixes) or tok.lower_ in ("a", "an"):
            i += 1
            continue
        j = i + 1
        while j < n and (doc[j].lower_ in rd.scales or (doc[j].lower_ in rd.suffixes and not doc[j - 1].whitespace_)):
            j += 1
        yield doc[i:j]
        i = j


def _count(run: Span, rd: Reader, text: str) -> dict | None:
    """A count: a number with the noun it counts ("300 cases", "2.5 crore farmers", "up to 69 hours")."""
    span = _trim_names(run)
    if span is None or _not_a_quantity(span, rd, text):
        return None
    doc = span.doc
    first = next(t for t in span if t.like_num or t.lower_ in rd.number_words or GLUED_NUMBER.fullmatch(t.lower_))
    value = rd.number(doc[first.i:span.end].text)
    noun = _counted_noun(span)
    if value is None or noun is None:
        return None
    if noun.dep_ == "appos" and any(c.dep_ == "conj" for c in noun.head.children):
        return None  # "hydrogen and offshore wind, two fields ...": a count of what was just listed
    unit = _unit(noun, rd)
    if unit is None or _a_span_of_time(span, noun, unit, rd, text):
        return None
    if re.search(r"\b(?:and|or)\s+(?:[\w-]+\s+){0,3}[\w-]+,\s*$", text[max(0, span.start_char - 60):span.start_char]) \
            and value <= 12:
        return None  # "hydrogen and offshore wind, two fields ...": a count of what was just listed
    if re.match(r"\s*(?:ahead|ago|later|earlier)\b", text[noun.idx + len(noun):noun.idx + len(noun) + 10]):
        return None  # "three days ahead of ...": a distance in time
    if first.lower_ == "one" and len(span) == 1:
        return None  # "only one resolution", "one of": rarely a quantity asserted
    start = span.start_char
    end = max(span.end_char, noun.idx + len(noun)) if span.start <= noun.i < span.end + 6 else span.end_char
    approx = _approx(text, start, end, inside=text[start:first.idx])
    return _figure(doc, start, end, value, unit, approx, _key(value, unit, span.text))


def _trim_names(run: Span) -> Span | None:
    """The run without a number that is glued to letters after it ("718,000 5G": the 5 is a name's)."""
    doc = run.doc
    for tok in run:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.like_num and not tok.whitespace_ and nxt is not None and nxt.is_alpha and nxt.is_upper and len(nxt) <= 2:
            return doc[run.start:tok.i] if tok.i > run.start else None
    return run


def _not_a_quantity(span: Span, rd: Reader, text: str) -> bool:
    """A number that names, ranks, dates or refers rather than counts."""
    doc = span.doc
    first = span[0]
    prev = doc[first.i - 1] if first.i else None
    after = text[span.end_char:span.end_char + 3]
    if first.ent_type_ in NAME_ENTS or (prev is not None and prev.lower_.rstrip(".") in MONTH_WORDS) \
            or (span.end < len(doc) and doc[span.end].lower_.rstrip(".") in MONTH_WORDS):
        return True  # inside a name, a law, a product; a day of a month
    if span.start >= 2 and doc[span.start - 1].text == "." and doc[span.start - 2].lower_ in ("no", "nos"):
        return True  # "No. 2 economy": a rank
    if re.match(r"-[A-Za-z]|\s*=|[A-Za-z]", after):
        return True  # "2-nanometre chips", "a 5-year plan": a modifier, not a quantity asserted
    if re.fullmatch(r"(?:1[89]|20)\d\d", first.text) and not (span.end < len(doc) and doc[span.end].tag_ == "NNS"):
        return True  # a year ("its 2035 climate goal"), unless it counts something ("1900 workers")
    if re.match(r"[-/]\d", after) or re.search(r"\d[-/]$", text[max(0, span.start_char - 2):span.start_char]):
        return True  # "won 3-1", "a 50-50 split", "24/7", "9/11", "52-48": scores, ratios, dates
    if re.search(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of)\s+$",
                 text[max(0, first.idx - 16):first.idx], re.I):
        return True  # "1 in 5 graduates", "three out of four": a ratio, not a count
    if prev is None:
        return False
    if (prev.lower_ in REFERENCE_DET and (first.is_alpha or prev.lower_ in ("every", "each", "per"))) \
            or prev.lower_ in ORDINAL_BEFORE or prev.lower_.rstrip(".") in ("no", "number", "nos"):
        return True  # "the two sides", "first two batches", "every 10,000 people": references, ranks, denominators
    if prev.text[:1].isupper() and prev.is_alpha and prev.whitespace_ \
            and prev.ent_type_ != "DATE" and prev.lower_ not in rd.number_words and prev.pos_ in ("PROPN", "NOUN"):
        return True  # "FTSE 100", "iPhone 11", "Nikkei 225", "Level 4": a number in a name
    if prev.text in ("-", "–") and first.i >= 2 and doc[first.i - 2].is_alpha and not prev.whitespace_:
        return True  # "Covid-19", "F-35"
    if prev.like_num and any(c.isdigit() for c in prev.text) and first.text[:1].isdigit():
        return True  # "30 737 Max jets": a number right after another is a model's name
    return not prev.whitespace_ and prev.is_alpha  # "G20", "COP28"


def _a_span_of_time(span: Span, noun, unit: str, rd: Reader, text: str) -> bool:
    """A duration is a figure only where it is the quantity measured ("a workweek of 60 hours");
    "in the past five years", "waiting more than 18 months" are spans of time."""
    if span[0].ent_type_ not in ("DATE", "TIME") and unit not in rd.durations:
        return False
    if unit not in rd.durations:
        return True  # a date
    before = text[max(0, span.start_char - 30):span.start_char]
    after = text[noun.idx + len(noun):noun.idx + len(noun) + 15]
    return not (DURATION_BEFORE.search(before) or HEDGE_AFTER[0][0].match(after))


def _unit(noun, rd: Reader) -> str | None:
    """The lower-case singular unit of a counted noun, with its noun modifier where the head
    alone says too little ("base station", "health worker")."""
    low = noun.lower_
    doc = noun.doc
    if low in ("sq", "sq.") and noun.i + 1 < len(doc):  # "4,700 sq. km"
        nxt = doc[noun.i + 1] if doc[noun.i + 1].text != "." or noun.i + 2 >= len(doc) else doc[noun.i + 2]
        if nxt.lower_ in rd.unit_names:
            return "square " + rd.unit_names[nxt.lower_]
    if noun.i > 0 and doc[noun.i - 1].lower_ in ("square", "cubic"):  # "1.2 million cubic metres"
        base = rd.unit_names.get(low) or _singular(low)
        return f"{doc[noun.i - 1].lower_} {base}"
    if low in rd.multiples:
        return "times"
    if low in rd.unit_names:
        return rd.unit_names[low]
    lemma = noun.lemma_.lower()
    if noun.tag_ in ("NNS", "NNPS") and (lemma == low or (lemma.endswith("s") and not lemma.endswith(("ss", "us", "is")))):
        lemma = _singular(low)  # "Ministers" (a PROPN keeps its plural), "doses" (lemmatised "dos")
    lemma = rd.unit_names.get(lemma, lemma)
    if lemma in rd.not_units or not lemma.isalpha() and "-" not in lemma:
        return None
    if lemma in rd.compound_heads:
        mods = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == noun.i - 1 and c.is_lower]
        if mods:
            return f"{mods[0].lower_} {lemma}"
    return lemma


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


CHANGE_VERBS = {"reach", "rise", "increase", "grow", "total", "stand", "hit", "climb", "jump", "exceed", "fall", "drop",
                "decline", "top", "surge", "soar", "decrease", "number", "amount"}


def _counted_noun(span: Span):
    """The noun a number counts: "300 cases" -> cases; "718,000 5G base stations" -> stations;
    "100 crore (1 billion) doses" -> doses; "the number of patents reached 1.35 million" -> patents."""
    doc = span.doc
    for token in span:
        head = token.head
        if token.dep_ in ("nummod", "quantmod") and head not in span and head.i > token.i and head.pos_ == "NOUN":
            return head
    j = span.end
    if j < len(doc) and doc[j].text == "(":
        k = j + 1
        while k < len(doc) and k < j + 6 and doc[k].text != ")":
            k += 1
        if k < len(doc) and doc[k].text == ")" and all(t.like_num or t.is_alpha and t.lower_ in SCALE_WORDS for t in doc[j + 1:k]):
            j = k + 1
    for nxt in doc[j:j + 5]:
        if nxt.pos_ == "NOUN" or nxt.tag_ == "NNPS" or nxt.lower_ in UNIT_ABBREVIATIONS:
            while nxt.dep_ == "compound" and nxt.head.i > nxt.i and nxt.head.pos_ == "NOUN" and nxt.head.i < nxt.i + 4:
                nxt = nxt.head
            return nxt
        if nxt.pos_ in ("ADJ", "ADV", "PROPN", "NUM") or nxt.text == "-":
            continue
        break
    return _ellipsis_noun(span)


def _ellipsis_noun(span: Span):
    """A number with its noun left out: "the number of invention patents reached 1.35 million",
    "medicine varieties increased to 685" -> the subject's counted noun."""
    token = span.root
    for _ in range(3):
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            break
    if token.lemma_.lower() not in CHANGE_VERBS:
        return None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if subject.lemma_.lower() in ("number", "total", "count", "amount"):
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return obj if obj is not None and obj.tag_ == "NNS" else None
    return subject if subject.tag_ == "NNS" else None


def _measure(span: Span) -> str | None:
    """A short phrase of what is counted: the counted noun with its modifiers, else the word
    the figure depends on."""
    head = span.root.head if span.root.head not in span else span.root
    noun = _counted_noun(span) if span.root.pos_ in ("NUM",) or span.root.like_num else None
    if noun is not None:
        words = [t for t in noun.subtree if t not in span and not t.is_punct and t.dep_ not in ("det", "advmod", "quantmod")]
        return " ".join(t.text for t in words[:8]) or None
    if head.pos_ in ("VERB", "NOUN"):
        return head.lemma_
    return None


def _subject(span: Span) -> str | None:
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") and not any(c in span for c in child.subtree):
                    return " ".join(t.text for t in child.subtree if t.dep_ not in ("det",))[:80]
        if token.head.i == token.i:
            break
        token = token.head
    return None


# ---------------------------------------------------------------- periods

def _chain(span: Span):
    """The words from the figure up to its sentence's root."""
    token = span.root
    for _ in range(12):
        yield token
        if token.head.i == token.i:
            break
        token = token.head


def _realised(span: Span) -> bool:
    """A reported act or state, not a plan, promise, condition or purpose: no modal or
    infinitive on the way to the root, and not the size of a scheme ("a Rs 5,000 crore scheme")."""
    if span.root.head.lemma_.lower() in PLAN_NOUNS and span.root.head.i > span.root.i:
        return False
    for token in _chain(span):
        if token.pos_ in ("VERB", "AUX"):
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            if infinitive and token.dep_ == "acl" and token.head.lemma_.lower() not in PLAN_NOUNS:
                infinitive = False  # "organized an action to destroy ...": the act was done
            if infinitive or any(c.lower_ in IRREALIS for c in token.children):
                return False
            if token.dep_ in ("ROOT",):
                break
    return True


def _past(span: Span) -> bool:
    """The figure's clause narrates the past (simple past, present perfect, past passive),
    not the past perfect and not the present."""
    for token in _chain(span):
        if token.pos_ in ("VERB", "AUX") and token.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VB", "MD"):
            auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
            if auxes & IRREALIS or "had" in auxes or any(c.lower_ in ("now", "still") for c in token.children):
                return False
            if token.tag_ == "VBD" or (token.tag_ == "VBN" and auxes & {"has", "have", "was", "were", "been"}):
                return True
            if token.tag_ == "VB" and auxes == {"to"} and token.dep_ == "acl":
                continue  # "organized an action to destroy ...": the tense is the noun's clause's
            if token.tag_ in ("VBZ", "VBP", "VB"):
                return False
    return False


CONTINUES = re.compile(r"^\W*(?:The|This|These|Those|That|Such|Of\s+(?:the|these|them|this))\b|\b(?:year[-\s]on[-\s]year|"
                       r"the\s+(?:number|total|amount|value|volume)\s+of|"
                       r"from\s+the\s+previous\s+year|the\s+previous\s+year)\b")


def _governs(verb, token) -> bool:
    """Whether ``token`` is in ``verb``'s clause: reached from it without crossing a coordination."""
    for _ in range(15):
        if token == verb:
            return True
        if token.dep_ == "conj" or token.head.i == token.i:
            return False
        token = token.head
    return False


def _in_subject(token, span: Span) -> bool:
    """Whether ``token`` is inside the subject of the clause the figure is in: "the amount of
    debts that must be dealt with by 2028 is expected to drop from 14.3 trillion yuan"."""
    for verb in _chain(span):
        if verb.pos_ in ("VERB", "AUX"):
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.left_edge.i <= token.i <= child.right_edge.i:
                    return True
    return False


def _modifier_clause(verb):
    """The clause modifying a noun ("which aims to increase ... by 2030", "unveiled earlier")
    that ``verb`` is in, through the verbs it depends on; None if it is in no such clause."""
    token = verb
    for _ in range(6):
        if token is None or token.head.i == token.i:
            return None
        if token.dep_ in ("relcl", "acl"):
            return token
        if token.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "prep", "pcomp", "pobj", "aux"):
            return None
        token = token.head
    return None


def _time_verb(sent: Span, t: Time):
    """The verb a time expression hangs from."""
    span = sent.doc.char_span(sent.start_char + t.start, sent.start_char + t.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token


# A figure that is a comparison base ("to 10 percent from 50 percent"); "more than" is a hedge.
BASE_FIGURE = re.compile(r"(?:\bfrom|(?<!more )(?<!less )(?<!fewer )(?<!no )\bthan)\s+(?:the\s+)?(?:about\s+|roughly\s+|around\s+)?$", re.I)


def _noun_of(span: Span) -> int:
    noun = _counted_noun(span) if span.root.like_num or span.root.pos_ == "NUM" else span.root
    return noun.i if noun is not None else -1


def _attached(t: Time, span: Span, others: list[tuple[int, int, bool]]) -> bool:
    """Whether the time ``t`` of ``span``'s sentence can be ``span``'s. Not when it is in a
    clause that modifies another noun ("the plan unveiled earlier this month" dates the plan;
    "the Act, which aims to ... by 2030"), unless it is a year that scopes the figure's own
    subject ("debts that must be dealt with by 2028 ... drop to 2.3 trillion yuan"); nor when it comes before the figure, is attached to an earlier figure, and a new clause
    with a subject of its own lies in between ("fell to 7.7 million cases in September,
    official figures show, as the government promised 2.3 billion pounds")."""
    sent, doc = span.sent, span.doc
    clause = _modifier_clause(_time_verb(sent, t))
    if clause is not None and not _governs(clause, span.root) \
            and not (span.start <= clause.head.i < span.end or clause.head.i == _noun_of(span)) \
            and not (t.kind == "explicit" and _in_subject(clause.head, span)):
        return False
    if t.end > span.start_char - sent.start_char:
        return True
    gap = doc.char_span(sent.start_char + t.end, span.start_char, alignment_mode="expand")
    if gap is None:
        return True
    new_clause = any(v.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "nsubj" for c in v.children)
                     for v in doc[gap.start:span.start])
    after_figure = any(o_end <= t.start and re.fullmatch(r"\s*(?:by|in|for)?\s*", sent.text[o_end:t.start])
                       for _, o_end, _ in others)
    return not (new_clause and after_figure)


def _continued_period(f: dict, sents: list[Span], index: dict[int, int], text: str, times_of, published) -> str | None:
    """The period of the sentence just before, for a past-tense figure that goes on with that
    report (same paragraph, a definite opening "The suspects ...", "the number of", a
    year-on-year comparison)."""
    span: Span = f["_span"]
    i = index.get(span.sent.start_char)
    if not i or not _past(span):
        return None
    same_paragraph = "\n" not in text[sents[i - 1].start_char:span.sent.start_char]
    if not (same_paragraph or CONTINUES.search(span.sent.text)):
        return None
    dated = [t for t in times_of(sents[i - 1]) if t.kind != "anchor" and not t.base]
    if dated and (published is None or int(dated[0].period[-4:]) <= published.year):
        return dated[0].period
    return None


def _periods(doc: Doc, figures: list[dict], text: str) -> None:
    """Each figure's period: from its own sentence (``periods.period_of``), else from the
    sentence it continues (``_continued_period``)."""
    raw = doc._.pkg_published
    published = published_date(raw)
    day_known = bool(raw and re.match(r"\d{4}-\d\d-\d\d", str(raw)))
    cache: dict[int, list[Time]] = {}
    sents = [s for s in doc.sents if s.text.strip()]
    index = {s.start_char: i for i, s in enumerate(sents)}

    def times_of(sent) -> list[Time]:
        if sent.start_char not in cache:
            cache[sent.start_char] = time_expressions(sent.text, published, day_known)
        return cache[sent.start_char]

    by_sentence: dict[int, list[dict]] = {}
    for f in figures:
        by_sentence.setdefault(f["sentence"], []).append(f)
    for f in figures:
        span: Span = f["_span"]
        sent = span.sent
        base = sent.start_char
        others = [(g["start"] - base, g["end"] - base, BASE_FIGURE.search(text[max(0, g["start"] - 20):g["start"]]) is not None)
                  for g in by_sentence[f["sentence"]] if g is not f]
        is_base = BASE_FIGURE.search(text[max(0, f["start"] - 20):f["start"]]) is not None
        realised = _realised(span) and _past(span) and not is_base  # "to 6.25% from 6.5% on Friday"
        f["period"] = period_of(sent.text, f["start"] - base, f["end"] - base, others, published, realised,
                                times_of(sent), lambda t, span=span, others=others: _attached(t, span, others),
                                day_only=f["unit"] in POINT_UNITS)
        if f["period"] is None and not has_time(times_of(sent)):
            f["period"] = _continued_period(f, sents, index, text, times_of, published)
