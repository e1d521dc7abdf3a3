"""Bodies: ministries, courts, party organs, agencies, companies named in the text.

Three sources, most trusted first: the gazetteer (``data/bodies.jsonl``), acronyms the
text defines ("Full Name (ACR)"), and general name shapes ("Ministry of X", "X Department",
"People's Procuratorate in X"; ``data/body_patterns.json``). Results go to
``doc.spans["pkg_bodies"]`` (``kb_id_`` is the body's key) and ``doc._.pkg_bodies``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .lexicon import is_acronym, is_place, load_json, load_jsonl, normalise, slug, text_of

if not Token.has_extension("pkg_cap"):
    Token.set_extension("pkg_cap", getter=lambda t: t.text[:1].isupper())
if not Doc.has_extension("pkg_bodies"):
    Doc.set_extension("pkg_bodies", default=None)

UNIT_WORDS = {"Office", "Department", "Bureau", "Division", "Committee", "Secretariat", "Directorate", "Unit", "Section"}
SOURCE_RANK = {"gazetteer": 0, "acronym": 1, "pattern": 2}


def _variants(name: str) -> set[str]:
    """A name as texts write it: straight and curly apostrophes."""
    return {name, name.replace("'", "\u2019")}


@Language.factory("policykg_bodies", requires=["doc.ents", "token.dep"],
                  assigns=["doc.spans", "doc._.pkg_bodies"],
                  default_config={"gazetteer": "bodies.jsonl", "patterns": "body_patterns.json"})
class BodyFinder:
    """Finds bodies and gives each a key, canonical name, kind, parent and aliases."""

    def __init__(self, nlp: Language, name: str, gazetteer: str, patterns: str):
        self.entries = {e["id"]: e for e in load_jsonl(gazetteer)}
        shapes = load_json(patterns)
        self.heads: dict[str, str] = shapes["heads"]
        self.not_bodies = {w.lower() for w in shapes["not_bodies"]}
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, entry in self.entries.items():
            for text in [entry["name"], *entry.get("aliases", [])]:
                target = self.acronyms if is_acronym(text) else self.names
                target.add(key, [nlp.make_doc(v) for v in _variants(text)])
        self.associations = set(shapes.get("association_words", []))
        self.companies = Matcher(nlp.vocab)
        self.companies.add("company", [[{"LOWER": {"IN": shapes.get("company_nouns", [])}},
                                        {"POS": "PROPN", "_": {"pkg_cap": True}, "OP": "+"}]], greedy="LONGEST")
        self.shapes = Matcher(nlp.vocab)
        head_words = list(self.heads)
        for i, pattern in enumerate(shapes["patterns"]):
            self.shapes.add(f"shape{i}", [_expand(pattern, head_words)])

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, str | None, str]] = []
        for match_id, start, end in self.names(doc):
            found.append((doc[start:end], doc.vocab.strings[match_id], "gazetteer"))
        for match_id, start, end in self.acronyms(doc):
            found.append((doc[start:end], doc.vocab.strings[match_id], "gazetteer"))
        known = [(s, k) for s, k, _ in found]
        for _, start, end in self.shapes(doc):
            span = _trim(doc[start:end], self.heads)
            if span is not None and not _event(span) and span.text.lower() not in self.not_bodies:
                found.append((span, *_qualified(span, known)))
        for _, start, end in self.companies(doc):
            span = doc[start + 1:end]
            if not any(t.ent_type_ in ("GPE", "NORP", "DATE", "PERSON") for t in span):
                found.append((span, "@company", "pattern"))
        chosen = _non_overlapping(found)
        chosen = _non_overlapping(chosen + _other_mentions(doc, chosen))
        bodies: dict[str, dict] = {}
        spans: list[Span] = []
        for span, key, source in chosen:
            info = self._describe(span, key)
            key = info["key"]
            if key in bodies:
                bodies[key]["aliases"].update(info["aliases"])
            else:
                bodies[key] = info
            spans.append(Span(doc, span.start, span.end, label="BODY", kb_id=key))
        spans += self._defined_acronyms(doc, spans, bodies)
        _link_parents(doc, spans, bodies)
        for info in bodies.values():
            # A unit ("Office", "Department") is of its parent's kind: a court's office is judicial.
            parent = bodies.get(info["parent"]) or self.entries.get(info["parent"] or "")
            if info["key"] not in self.entries and parent and info["name"].split()[-1] in UNIT_WORDS:
                info["kind"] = parent["kind"]
        doc.spans["pkg_bodies"] = sorted(spans, key=lambda s: s.start)
        doc._.pkg_bodies = bodies
        return doc

    def _describe(self, span: Span, key: str | None) -> dict:
        if key == "@company":
            name = normalise(span.text)
            return {"key": slug(name), "name": name, "kind": "company", "parent": None, "wikidata": None,
                    "aliases": set()}
        if key:
            entry = self.entries[key]
            return {"key": key, "name": entry["name"], "kind": entry["kind"], "parent": entry.get("parent"),
                    "wikidata": entry.get("wikidata"), "posts": entry.get("posts"),
                    "aliases": {normalise(a) for a in entry.get("aliases", [])} | {normalise(span.text)} - {entry["name"]}}
        name = normalise(span.text)
        return {"key": slug(name), "name": name, "kind": self._kind(name), "parent": None,
                "wikidata": None, "aliases": set()}

    def _kind(self, name: str) -> str:
        words = name.split()
        if any(w in ("Party", "CPC", "CCP") for w in words):
            return "party"
        lead = words[: next((i for i, w in enumerate(words) if w in ("of", "for")), len(words))]
        if self.associations.intersection(lead):
            return "other"  # "European Chemical Industry Council" is a trade association
        if words[0] in ("World", "International", "United", "Global", "European", "Asian", "African"):
            return "international"
        for word in reversed(words):
            if word in self.heads:
                return self.heads[word]
        return "other"

    def _defined_acronyms(self, doc: Doc, spans: list[Span], bodies: dict) -> list[Span]:
        """"Full Name (ACR)": ACR becomes an alias, and its later mentions point to the body."""
        defined: dict[str, str] = {}
        for span in spans:
            after = doc[span.end:span.end + 4]
            close = next((i for i, t in enumerate(after) if t.text == ")"), None)
            if not after or after[0].text != "(" or close is None or close < 2:
                continue
            words = after[1:close]  # "(SPP)", "(DG ENER)"
            if all(t.text.isupper() or is_acronym(t.text) for t in words) and is_acronym(words.text.replace(" ", "")):
                defined[words.text] = span.kb_id_
                bodies[span.kb_id_]["aliases"].add(words.text)
        taken = {i for s in spans for i in range(s.start, s.end)}
        return [Span(doc, span.start, span.end, label="BODY", kb_id=key)
                for acronym, key in defined.items() for span in _occurrences(doc, acronym)
                if taken.isdisjoint(range(span.start, span.end))]


def _expand(pattern: list[dict], heads: list[str]) -> list[dict]:
    """Patterns name the head-word list as "@HEADS"; put the list in."""
    out = []
    for token in pattern:
        token = dict(token)
        if token.get("ORTH") == "@HEADS":
            token["ORTH"] = {"IN": heads}
        out.append(token)
    return out


TITLE_START = re.compile(r"^(?:(?:Vice|Deputy|Assistant|Acting|Executive|Chief|Head|Director|Director-General|"
                         r"Minister|Secretary|Chairman|Chair|President|Commissioner|Spokesperson|Lately|Meanwhile)"
                         r"\s+)+(?:of\s+(?:the\s+)?)?")


def _trim(span: Span, heads: dict) -> Span | None:
    """Cut what a shape match takes in front of a name: "The", post words ("Vice Head of")."""
    doc = span.doc
    cut = TITLE_START.match(span.text)
    start_char = span.start_char + (cut.end() if cut else 0)
    while start_char < span.end_char and text_of(doc)[start_char:start_char + 4] in ("The ", "the "):
        start_char += 4
    trimmed = doc.char_span(start_char, span.end_char, alignment_mode="contract")
    if trimmed is None or len(trimmed) == 0 or not any(t.text in heads for t in trimmed):
        return None
    if any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERSON") for t in trimmed):
        return None
    if len(trimmed) == 1:
        return None  # a head word alone ("Ministry") is not a name
    after = doc[trimmed.end:trimmed.end + 2]
    if (trimmed[-1].text not in heads and len(after) >= 1 and _name_like(after[0])
            and (len(after) == 1 or not after[1]._.pkg_cap)):
        # "the Department of Pharmaceuticals Arunish Chawla said": the name takes the last two words.
        trimmed = trimmed[:-1]
    return trimmed


def _name_like(token: Token) -> bool:
    return token.text.istitle() and token.is_alpha and token.pos_ == "PROPN"


def _event(span: Span) -> bool:
    """"the 18th CPC National Congress": an ordinal before the name marks an event, not a body.
    A name in scare quotes ("a 'Whampoa Military Academy' for IP") is a metaphor."""
    doc = span.doc
    for token in reversed(doc[max(0, span.start - 3):span.start]):
        if token.ent_type_ == "ORDINAL" or re.fullmatch(r"\d+(st|nd|rd|th)", token.text):
            return True
        if not token._.pkg_cap:
            break
    start = span.start
    while start > 0 and doc[start - 1]._.pkg_cap and span.start - start < 3:
        start -= 1  # the quote may open before words the match left out
    before = doc[start - 1].text if start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return before in ('"', "\u201c", "'", "\u2018") and after in ('"', "\u201d", "'", "\u2019")


def _qualified(span: Span, known: list) -> tuple[str | None, str]:
    """"the U.S. Department of Commerce": a gazetteer name with only a place before it is that body."""
    for inner, key in known:
        if span.start <= inner.start and inner.end == span.end and (inner.start, inner.end) != (span.start, span.end):
            extra = span.doc[span.start:inner.start]
            if all(is_place(t) for t in extra):
                return key, "gazetteer"
    return None, "pattern"


def _occurrences(doc: Doc, text: str) -> list[Span]:
    """Every whole-word occurrence of ``text`` in the document that falls on token boundaries."""
    found = (doc.char_span(m.start(), m.end())
             for m in re.finditer(rf"(?<![\w-]){re.escape(text)}(?![\w-])", text_of(doc)))
    return [span for span in found if span is not None]


def _other_mentions(doc: Doc, chosen) -> list:
    """A name a shape or a company noun found once ("chipmaker Rapidus") is that body wherever it recurs."""
    keys: dict[str, str | None] = {}
    for span, key, source in chosen:
        if source == "pattern":
            keys.setdefault(span.text, key)
    return [(span, key, "pattern") for text, key in keys.items() for span in _occurrences(doc, text)]


def _non_overlapping(found):
    """Longest first, then the most trusted source; no token in two bodies."""
    order = sorted(found, key=lambda f: (-(f[0].end - f[0].start), SOURCE_RANK[f[2]], f[0].start))
    taken: set[int] = set()
    chosen = []
    for span, key, source in order:
        if taken.isdisjoint(range(span.start, span.end)):
            chosen.append((span, key, source))
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda f: f[0].start)


def _link_parents(doc: Doc, spans: list[Span], bodies: dict) -> None:
    """"X under (the) Y" and "Y's X": Y is X's parent; X's key then includes Y's."""
    by_start = {s.start: s for s in spans}
    for span in spans:
        info = bodies.get(span.kb_id_)
        if info is None or info["parent"]:
            continue
        nxt = doc[span.end:span.end + 2]
        parent = None
        if len(nxt) and nxt[0].lower_ == "under":
            parent = by_start.get(span.end + 1) or (by_start.get(span.end + 2) if len(nxt) > 1 and nxt[1].lower_ == "the" else None)
        prev = doc[span.start - 1] if span.start > 0 else None
        if parent is None and prev is not None and prev.text in ("'s", "\u2019s"):
            parent = next((s for s in spans if s.end == span.start - 1), None)
        if parent is not None and parent.kb_id_ != span.kb_id_:
            info["parent"] = parent.kb_id_
