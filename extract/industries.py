"""Industries: concepts of the industries scheme, named policy categories of industries, and
sectors the text names by their head ("the taxi industry", "the health, defence and education sectors").

The scheme (``data/industries.jsonl``, a SKOS scheme laid along the sections and divisions of
ISIC Rev. 4 plus the technology fields policy news names) gives labels, alternative labels and
broader concepts. A concept marked ``ambiguous`` is a word with other senses ("food", "gas",
"health", "drugs"): it is an industry only where the text treats it as one, that is, next to a
sector noun ("tobacco industry", "nickel exports"), in a list with another industry ("clothing,
tobacco and alcohol"), after "sector of", "such as", "counterfeit" and the like, or as what is
made ("enterprises that make cars, batteries"). Categories ("strategic emerging industries",
"IPR-intensive industries") are found by their modifiers (``data/industry_categories.json``);
a category that ends another one in the same document ("emerging industries") is an alias of
the longer. Sectors outside the scheme get a key of their own ("sector/taxi-industry").
Writes ``doc.spans["pkg_industries"]`` and ``doc._.pkg_industries``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .body_context import is_credit
from .lexicon import is_acronym, load_json, load_jsonl, normalise, slug, text_of

if not Doc.has_extension("pkg_industries"):
    Doc.set_extension("pkg_industries", default=None)

SINGULAR = {"industries": "industry", "sectors": "sector", "industry": "industry", "sector": "sector"}


def _plural(term: str) -> str | None:
    if term.endswith(("s", "y")) or is_acronym(term) or " of " in term:
        return None
    return term + "s"


@Language.factory("policykg_industries", requires=["doc.sents", "doc.spans"],
                  assigns=["doc.spans", "doc._.pkg_industries"],
                  default_config={"scheme": "industries.jsonl", "categories": "industry_categories.json"})
class IndustryFinder:
    def __init__(self, nlp: Language, name: str, scheme: str, categories: str):
        self.concepts = {c["id"]: c for c in load_jsonl(scheme)} if scheme else {}
        self.words = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, concept in self.concepts.items():
            ambiguous = set(concept.get("ambiguous", []))
            for term in [concept["label"], *concept["alt"]]:
                matcher = self.acronyms if is_acronym(term) or any(c.isdigit() for c in term) else self.words
                forms = {term, _plural(term)} - {None}
                matcher.add(key + ("~" if term in ambiguous else ""), [nlp.make_doc(f) for f in forms])
        cats = load_json(categories) if categories else {}
        self.umbrellas = {u.lower() for u in cats.get("umbrellas", [])}
        self.sector_nouns = set(cats.get("sector_nouns", []))
        self.context_before = [c.split() for c in cats.get("context_before", [])]
        self.making_verbs = set(cats.get("making_verbs", []))
        self.topic_nouns = set(cats.get("topic_nouns", []))
        self.generic = {w.lower() for w in cats.get("generic_modifiers", [])}
        modifiers = cats.get("modifiers", [])
        modifier = "|".join(re.escape(m) for m in sorted(modifiers, key=len, reverse=True)) or "(?!)"
        heads = "|".join(cats.get("heads", [])) or "(?!)"
        self.modifiers = {m.lower() for m in modifiers}
        self.category = re.compile(
            rf"\b((?:(?:{modifier}|[\w]+-intensive)\s+){{1,3}}(?:{heads}))\b", re.I)
        self.terms = {t.lower(): key for key, c in self.concepts.items() for t in [c["label"], *c["alt"]]}
        nouns = "|".join(re.escape(n) for n in cats.get("intensive_nouns", [])) or "(?!)"
        # "energy-intensive manufacturers": the category of the firms so described
        self.intensive = re.compile(rf"\b(([\w]+)-intensive\s+(?:{nouns}))\b", re.I)

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, str, str]] = []
        matches = []
        for matcher in (self.words, self.acronyms):
            for match_id, start, end in matcher(doc):
                matches.append((doc[start:end], doc.vocab.strings[match_id]))
        matches = [m for m in _longest(matches) if not self._modifier_only(*m) and not _menu_entry(m[0])
                   and not _portfolio(m[0]) and not _medium(m[0])]
        in_list = self._listed(doc)
        accepted = set()
        starts = {m[0].root.i for m in matches}
        pending = []
        for span, key in matches:
            if key.endswith("~"):
                listed = sum(1 for c in _conjuncts(span.root) if c.i in starts) >= 2  # "clothing, tobacco and alcohol"
                if span.root.pos_ not in ("NOUN", "PROPN") or not (span.start in in_list or listed or self._in_context(span)):
                    pending.append((span, key[:-1]))
                    continue
                key = key[:-1]
            accepted.add(span.root.i)
            found.append((span, key, "scheme"))
        # an ambiguous word listed with one the text plainly treats as an industry ("food, drugs and software")
        for span, key in pending:
            if span.root.pos_ in ("NOUN", "PROPN") and any(c.i in accepted for c in _conjuncts(span.root)):
                found.append((span, key, "scheme"))
        found += self._coordinated(doc)
        found += self._sectors(doc)
        for m in self.category.finditer(text_of(doc)):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            phrase = _canonical(m.group(1))
            if span is not None and phrase.lower() not in self.umbrellas:
                found.append((span, "category/" + slug(phrase), phrase))
        for m in self.intensive.finditer(text_of(doc)):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is not None:
                phrase = f"{m.group(2).lower()}-intensive industries"
                found.append((span, "category/" + slug(phrase), f"sector:{phrase}|{normalise(m.group(1)).lower()}"))
        found.sort(key=lambda f: (-(f[0].end - f[0].start), f[2] != "scheme", f[0].start))
        # "Ministry of Industry and Information Technology" names a body, not an industry.
        taken: set[int] = {i for group in ("pkg_bodies", "pkg_body_names") for s in doc.spans.get(group, [])
                           for i in range(s.start, s.end)}
        industries: dict[str, dict] = {}
        spans = []
        for span, key, how in found:
            if not taken.isdisjoint(range(span.start, span.end)) or is_credit(span) or _based(span):
                continue
            taken.update(range(span.start, span.end))
            spans.append(Span(doc, span.start, span.end, label="INDUSTRY", kb_id=key))
            if key not in industries:
                if how == "scheme":
                    c = self.concepts[key]
                    industries[key] = {"key": key, "name": c["label"], "aliases": set(c["alt"]),
                                       "broader": list(c["broader"])}
                elif how.startswith("sector:"):
                    name, _, alias = how[7:].partition("|")
                    industries[key] = {"key": key, "name": name, "aliases": {alias} - {"", name}, "broader": []}
                else:
                    singular = re.sub(r"industries$", "industry", how)
                    industries[key] = {"key": key, "name": how, "aliases": {singular} - {how}, "broader": []}
        spans = _merge_suffix_categories(doc, spans, industries)
        spans = _merge_broader_short_forms(doc, spans, industries, self.concepts)
        doc.spans["pkg_industries"] = sorted(spans, key=lambda s: s.start)
        doc._.pkg_industries = industries
        return doc

    def _in_context(self, span: Span) -> bool:
        """The text treats the word as an industry: a sector noun after it, a cue before it, or it is made."""
        doc = span.doc
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.lemma_.lower() in self.sector_nouns:
            return True
        before = [t.lower_ for t in doc[max(0, span.start - 4):span.start]]
        for cue in self.context_before:
            n = len(cue)
            if any(before[i:i + n] == cue for i in range(len(before) - n + 1)):
                return True
        root = span.root
        head = root.head
        while head.dep_ == "conj" and head.head is not head:
            head = head.head
        target = head if root.dep_ == "conj" else root
        if target.dep_ == "nsubj" and target.head.lemma_.lower() in SHARE_VERBS \
                and SHARE_OF.search(target.sent.text):
            return True  # "Telecoms contributed about 14 per cent of gross domestic product"
        return target.dep_ == "dobj" and target.head.lemma_.lower() in self.making_verbs

    def _listed(self, doc: Doc) -> set[int]:
        """Token starts of the items listed after "industries such as", "sectors, ranging from"."""
        out: set[int] = set()
        for m in re.finditer(r"\b(?:industries|sectors|products|goods|fields|areas)\s*,?\s+(?:such as|including|like|"
                             r"ranging from|from)\s+([^.;:]{3,160})", text_of(doc)):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is not None:
                out.update(t.i for t in span)
        return out

    def _coordinated(self, doc: Doc) -> list:
        """"chemical and steel industries", "agricultural and construction materials", "the health,
        defence and education sectors": a head noun shared by a list, each item with it a term."""
        out = []
        for m in COORDINATED.finditer(text_of(doc)):
            items = [i for i in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+", m.group(1)) if i]
            head = m.group(2)
            if m.group(3) and head not in SINGULAR:  # "the retail, restaurant and nursing care sectors"
                items[-1], head = f"{items[-1]} {head}", m.group(3)
            if head not in SINGULAR and not all(f"{i.lower()} {head}" in self.terms for i in items[-2:]):
                continue  # "green and inclusive finance": a shared head only where both make scheme terms
            offset = m.start(1)
            for item in items:
                if re.search(r"-(?:based|related|oriented|friendly)$|ly\b", item):
                    continue  # "renewable energy-based and environmentally friendly industry": qualities, no sectors
                start = text_of(doc).find(item, offset, m.end(2))
                offset = start + len(item)
                span = doc.char_span(start, start + len(item))
                if span is None:
                    continue
                key = self.terms.get(f"{item.lower()} {SINGULAR.get(head, head)}") or self.terms.get(f"{item.lower()} {head}")
                if key:
                    out.append((span, key, "scheme"))
                elif head in SINGULAR and item.lower() not in self.generic and item.lower() not in self.modifiers:
                    key = self.terms.get(item.lower())
                    if key:
                        out.append((span, key, "scheme"))
                    else:
                        name = f"{item.lower()} {SINGULAR[head]}"
                        out.append((span, "sector/" + slug(name), f"sector:{name}|{item.lower()}"))
        return out

    def _sectors(self, doc: Doc) -> list:
        """"the taxi industry", "the downstream mineral industry", "the power generation sector": the
        words before "industry/sector" name a sector, in the scheme or not."""
        out = []
        for token in doc:
            if token.lower_ not in SINGULAR or token.pos_ not in ("NOUN", "PROPN"):
                continue
            start = token.i
            while start > 0 and doc[start - 1].dep_ in ("compound", "amod", "nmod") and doc[start - 1].is_lower \
                    and doc[start - 1].pos_ in ("NOUN", "ADJ", "PROPN") and doc[start - 1].tag_ != "VBG" \
                    and doc[start - 1].is_alpha and doc[start - 1].lower_ not in self.generic \
                    and doc[start - 1].head.i in range(start, token.i + 1):
                start -= 1
            while start >= 2 and start < token.i and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
                    and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha and doc[start - 2].is_lower:
                start -= 2  # "the low-altitude sector": the compound is one word
            if start == token.i or doc[start:token.i].text.lower() in self.modifiers \
                    or any(t.lower_ in self.modifiers for t in doc[start:token.i]):
                continue  # a category ("new industries") is the categories' business
            phrase = doc[start:token.i].text.lower()
            full = f"{phrase} {SINGULAR[token.lower_]}"
            if full in self.umbrellas or f"{phrase} {token.lower_}" in self.umbrellas:
                continue
            words = phrase.split()
            key = self.terms.get(full) or self.terms.get(f"{phrase} {token.lower_}") or self.terms.get(phrase) \
                or (len(words) > 1 and (self.terms.get(f"{words[0]} {SINGULAR[token.lower_]}")
                                        or self.terms.get(f"{words[-1]} {SINGULAR[token.lower_]}")))
            # "the downstream nickel industry" is the downstream industry, "the EU's car parts sector" car parts
            span = doc[start:token.i + 1]
            if key:
                out.append((span, key, "scheme"))
            else:
                out.append((span, "sector/" + slug(full), f"sector:{full}|{phrase}"))
        return out

    def _modifier_only(self, span: Span, key: str) -> bool:
        """"energy prices", "chip manufacturing": a broad sector word that modifies, or is narrowed by,
        another noun is no mention of the sector; nor is a word inside a name ("Ministry of Chemicals")."""
        doc = span.doc
        if span[0].is_title and span.start >= 2 and doc[span.start - 1].lower_ in ("of", "for") \
                and doc[span.start - 2].is_title:
            return True  # "Minister of Chemicals and Fertilizers": part of a name
        if span[0].is_title and not span[0].is_sent_start:
            i = span.start - 1  # "... of Communications, Innovation and Digital Economy": the portfolio's last part
            while i >= 1 and (doc[i].is_title or doc[i].text in (",", "&") or doc[i].lower_ == "and") \
                    and doc[i].lower_ not in ("of", "for"):
                i -= 1
            if i >= 1 and i < span.start - 1 and doc[i].lower_ in ("of", "for") and doc[i - 1].is_title:
                return True
        if len(span) != 1:
            return False
        token = span[0]
        if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_:
            return True  # "music-streaming rival"
        listed = token.i + 1 < len(doc) and doc[token.i + 1].text in (",", "and", "or", ";")
        if not listed and token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN") \
                and token.head.i > token.i:
            lemma = token.head.lemma_.lower()
            return lemma not in self.sector_nouns and lemma not in self.topic_nouns
        broad = not self.concepts[key.rstrip("~")]["broader"]
        return broad and any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") for c in token.children)


COORDINATED = re.compile(r"(?<![\w-])(?=((?:[a-z][\w-]+\s*,\s*){0,6}[a-z][\w-]+,?\s+(?:and|or|&)\s+[a-z][\w-]+)\s+([a-z]+)\b(?!-)"
                         r"(?:\s+(industries|industry|sectors|sector)\b)?)")


SHARE_VERBS = {"account", "contribute", "represent", "make", "generate", "employ"}
SHARE_OF = re.compile(r"\b(?:GDP|gross domestic product|of (?:the |its |the country's )?(?:economy|exports|output)|jobs)\b", re.I)
PORTFOLIO = re.compile(r"\b(?:ministers?|ministr(?:y|ies)|secretar(?:y|ies)|departments?|portfolios?)\s+(?:of|for)\s+$", re.I)


def _portfolio(span: Span) -> bool:
    """"the ministers of economy, agriculture, health and energy": portfolios, not industries."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].is_lower or doc[i].text in (",", "and", "&")) and doc[i].lower_ not in ("of", "for") \
            and span.start - i < 12:
        i -= 1
    if i < 1 or doc[i].lower_ not in ("of", "for"):
        return False
    return bool(PORTFOLIO.search(doc[max(0, i - 1):i + 1].text + " "))


def _medium(span: Span) -> bool:
    """"wrote on social media", "the social media platform X": the medium a statement went out by."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start else ""
    after = doc[span.end].lemma_.lower() if span.end < len(doc) else ""
    return span.root.lower_ == "media" and (before in ("on", "via", "across") or after in ("platform", "post", "account"))


def _menu_entry(span: Span) -> bool:
    """A line that is the term alone: a menu entry or section label ("Film", "esports")."""
    text = text_of(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    return text[start:len(text) if end < 0 else end].strip() == span.text


def _merge_broader_short_forms(doc: Doc, spans: list[Span], industries: dict, concepts: dict) -> list[Span]:
    """"the battery sector" beside "the rechargeable battery sector": a broader concept whose every mention
    is the end of a narrower concept's term in the same document is that concept's short form."""
    texts: dict[str, set[str]] = {}
    for s in spans:
        texts.setdefault(s.kb_id_, set()).add(s.text.lower())
    into = {}
    for key, info in industries.items():
        for broader in info["broader"]:
            if broader not in industries or broader in into:
                continue
            terms = texts.get(key, set())  # what the text wrote, not every label the scheme knows
            if all(any(t.endswith(" " + m) or t.endswith(" " + m.rstrip("s")) for t in terms) for m in texts.get(broader, ())):
                into[broader] = key
    for broader, key in into.items():
        industries[key]["aliases"].update({s.text.lower() for s in spans if s.kb_id_ == broader})
        industries.pop(broader)
    return [Span(doc, s.start, s.end, label="INDUSTRY", kb_id=into[s.kb_id_]) if s.kb_id_ in into else s for s in spans]


def _longest(matches: list) -> list:
    """Of overlapping scheme matches, the longest ("stainless steel" over "steel")."""
    matches.sort(key=lambda m: (-(m[0].end - m[0].start), m[0].start))
    taken: set[int] = set()
    out = []
    for span, key in matches:
        if taken.isdisjoint(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            out.append((span, key))
    return sorted(out, key=lambda m: m[0].start)


def _conjuncts(token) -> list:
    """The tokens a list joins with ``token`` ("clothing, tobacco and alcohol")."""
    top = token
    while top.dep_ == "conj" and top.head is not top:
        top = top.head
    out, todo = [top], [top]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                todo.append(c)
    return [t for t in out if t.i != token.i]


def _based(span: Span) -> bool:
    """"renewable energy-based": the term only qualifies what follows."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in ("based", "related", "intensive")


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
