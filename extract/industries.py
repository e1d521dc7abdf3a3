"""Industries: concepts of the industries scheme, and named policy categories of industries.

The scheme (``data/industries.jsonl``) gives labels, alternative labels and broader
concepts; categories ("strategic emerging industries", "IPR-intensive industries") are
found by their modifiers (``data/industry_categories.json``). A category that ends
another one in the same document ("emerging industries") is an alias of the longer.
Writes ``doc.spans["pkg_industries"]`` and ``doc._.pkg_industries``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .lexicon import is_acronym, load_json, load_jsonl, normalise, slug, text_of

if not Doc.has_extension("pkg_industries"):
    Doc.set_extension("pkg_industries", default=None)


def _plural(term: str) -> str | None:
    if term.endswith(("s", "y")) or is_acronym(term) or " of " in term:
        return None
    return term + "s"


@Language.factory("policykg_industries", requires=["doc.sents", "doc.spans"],
                  assigns=["doc.spans", "doc._.pkg_industries"],
                  default_config={"scheme": "industries.jsonl", "categories": "industry_categories.json"})
class IndustryFinder:
    def __init__(self, nlp: Language, name: str, scheme: str, categories: str):
        self.concepts = {c["id"]: c for c in load_jsonl(scheme)}
        self.words = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, concept in self.concepts.items():
            for term in [concept["label"], *concept["alt"]]:
                matcher = self.acronyms if is_acronym(term) or any(c.isdigit() for c in term) else self.words
                forms = {term, _plural(term)} - {None}
                matcher.add(key, [nlp.make_doc(f) for f in forms])
        cats = load_json(categories)
        modifier = "|".join(re.escape(m) for m in sorted(cats["modifiers"], key=len, reverse=True))
        heads = "|".join(cats["heads"])
        self.category = re.compile(
            rf"\b((?:(?:{modifier}|[\w]+-intensive)\s+){{1,3}}(?:{heads}))\b", re.I)
        self.umbrellas = {u.lower() for u in cats["umbrellas"]}
        self.terms = {t.lower(): key for key, c in self.concepts.items() for t in [c["label"], *c["alt"]]}

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, str, str]] = []
        for matcher in (self.words, self.acronyms):
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                if not self._modifier_only(doc[start:end], key):
                    found.append((doc[start:end], key, "scheme"))
        for m in COORDINATED.finditer(text_of(doc)):  # "chemical and steel industries"
            for group in (1, 2):
                key = self.terms.get(f"{m.group(group).lower()} {SINGULAR[m.group(3)]}")
                span = doc.char_span(m.start(group), m.end(group))
                if key and span is not None:
                    found.append((span, key, "scheme"))
        for m in self.category.finditer(text_of(doc)):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            phrase = _canonical(m.group(1))
            if span is not None and phrase.lower() not in self.umbrellas:
                found.append((span, "category/" + slug(phrase), phrase))
        found.sort(key=lambda f: (-(f[0].end - f[0].start), f[0].start))
        # "Ministry of Industry and Information Technology" names a body, not an industry.
        taken: set[int] = {i for s in doc.spans.get("pkg_bodies", []) for i in range(s.start, s.end)}
        industries: dict[str, dict] = {}
        spans = []
        for span, key, how in found:
            if not taken.isdisjoint(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            spans.append(Span(doc, span.start, span.end, label="INDUSTRY", kb_id=key))
            if key not in industries:
                if how == "scheme":
                    c = self.concepts[key]
                    industries[key] = {"key": key, "name": c["label"], "aliases": set(c["alt"]),
                                       "broader": list(c["broader"])}
                else:
                    singular = re.sub(r"industries$", "industry", how)
                    industries[key] = {"key": key, "name": how, "aliases": {singular} - {how}, "broader": []}
        spans = _merge_suffix_categories(doc, spans, industries)
        doc.spans["pkg_industries"] = sorted(spans, key=lambda s: s.start)
        doc._.pkg_industries = industries
        return doc


    def _modifier_only(self, span: Span, key: str) -> bool:
        """"energy prices", "chip manufacturing": a broad sector word that modifies, or is narrowed by,
        another noun is no mention of the sector; nor is a word inside a name ("Ministry of Chemicals")."""
        doc = span.doc
        if span[0].is_title and span.start >= 2 and doc[span.start - 1].lower_ in ("of", "for") \
                and doc[span.start - 2].is_title:
            return True  # "Minister of Chemicals and Fertilizers": part of a name
        if len(span) != 1 or self.concepts[key]["broader"]:
            return False
        token = span[0]
        if token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN"):
            return True
        return any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") for c in token.children)


SINGULAR = {"industries": "industry", "sectors": "sector"}
COORDINATED = re.compile(r"\b([a-z][\w-]+)\s+(?:and|or|&)\s+([a-z][\w-]+)\s+(industries|sectors)\b")


def _canonical(phrase: str) -> str:
    """Lower-case but for acronyms ("IPR-intensive industries"), one space, plural head."""
    words = [w if any(c.isupper() for c in w[1:]) or is_acronym(w.split("-")[0]) else w.lower()
             for w in normalise(phrase).split()]
    text = " ".join(words)
    return re.sub(r"\b(industry|sector)$", lambda m: {"industry": "industries", "sector": "sectors"}[m.group(1)], text)


def _merge_suffix_categories(doc: Doc, spans: list[Span], industries: dict) -> list[Span]:
    cats = [k for k in industries if k.startswith("category/")]
    out = []
    for span in spans:
        key = span.kb_id_
        longer = [k for k in cats if k != key and key.startswith("category/")
                  and industries[k]["name"].endswith(" " + industries[key]["name"])]
        if longer:
            target = max(longer, key=lambda k: len(industries[k]["name"]))
            industries[target]["aliases"].add(industries[key]["name"])
            span = Span(doc, span.start, span.end, label="INDUSTRY", kb_id=target)
        out.append(span)
    for key in {s.kb_id_ for s in spans} - {s.kb_id_ for s in out}:
        industries.pop(key, None)
    return out
