"""Where a body's name stands: prose, or a credit, byline, source line or page furniture.

A name in "(Xinhua)", "[Photo/Xinhua]", "Source: Xinhua", "By HT Correspondent, Hindustan
Times", a copyright footer, a related-headline line ("- China to boost ...") or a menu line
that is nothing but names is not the text naming a body (SCHEMA.md: credits and source lines
are not bodies). These tests read the mention's line, never the whole document.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from .lexicon import text_of

CREDIT_LINE = re.compile(r"^\W{0,3}(?:source|sources|photo|photos|photograph|image|images|picture|video|editor|"
                         r"edited by|editing by|reporting by|writing by|additional reporting|compiled by|"
                         r"by|credit|credits|copyright|courtesy|translated by)\b[\s:/]*", re.I)
FOOTER = re.compile(r"\u00a9|\(c\)\s*\d{4}|copyright|all rights reserved", re.I)
DASHES = ("-", "\u2013", "\u2014", "--")


def line_of(span: Span) -> tuple[int, int]:
    """Character bounds of the line the span starts on."""
    text = text_of(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.start_char)
    return start, len(text) if end < 0 else end


def is_credit(span: Span) -> bool:
    """A credit, byline, source line, footer or furniture line holds the name."""
    text = text_of(span.doc)
    start, end = line_of(span)
    line = text[start:end]
    before = text[start:span.start_char]
    if CREDIT_LINE.match(line) or FOOTER.search(line):
        return True
    if line.lstrip().startswith(DASHES) or line.lstrip().startswith(("\u2022", "|", "*")):
        return True  # a related-headline list or a menu ("- China to boost ...", "• CMC Crypto 200")
    if _bar_menu(line):
        return True  # "Share this: Facebook | X | WhatsApp", "Business | Telecoms", an address footer
    if _in_credit_brackets(text, span, start, end):
        return True
    previous = text[:max(0, start - 1)].rstrip().rsplit("\n", 1)[-1].strip()
    if previous.endswith(DASHES) and len(previous) < 20:
        return True  # a headline list: "Latest Stories / - / African Union summit ... / 1 hour -"
    if re.search(r"(?:^|\s)(?:by|from)\s*$", before, re.I) and len(line) < 80 and not re.search(r"[.!?]\s*$", line):
        return True  # "By David Shepardson, Reuters" style lines
    return _furniture_line(span.doc, start, end)


def _bar_menu(line: str) -> bool:
    """A line of short items between bars: a menu, share buttons, tags or an address footer."""
    parts = [p.strip() for p in line.split("|")]
    return len(parts) >= 2 and all(len(p.split()) <= 6 and not re.search(r"[.!?]\s*$", p) for p in parts if p)


def _in_credit_brackets(text: str, span: Span, start: int, end: int) -> bool:
    """"(Xinhua)", "(Reuters) -", "[Photo/Xinhua]", "(Justin Tang/The Canadian Press)"."""
    open_at = max(text.rfind("(", start, span.start_char), text.rfind("[", start, span.start_char))
    if open_at < 0 or max(text.rfind(")", open_at, span.start_char), text.rfind("]", open_at, span.start_char)) >= 0:
        return False
    close = re.search(r"[)\]]", text[span.end_char:end])
    if close is None:
        return False
    inside = text[open_at + 1:span.end_char + close.start()]
    after = text[span.end_char + close.end():end].lstrip()
    if "/" in inside:
        return True
    if re.search(r"\b[a-z]{3,}\b", inside.replace(" and ", " ")):
        return False  # "(to Rapidus)": words of a sentence
    return after.startswith(DASHES) or not after or open_at == start or text[start:open_at].strip().isupper() \
        or bool(re.search(r"\d", text[start:open_at]))


def _furniture_line(doc, start: int, end: int) -> bool:
    """A short line with no lower-case word: a masthead, menu entry or section label."""
    line = text_of(doc)[start:end].strip()
    if not line or len(line) > 60:
        return False
    words = re.findall(r"[^\W\d_][\w'\u2019.-]*", line)
    small = {"of", "and", "the", "for", "on", "in", "de", "du", "la", "le", "des", "&"}
    return not any(w[0].islower() and w.lower() not in small for w in words)
