"""Bodies: ministries, courts, party organs, agencies, companies named in the text.

Sources, most trusted first: the gazetteer (``data/bodies.jsonl``), acronyms the text
defines ("Full Name (ACR)"), general name shapes ("Ministry of X", "X Department",
"People's Procuratorate in X"; ``data/body_patterns.json``), company nouns ("chipmaker
Rapidus"), and spaCy's ORG entities, filtered for what names no body (events, laws, places,
people, generic words). Mentions in credits, bylines, source lines and page furniture are
dropped (``body_context``); a media outlet is kept only where the prose cites it. Units
named by description ("the SPC's intellectual property tribunal") are bodies under the body
named. Results go to ``doc.spans["pkg_bodies"]`` (``kb_id_`` is the body's key) and
``doc._.pkg_bodies``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .body_context import is_credit
from .lexicon import is_acronym, is_place, load_json, load_jsonl, normalise, slug, text_of, title_regex, unit_head

if not Token.has_extension("pkg_cap"):
    Token.set_extension("pkg_cap", getter=lambda t: t.text[:1].isupper())
if not Doc.has_extension("pkg_bodies"):
    Doc.set_extension("pkg_bodies", default=None)

UNIT_WORDS = {"Office", "Department", "Bureau", "Division", "Committee", "Secretariat", "Directorate", "Unit", "Section",
              "Board", "Subcommittee", "Commission", "Panel"}
SPEAKS_FOR = {"spokesperson", "spokesman", "spokeswoman"}
# heads that, after "X of Y and", begin a second name ("Committee on Finance and Standing Committee")
SECOND_NAME_HEADS = UNIT_WORDS | {"Ministry", "Agency", "Authority", "Council", "Court", "Tribunal", "Senate", "Parliament",
                                  "Assembly", "Procuratorate", "Administration", "Service"}
SOURCE_RANK = {"gazetteer": 0, "acronym": 1, "pattern": 2, "ner": 3}
PLACE_NOUNS = {"city", "province", "state", "town", "county", "region", "prefecture", "district", "village",
               "capital", "island", "municipality", "port"}
PORTFOLIO_TITLES = {"Minister", "Ministers", "Secretary", "Commissioner"}  # "Defence Minister": a portfolio
RANK_PREFIXES = {"deputy", "vice", "assistant", "acting", "executive", "first", "senior", "chief"}
INTERNATIONAL_STARTS = ("World", "International", "United", "Global", "European", "Asian", "African", "Inter-American")


def _variants(name: str) -> set[str]:
    """A name as texts write it: straight and curly apostrophes."""
    return {name, name.replace("'", "\u2019")}


@Language.factory("policykg_bodies", requires=["doc.ents", "token.dep"],
                  assigns=["doc.spans", "doc._.pkg_bodies"],
                  default_config={"gazetteer": "bodies.jsonl", "patterns": "body_patterns.json"})
class BodyFinder:
    """Finds bodies and gives each a key, canonical name, kind, parent and aliases."""

    def __init__(self, nlp: Language, name: str, gazetteer: str, patterns: str):
        self.entries = {e["id"]: e for e in load_jsonl(gazetteer)} if gazetteer else {}
        shapes = load_json(patterns) if patterns else {}
        self.heads: dict[str, str] = shapes.get("heads", {})
        self.not_bodies = {w.lower() for w in shapes.get("not_bodies", [])}
        self.not_heads = set(shapes.get("not_heads", []))
        self.unit_nouns = set(shapes.get("unit_nouns", []))
        self.generic = set(shapes.get("generic_modifiers", []))
        self.party_plurals: dict[str, str] = shapes.get("party_plurals", {})
        self.media_cues = set(shapes.get("media_cues", []))
        self.title_words = set(shapes.get("title_words", []))
        self.lone_heads = set(shapes.get("lone_heads", []))
        self.demonyms: dict[str, list[str]] = shapes.get("demonyms", {})
        self.legislature_members = set(shapes.get("legislature_members", []))
        self.central_bank_units = list(shapes.get("central_bank_units", []))
        self.organisation_words = {w.lower() for w in [*shapes.get("organisation_nouns", []),
                                                       *shapes.get("unit_nouns", []), *shapes.get("company_nouns", [])]}
        self.building_heads = set(shapes.get("building_heads", []))
        unions = shapes.get("union_words") or {}
        self.union_heads, self.union_words = set(unions.get("heads") or ()), set(unions.get("words") or ())
        self.name_starts: dict[str, str] = shapes.get("name_starts", {})
        central = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in shapes.get("central_bank_words", []))
        self.central_bank = re.compile(rf"(?i:\b(?:{central})\b)") if central else None
        posts = "|".join(re.escape(w) for w in shapes.get("central_bank_posts", []))
        # "Bank of Ghana Governor Ernest Addison", "governor of the Bank of Ghana"
        self.central_bank_post = re.compile(rf"(?:'s|\u2019s)?\s+(?i:{posts})\b|\b(?i:{posts})\s+of\s+(?:the\s+)?$") \
            if posts else None
        # a description of the text's central bank: "the central bank said", "central bank governor Pan Gongsheng"
        self.central_described = re.compile(rf"\b(?i:the|its)\s+(?i:{central})\b" + (
            rf"|(?i:{central})(?:'s|\u2019s)?\s+(?i:{posts})\b" if posts else "")) if central else None
        staff = "|".join(re.escape(w) for w in shapes.get("staff_nouns", [])) or "(?!)"
        described = "|".join(re.escape(w) for w in shapes.get("organisation_nouns", [])) or "(?!)"
        name = r"(?P<{}>(?:[a-z]{{1,2}})?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){{0,3}})"  # "Investec", "mBank"
        self.employer_patterns = re.compile(
            rf"\b(?i:{staff})\s+(?:at|from|with)\s+{name.format('a')}(?=[\s,.;:)]|$)"  # "economists at Investec"
            rf"|(?:^|(?<=[.;]\s)|(?<=\n)){name.format('b')}\s+(?:chief\s+)?(?:economist|analyst|strategist|"
            rf"spokesperson|spokesman|spokeswoman|chief executive|executive|chairman|chairwoman)\s+(?=[A-Z])"
            rf"|(?:^|(?<=\n)|(?<=[.;]\s)){name.format('c')},\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}(?:{described}),",
            re.M)  # "Westpac chief economist X", "Eskom, the state power utility,"
        self.title_end = re.compile(rf"\b{title_regex()}\s*$")
        self.post_after = re.compile(rf"^\s*,\s*(?:the\s+|a\s+|an\s+)?(?:[\w.-]+(?:'s|\u2019s)\s+)?{title_regex()}\b")
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.by_name: dict[str, str] = {}
        for key, entry in self.entries.items():
            for text in [entry["name"], *entry.get("aliases", [])]:
                target = self.acronyms if is_acronym(text) or " " not in text else self.names
                target.add(key, [nlp.make_doc(v) for v in _variants(text)])
                self.by_name.setdefault(text if is_acronym(text) or " " not in text else text.lower(), key)
        self.associations = set(shapes.get("association_words", []))
        self.companies = Matcher(nlp.vocab)
        self.companies.add("company", [[{"LOWER": {"IN": shapes.get("company_nouns", [])}},
                                        {"POS": "PROPN", "_": {"pkg_cap": True}, "OP": "+"}]], greedy="LONGEST")
        # "the water regulator Ofwat", "the competition watchdog ACCC": a noun that names the kind before
        # the name; "the ruling Morena party": a party's name before a lower-case "party"
        self.kind_nouns = Matcher(nlp.vocab)
        for kind, nouns in (shapes.get("kind_nouns") or {}).items():
            self.kind_nouns.add(f"before:{kind}", [[{"LOWER": {"IN": nouns}, "IS_LOWER": True},
                                                    {"POS": "PROPN", "_": {"pkg_cap": True}, "OP": "+"}]], greedy="LONGEST")
        for kind, nouns in (shapes.get("kind_nouns_after") or {}).items():
            self.kind_nouns.add(f"after:{kind}", [[{"LOWER": "the"}, {"IS_LOWER": True, "POS": {"IN": ["ADJ", "VERB"]}, "OP": "?"},
                                                   {"POS": "PROPN", "_": {"pkg_cap": True}, "OP": "+"},
                                                   {"LOWER": {"IN": nouns}, "IS_LOWER": True}]], greedy="LONGEST")
        self.descriptions = Matcher(nlp.vocab)
        for i, pattern in enumerate(shapes.get("descriptions", [])):
            self.descriptions.add(f"description{i}", [pattern])
        self.shapes = Matcher(nlp.vocab)
        head_words = list(self.heads)
        for i, pattern in enumerate(shapes.get("patterns", [])):
            self.shapes.add(f"shape{i}", [_expand(pattern, head_words)])

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, str | None, str]] = []
        countries: dict[str, bool] = {}
        self._countries = countries
        for matcher in (self.names, self.acronyms):
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                if self._local_elsewhere(doc, key, doc[start:end].text):
                    continue  # "DA", "Labour": only where the text is about the body's country
                found.append((doc[start:end], key, "gazetteer"))
        known = [(s, k) for s, k, _ in found]
        for _, start, end in self.shapes(doc):
            span = self._cut_post(_trim(doc[start:end], self.heads))
            if span is not None and not _event(span) and span.text.lower() not in self.not_bodies \
                    and (span[-1].text not in self.not_heads or _head_of(span, self.heads)) \
                    and not (len(span) <= 3 and span[-1].text in self.building_heads and span.start and
                             doc[span.start - 1].lower_ in ("at", "in", "from", "outside", "inside")) \
                    and not self._joins_two(span) and not _portfolio(span):
                found.append((span, *_qualified(span, known)))
        for _, start, end in self.companies(doc):
            span = doc[start + 1:end]
            if len(span) == 1 and span[0].ent_iob_ == "B" and (span.end == len(doc) or doc[span.end].ent_iob_ != "I") \
                    and span[0].ent_type_ in ("PERSON", "GPE", "LOC") and not self._elsewhere_person_or_place(span):
                found.append((span, "@company", "pattern"))  # "French IT group Atos", "rival Spotify"
            elif not any(t.ent_type_ in ("GPE", "NORP", "DATE", "PERSON", "LOC") for t in span) \
                    and not self._not_a_body(span):
                found.append((span, "@company", "pattern"))
        for match_id, start, end in self.kind_nouns(doc):
            side, _, kind = doc.vocab.strings[match_id].partition(":")
            span = doc[start + 1:end] if side == "before" else doc[next(i for i in range(start + 1, end) if doc[i].pos_ == "PROPN"):end - 1]
            # the noun says what the name is ("the water regulator Ofwat", tagged a place): only a country's
            # name or a demonym is none
            if not any(t.ent_type_ in ("NORP", "DATE") for t in span) and not _territory_code(span.text) \
                    and not any(span.text in words for words in self.demonyms.values()) and not any(
                    w in self.heads for w in span.text.split()) and not self._not_a_body(span, employer=True):
                found.append((span, f"@{kind}", "pattern"))
        chosen = _non_overlapping(found)
        chosen = _non_overlapping(_outvoted(chosen, self._entity_candidates(doc, chosen)))
        chosen = _non_overlapping(chosen + self._list_siblings(doc, chosen))
        chosen = _non_overlapping(chosen + _other_mentions(doc, chosen))
        chosen = [(doc[s.start:_possessive_place_cut(doc, s.start, s.end, self.heads)], k, how) for s, k, how in chosen]
        credits = [c for c in chosen if is_credit(c[0])]
        chosen = [c for c in chosen if not is_credit(c[0])]
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
        spans = self._described_units(doc, spans, bodies)
        spans += self._described_bodies(doc, spans, bodies, credits)
        spans = _merge_short_forms(doc, spans, bodies, self.heads)
        spans = self._cited_media(spans, bodies)
        self._central_banks(doc, spans, bodies)
        _link_parents(doc, spans, bodies, self.entries, self.unit_nouns)
        self._central_bank_units(bodies)
        for info in bodies.values():
            # A unit ("Office", "Department") is of its parent's kind: a court's office is judicial.
            parent = bodies.get(info["parent"]) or self.entries.get(info["parent"] or "")
            if info["key"] not in self.entries and parent and unit_head(info["name"]) in UNIT_WORDS | self.unit_nouns:
                info["kind"] = parent["kind"]
        doc.spans["pkg_bodies"] = sorted(spans, key=lambda s: s.start)
        doc._.pkg_bodies = bodies
        return doc

    def _local_elsewhere(self, doc: Doc, key: str, text: str) -> bool:
        """``text`` is one of the entry's local aliases ("DA", "House of Representatives") and the
        text does not name the entry's country."""
        entry = self.entries[key]
        if text not in entry.get("local_aliases", ()) and \
                text.lower() not in {a.lower() for a in entry.get("local_aliases", ())}:
            return False
        country = entry.get("country", "")
        if country not in self._countries:
            self._countries[country] = self._names_country(doc, country)
        return not self._countries[country]

    def _describe(self, span: Span, key: str | None) -> dict:
        if key and key.startswith("@"):
            kind, _, name = key[1:].partition(":")
            name = name or normalise(span.text)
            if kind == "ner":
                kind = self._kind(name, default=_context_kind(span, self.media_cues))
            return {"key": slug(name), "name": name, "kind": kind, "parent": None, "wikidata": None,
                    "aliases": {normalise(span.text)} - {name}}
        if key:
            entry = self.entries[key]
            return {"key": key, "name": entry["name"], "kind": entry["kind"], "parent": entry.get("parent"),
                    "wikidata": entry.get("wikidata"), "posts": entry.get("posts"),
                    "aliases": {normalise(a) for a in entry.get("aliases", [])} | {normalise(span.text)} - {entry["name"]}}
        name = normalise(span.text)
        return {"key": slug(name), "name": name, "kind": self._kind(name), "parent": None,
                "wikidata": None, "aliases": set()}

    def _kind(self, name: str, default: str = "other") -> str:
        """The kind a name's head word gives: the word before "of/for/on" ("Ministry of X"), else the last
        head word; a central bank is government, a name opening "World"/"European"... international."""
        words = name.replace(",", " ").split()
        if any(w in ("Party", "CPC", "CCP") for w in words):
            return "party"
        cut = next((i for i, w in enumerate(words) if w in ("of", "for", "on")), len(words))
        lead = words[:cut]
        if lead and lead[-1] in ("Chamber", "House") and cut + 1 < len(words) and words[cut] == "of" \
                and words[cut + 1] in self.legislature_members:
            return "legislature"  # "Chamber of Deputies", "House of Representatives"
        if self.associations.intersection(lead):
            return "other"  # "European Chemical Industry Council" is a trade association
        if lead and lead[-1] in self.union_heads and self.union_words.intersection(lead[:-1]):
            return "other"  # "Nigeria Labour Congress", "Japanese Trade Union Confederation": trade unions
        if len(words) > 1 and words[0] in self.name_starts:
            return self.name_starts[words[0]]  # "Statistics Poland"
        if words[0] in INTERNATIONAL_STARTS and words[-1] not in ("Journal", "News", "Times", "Post"):
            return "international"
        head = next((w for w in reversed(lead) if w in self.heads), None) \
            or next((w for w in reversed(words) if w in self.heads), None)
        if head in UNIT_WORDS and lead and head == lead[-1]:
            rest = words[cut + 2:] if cut + 2 < len(words) and words[cut + 1] == "the" else []
            if any(w in self.heads for w in rest):  # "Board of the U.S.-China Business Council": the council's kind
                return self._kind(" ".join(rest), default=self.heads[head])
            owner = next((self.heads[w] for w in lead[:-1] if self.heads.get(w) in ("legislature", "party", "court")), None)
            if owner:  # "Senate Commerce, Science, and Transportation Committee"
                return owner
        if head == "Bank":  # a central bank by its name ("Reserve Bank of India"); else any bank's
            return "government" if self.central_bank and self.central_bank.search(name) else "company"
        return self.heads[head] if head else default

    def _cut_post(self, span: Span | None) -> Span | None:
        """"Bank of Japan Governor Kazuo Ueda", "Ministry of Finance Deputy Secretary Ana Lopez": a
        post title (with its rank words) between a name and a person's name ends the name, whatever
        the shape took in after it ("Office of the President" stays whole: no name follows)."""
        if span is None:
            return None
        doc = span.doc
        for i in range(span.start + 1, span.end):
            j = i
            while j < len(doc) and doc[j].lower_ in RANK_PREFIXES:
                j += 1
            if j == len(doc) or doc[j].text not in self.title_words:
                continue
            k = j
            while k < len(doc) and doc[k].text in self.title_words:
                k += 1
            if k < len(doc) and (doc[k].ent_type_ == "PERSON" or doc[k]._.pkg_cap):
                if doc[i - 1].lower_ in ("of", "the", "for"):  # "Office of the President": the post names it
                    return doc[span.start:k]
                cut = doc[span.start:i]
                return cut if len(cut) > 1 and any(t.text in self.heads for t in cut) else None
        return span

    def _central_banks(self, doc: Doc, spans: list, bodies: dict) -> None:
        """A bank the text shows to be a central bank is government (``_called_central``); so is the
        one bank of a text that speaks of "the central bank" ("central bank governor X") and names
        no central bank. "Bank of X" alone is no evidence: Bank of America and Bank of China are not."""
        if self.central_bank is None:
            return
        text = text_of(doc)
        banks = [(key, info) for key, info in bodies.items() if key not in self.entries and info["kind"] == "company"
                 and "Bank" in info["name"].split()]
        for key, info in banks:
            if self._called_central(text, info["name"], [s for s in spans if s.kb_id_ == key]):
                info["kind"] = "government"
        central = [info for info in bodies.values() if info["kind"] == "government"
                   and ({"Bank", "Reserve"} & set(info["name"].split()) or self.central_bank.search(info["name"]))]
        others = [key for key, info in bodies.items() if key not in self.entries and "Bank" in info["name"].split()]
        if len(banks) == 1 and len(others) == 1 and not central and self.central_described.search(text):
            banks[0][1]["kind"] = "government"

    def _central_bank_units(self, bodies: dict) -> None:
        """"The Monetary Policy Committee voted to hold": a central bank's policy committee
        (``central_bank_units``) with no parent given is under the text's one central bank."""
        units = {w.lower() for w in self.central_bank_units}
        if not units:
            return
        banks = [k for k, b in bodies.items() if b["kind"] == "government" and normalise(b["name"]).lower() not in units
                 and ({"Bank", "Reserve"} & set(b["name"].split()) or "Monetary Authority" in b["name"]
                      or (self.central_bank and self.central_bank.search(b["name"])))]
        if len(banks) != 1:
            return
        for key, info in bodies.items():
            if not info["parent"] and key != banks[0] and normalise(info["name"]).lower() in units:
                info["parent"] = banks[0]

    def _called_central(self, text: str, name: str, mentions: list) -> bool:
        """The text calls the bank a central bank: beside a mention ("the Bank of Thailand, the
        country's central bank", "Mexico's central bank, the Bank of Mexico"), by its governor
        ("Bank of Ghana Governor X", "governor of the Bank of Ghana"), or by the place it is named
        after ("Mexico's central bank", "the Mexican central bank", "the central bank of Mexico"
        for the Bank of Mexico)."""
        cb = self.central_bank.pattern
        governor = self.central_bank_post
        for s in mentions:
            after, before = text[s.end_char:s.end_char + 80], text[max(0, s.start_char - 40):s.start_char]
            if re.match(rf"(?:'s|\u2019s)?\s*[,(\u2014-]\s*(?:the|its|\w+(?:'s|\u2019s))\s+(?:[\w'\u2019-]+\s+){{0,2}}{cb}", after) \
                    or re.search(rf"{cb}\s*[,(\u2014-]?\s*(?:the\s+)?$", before) \
                    or (governor and (governor.match(after) or governor.search(before[-30:]))):
                return True
        place = name.split(" of ", 1)[1].removeprefix("the ") if " of " in name else ""
        if not place:
            return False
        words = [re.escape(place)] + [re.escape(w) for w in self.demonyms.get(_territory_code(place) or "", [])]
        if " " not in place and len(place) >= 4:
            words.append(re.escape(place[:4]) + r"\w*")  # "Mexican" for Mexico, "Kenyan" for Kenya
        where = "|".join(words)
        return bool(re.search(rf"\b(?:{where})(?:'s|\u2019s)?\s+{cb}|{cb}\s+of\s+(?:the\s+)?(?:{where})\b", text))

    def _entity_candidates(self, doc: Doc, chosen: list) -> list:
        """spaCy's ORG entities (and party names from NORP: "the Liberals") that no trusted source took,
        cut to the name, split where the entity runs a list together, and filtered."""
        taken = {i for span, _, _ in chosen for i in range(span.start, span.end)}
        patterns = [span for span, _, source in chosen if source == "pattern"]
        out = []
        not_bodies = self._defined_non_bodies(doc)
        for ent in doc.ents:
            if ent.text in not_bodies:
                continue
            if ent.label_ == "NORP" and ent.text in self.party_plurals and taken.isdisjoint(range(ent.start, ent.end)):
                out.append((ent, f"@party:{self.party_plurals[ent.text]}", "ner"))
            if ent.label_ in ("PERSON", "GPE", "FAC") and self.heads.get(ent[-1].text) in ("media", "company") \
                    and len(ent) > 1 and taken.isdisjoint(range(ent.start, ent.end)):
                out.append((ent, "@ner", "ner"))  # "Sueddeutsche Zeitung", tagged a person
                continue
            if ent.label_ != "ORG":
                continue
            held = [p for p in patterns if ent.start <= p.start and p.end <= ent.end]
            inside = {i for p in held for i in range(p.start, p.end)} if len(held) == 1 else set()
            if _institution_of(_clean(ent)):  # "University of Chinese Academy of Social Sciences"
                inside |= {i for span, _, source in chosen if source == "gazetteer" and ent.start <= span.start
                           and span.end <= ent.end for i in range(span.start, span.end)}
            for part in self._split_known(_split_list(_cut_person(self._cut_owner(_clean(ent))))):
                if part is None or not (taken - inside).isdisjoint(range(part.start, part.end)) or self._not_a_body(part):
                    continue
                key = self.by_name.get(part.text) or self.by_name.get(normalise(part.text).lower())
                if key and self._local_elsewhere(doc, key, normalise(part.text)):
                    key = None  # "House of Representatives" in a Nigerian text is not the US House
                out.append((part, key, "gazetteer") if key else (part, "@ner", "ner"))
        out += self._employers(doc, taken)
        for token in doc:
            # "Modi's Cabinet", "the Senate": an institution's head word standing alone names it
            if token.text in self.lone_heads and token.i not in taken and not token.is_sent_start \
                    and not (token.i + 1 < len(doc) and doc[token.i + 1]._.pkg_cap) \
                    and not (token.i and doc[token.i - 1]._.pkg_cap and doc[token.i - 1].text not in ("The",)) \
                    and not any(e.start <= token.i < e.end for e in doc.ents if e.label_ == "ORG"):
                out.append((doc[token.i:token.i + 1], "@ner", "ner"))
        return out

    def _names_country(self, doc: Doc, code: str) -> bool:
        """The text names the country ``code``: its English name (CLDR, through Babel) or a listed word."""
        words = set(self.demonyms.get(code, []))
        name = _territory_name(code)
        if name:
            words.add(name)
        text = text_of(doc)
        return any(re.search(rf"(?<![\w.]){re.escape(w)}(?![\w])", text) for w in words)

    def _employers(self, doc: Doc, taken: set) -> list:
        """Names the text shows to be organisations by their people or a description: "economists at
        Investec", "Westpac chief economist Luci Ellis", "Eskom, the state power utility, said"."""
        out = []
        text = text_of(doc)
        for m in self.employer_patterns.finditer(text):
            group = next(g for g in "abc" if m.group(g))
            start, end = m.start(group), m.end(group)
            stop = re.search(r"\.(?:\s|$)", text[start:end])  # "Investec. Under ...": the sentence ended
            if stop and text[start:end][:stop.start() + 1].split()[-1] not in self.heads:
                end = start + stop.start()
            span = doc.char_span(start, end)
            if span is None or not taken.isdisjoint(range(span.start, span.end)) or self._not_a_body(span, employer=True):
                continue
            # a person's employer ("a senior economist at Desjardins") is an organisation whatever NER calls it;
            # staff in the plural may be at a place ("officials at Brussels")
            single = group == "a" and not re.match(r"\w+s\b", m.group(0))
            vetoed = ("DATE",) if single else ("DATE", "GPE", "LOC") if group == "a" else ("PERSON", "GPE", "LOC", "DATE")
            if any(t.ent_type_ in vetoed for t in span):
                continue
            out.append((span, "@ner", "ner"))
        return out

    def _list_siblings(self, doc: Doc, chosen: list) -> list:
        """"Kioxia, Denso, Toyota Motor, NEC and NTT": a name spaCy took for a person or place, listed
        with two or more bodies, is one of them."""
        inside = {i for span, _, _ in chosen for i in range(span.start, span.end)}
        out = []
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "GPE", "LOC", "NORP") or len(ent) > 3 or not inside.isdisjoint(range(ent.start, ent.end)):
                continue
            siblings = [t for t in _conjuncts(ent.root) if t.i in inside]
            if len(siblings) >= 2 and not self._beside_title(ent) and not self._not_a_body(ent):
                out.append((ent, "@ner", "ner"))
        return out

    def _cut_owner(self, span: Span | None) -> Span | None:
        """"Parliament's Standing Committee on Appropriations": the owner before "'s" is the parent, not
        part of the name, where it is a body word or a known body (not in "Moody's Investors Service")."""
        if span is None:
            return None
        for t in span[:-1]:
            if t.text in ("'s", "\u2019s") and t.i > span.start:
                owner = span.doc[span.start:t.i]
                if owner.text in self.heads or self._known(owner.text):
                    return span.doc[t.i + 1:span.end]
        return span

    def _defined_non_bodies(self, doc: Doc) -> set[str]:
        """"the Digital Markets Act (DMA)": an acronym the text defines as a law, event or plan names no body."""
        out = set()
        for m in re.finditer(r"\b([A-Z][\w-]*)\s+\(([A-Z][A-Za-z]{1,9})\)", text_of(doc)):
            if m.group(1) in self.not_heads:
                out.add(m.group(2))
        # "the special tax on production and services (IEPS)": a common noun phrase's short form, unless
        # the noun is an organisation's ("Argentina's central bank (BCRA)")
        for m in re.finditer(r"\b([a-z][a-z-]+)\s+\(([A-Z]{2,10})\)", text_of(doc)):
            word = m.group(1)
            if word not in self.organisation_words and word.rstrip("s") not in self.organisation_words:
                out.add(m.group(2))
        return out

    def _joins_two(self, span: Span) -> bool:
        """"CCA and Treasury", "Telephone and MUFG Bank": an "and" that joins two names, not a name's words
        ("Food and Drug Administration")."""
        words = [t.lower_ for t in span]
        if "and" not in words and "&" not in words:
            return False
        i = words.index("and") if "and" in words else words.index("&")
        left, right = span[:i], span[i + 1:]
        if any(w in ("of", "for", "on") for w in words[:i]):
            # "Select Committee on Finance and Standing Committee on Finance": a head after the "and"
            # begins a second name; "Committee on Economic Affairs and Energy" is one
            return any(t.text in SECOND_NAME_HEADS for t in right)
        return not len(right) or right[0].text in self.heads or any(t.text.isupper() and len(t.text) >= 2 for t in right) \
            or (len(left) == 1 and left[0].text.isupper() and len(left[0].text) >= 2)

    def _split_known(self, parts: list) -> list:
        """"CCA and Treasury": an entity joining two names, one of them known, is two names."""
        out = []
        for part in parts:
            ands = [t.i for t in part if t.lower_ in ("and", "&")] if part is not None else []
            if len(ands) == 1 and part.start < ands[0] < part.end - 1:
                left, right = part.doc[part.start:ands[0]], part.doc[ands[0] + 1:part.end]
                if any(self._known(p.text) for p in (left, right)):
                    out += [left, right]
                    continue
            out.append(part)
        return out

    def _known(self, text: str) -> bool:
        return text in self.by_name or text.lower() in self.by_name or text in self.heads

    def _not_a_body(self, span: Span, employer: bool = False) -> bool:
        """Events, laws, places, people, generic words and page furniture that spaCy tags ORG.
        ``employer``: the context shows the name to be an organisation ("economists at X", "the water
        regulator X"), so what NER calls its other mentions does not count."""
        doc = span.doc
        text = normalise(span.text).rstrip(".") if not span[-1].text in self.heads else normalise(span.text)
        words = text.split()
        capital = text[:1].isupper() or (employer and re.match(r"[a-z]{1,2}[A-Z]", text) is not None)  # "mBank"
        if not words or not capital or text.lower() in self.not_bodies or _event(span):
            return True
        if len(span) == 1 and span[0].is_sent_start and span[0].pos_ == "NOUN" and not text.isupper() \
                and not self._known(text) and not employer:
            return True  # "Telecoms contributed 14 per cent of GDP": a common noun capitalised as a sentence opens
        if len(span) == 1 and (text.rstrip("s") in self.heads or text[:-2] in self.heads) and text not in self.heads:
            return True  # "Procuratorates": a generic plural
        if len(span) == 1 and span.root.dep_ == "compound" and span.root.head.tag_ == "NNS":
            return True  # "Party committees"
        if not any(w in self.heads for w in words) and not employer and _mostly_not_org(span, text):
            return True  # "said Han Jun.": spaCy's one ORG among the name's mentions
        if self.post_after.match(text_of(doc)[span.end_char:span.end_char + 80]):
            return True  # "Gong Peihua, deputy procurator-general of ...": a person with a post
        if any(t.like_num or (any(c.isdigit() for c in t.text) and not re.fullmatch(r"[A-Z]+-?\d{1,2}", t.text))
               or t.text in ("/", "|", "\u2022", "@", "=", "+", "#") for t in span):
            return True
        if len(span) == 1 and (text in _currency_codes() or text == "SDR") and span.end < len(doc) \
                and (doc[span.end].like_num or doc[span.end].text[:1].isdigit()):
            return True  # "EGP 4.6 trillion", "SDR 254 million": a currency's code before an amount
        if any(re.fullmatch(r"[A-Z]\d+(?:\.\d+)?", t.text) for t in span) and _amount_context(span):
            return True  # "from N11 to N16 per minute", "between P45 and P52 per kilo": money in a currency's letter
        if 1 < len(words) <= 3 and words[-1] in self.building_heads and "of" not in words:
            return True  # "Speaking at Kilimo House": a building
        has_head = any(w in self.heads for w in words)
        if words[-1].split("-")[-1] in self.not_heads and words[-1] not in self.heads:
            return True  # "BI-Rate"
        if len(span) == 1 and (span.start == 0 or "\n" in doc[span.start - 1].text or doc[span.start - 1].is_space) \
                and span.end < len(doc) and doc[span.end].text == ":":
            return True  # "Notice: office hours ...": a label opening a line
        if len(span) == 1 and text.isupper() and len(text) >= 5 and text not in self.by_name and (
                span.start == 0 or "\n" in doc[span.start - 1].text or doc[span.start - 1].is_space) \
                and span.end < len(doc) and doc[span.end].text in (",", "(", "-", "\u2013", "\u2014", ":"):
            return True  # a dateline: "MUMBAI, Feb 7 (Reuters) -"
        lead = words[:next((i for i, w in enumerate(words) if w in ("of", "for", "on")), len(words))]
        if lead and lead[-1] in self.not_heads and lead[-1] not in self.heads:
            return True  # "Food and Grocery Code of Conduct", "Treaty of Lisbon"
        content = [w for w in words if w not in ("of", "and", "the", "for", "&")]
        generic = [w for w in words if w.lower() in self.not_bodies]
        if words[-1] in self.not_heads or (not has_head and generic and (
                words[-1] in generic or len(content) <= 2 or any(w.isupper() for w in generic))):
            # "China Intensify IP Protection", "Chitose Bibi World"; "Business Unity South Africa" stands
            return True
        same = [e.label_ for e in doc.ents if e.text.lower() == text.lower() and e.start != span.start]
        others = sum(1 for label in same if label in ("GPE", "LOC", "NORP", "PERSON"))
        if not employer and others and others >= sum(1 for label in same if label == "ORG"):
            return True  # a place or person spaCy tags elsewhere, as often as it tags it an organisation
        if len(span) == 1 and any(e.label_ == "PERSON" and span.text in e.text.split() and e.start != span.start
                                  and (len(e) > 1 or others >= sum(1 for label in same if label == "ORG"))
                                  for e in doc.ents):
            return True  # a surname ("Wang", "Pistorius") spaCy also took for an organisation
        if any(w in self.title_words for w in words) and words[-1] not in self.heads:
            return True  # "Union Minister of Chemicals": a post, not a body
        if len(span) == 1 and not has_head and not employer and _only_modifier_or_surname(span):
            return True
        if _portfolio(span):
            return True  # "Union Agriculture and Farmers Welfare Minister", "Defence Minister"
        if not has_head and self._beside_title(span):
            return True  # "Health Minister Mansukh Mandaviya", "vice governor of Hokkaido", "Defence Minister X"
        if words[-1] in self.title_words or span.root.head.text in self.title_words and span.root.head.i >= span.end:
            return True  # "Union Ministers", "Union Agriculture and Farmers Welfare Minister"
        if span.root.dep_ == "conj" and span.root.head.ent_type_ == "PERSON" and span.label_ != "PERSON":
            return True  # "Savitri Thakur, and Durga Das Uikey"
        return False

    def _beside_title(self, span: Span) -> bool:
        """A post title before the name, maybe across a portfolio ("Minister X", "governor of X",
        "Minister of Chemicals and Fertilizers X", "chief executive X"), or just after it ("X Minister")."""
        doc = span.doc
        titles = {w.lower() for w in self.title_words}
        i = span.start - 1
        crossed = False
        while i >= 0 and span.start - i <= 8:
            if doc[i].lower_.rstrip(".") in titles:
                if crossed and doc[i].lower_ in SPEAKS_FOR:
                    break  # "a spokesperson for MTN Nigeria": the one spoken for is an organisation
                return True
            crossed = crossed or doc[i].lower_ in ("of", "for")
            if not (doc[i]._.pkg_cap or doc[i].lower_ in ("the", "of", "for", "and", ",", "&")):
                break
            i -= 1
        line_start = text_of(doc).rfind("\n", 0, span.start_char) + 1
        if self.title_end.search(text_of(doc)[max(line_start, span.start_char - 60):span.start_char]):
            return True
        if span.start and doc[span.start - 1].lower_ == "in" and len(span) == 1 and span.label_ != "ORG":
            return True  # "in Hyderabad": a place spaCy took for an organisation
        if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in PLACE_NOUNS:
            return True  # "the city of Ulsan"
        return span.end < len(doc) and doc[span.end].text in PORTFOLIO_TITLES or \
            any(t.text in self.title_words for t in span)

    def _elsewhere_person_or_place(self, span: Span) -> bool:
        text = span.text
        return any(e.label_ in ("PERSON", "GPE", "LOC") and text in e.text.split() and e.start != span.start
                   for e in span.doc.ents)

    def _defined_acronyms(self, doc: Doc, spans: list[Span], bodies: dict) -> list[Span]:
        """"Full Name (ACR)": ACR becomes an alias, and its later mentions point to the body."""
        defined: dict[str, str] = {}
        for span in spans:
            after = doc[span.end:span.end + 4]
            close = next((i for i, t in enumerate(after) if t.text == ")"), None)
            if not after or after[0].text != "(" or close is None or close < 2:
                continue
            words = after[1:close]  # "(SPP)", "(DG ENER)", "(Nersa)", "(Bundesnetzagentur)"
            if all(t.text.isupper() or is_acronym(t.text) for t in words) and is_acronym(words.text.replace(" ", "")) \
                    or self._short_name(doc, bodies[span.kb_id_]["name"], words):
                defined[words.text] = span.kb_id_
                bodies[span.kb_id_]["aliases"].add(words.text)
        taken = {i for s in spans for i in range(s.start, s.end)}
        return [Span(doc, span.start, span.end, label="BODY", kb_id=key)
                for acronym, key in defined.items() for span in _occurrences(doc, acronym)
                if taken.isdisjoint(range(span.start, span.end)) and not is_credit(span)]

    def _short_name(self, doc: Doc, name: str, words: Span) -> bool:
        """"National Energy Regulator of South Africa (Nersa)", "National Electric Energy Agency (Aneel)":
        one capitalised word in brackets after a name is the text's short name for it when it spells
        the name's initials or the text uses it again, and names no place or person."""
        if len(words) != 1 or not re.fullmatch(r"[A-Z][\w-]{2,24}", words[0].text) or is_place(words[0]) \
                or words[0].ent_type_ == "PERSON" or words[0].text in self.heads or words[0].text.lower() in self.not_bodies:
            return False
        word = words[0].text
        if word.lower() == _initials(name).lower():
            return True
        return len(_occurrences(doc, word)) >= 2

    def _described_units(self, doc: Doc, spans: list[Span], bodies: dict) -> list[Span]:
        """Units a text names by description around a named body, each a body under it:
        "the SPC's intellectual property tribunal", "the financial and economic affairs committee of
        the NPC", "the BJP parliamentary board", "the M.P. unit of the BJP"."""
        out = list(spans)
        for body in list(spans):
            for start, end in self._unit_around(doc, body):
                inside = [s for s in out if start <= s.start and s.end <= end and s is not body]
                if any(s.start < end and start < s.end for s in out if s not in inside and s is not body):
                    continue
                for s in inside:  # "The M.P. unit of the BJP": "M.P." alone named no body
                    out.remove(s)
                    if not any(o.kb_id_ == s.kb_id_ for o in out):
                        bodies.pop(s.kb_id_, None)
                unit = doc[start:end]
                name = normalise(unit.text)
                key = slug(name)
                bodies.setdefault(key, {"key": key, "name": name, "kind": bodies[body.kb_id_]["kind"],
                                        "parent": body.kb_id_, "wikidata": None, "aliases": set()})
                out.remove(body)
                out.append(Span(doc, start, end, label="BODY", kb_id=key))
                out.append(body)
        return out

    def _unit_around(self, doc: Doc, body: Span):
        """Token bounds of a described unit that holds ``body``'s mention, if any."""
        def modifiers(i: int, step: int) -> int:
            """How far lower-case modifiers ("intellectual property", "financial and economic affairs") run."""
            j = i
            while 0 <= j < len(doc) and (doc[j].is_lower and doc[j].is_alpha and doc[j].text not in self.generic
                                         and doc[j].pos_ in ("NOUN", "ADJ", "PROPN", "CCONJ")):
                j += step
            return j
        # "Y's <mods> unit" and "Y <mods> unit"
        i = body.end + (1 if body.end < len(doc) and doc[body.end].text in ("'s", "\u2019s") else 0)
        j = modifiers(i, 1)
        last = next((n for n in range(j - 1, i, -1) if doc[n].lower_ in self.unit_nouns), None)
        if last is not None and doc[last - 1].pos_ != "CCONJ":
            yield body.start, last + 1
            return
        if i > body.end and i < len(doc) and doc[i].lower_ in self.unit_nouns and doc[i].is_lower:
            return  # "the ministry's bureau": no name
        # "<mods> unit of (the) Y" and "<Name> unit of the Y"
        k = body.start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in self.unit_nouns and doc[k - 1].is_lower:
            first = modifiers(k - 2, -1) + 1
            if first <= k - 2 and doc[first].pos_ != "CCONJ":
                yield first, body.end
            elif first == k - 1 and k >= 2 and doc[k - 2]._.pkg_cap and doc[k - 2].ent_type_ != "PERSON" \
                    and doc[k - 1].lower_ in ("unit", "wing", "branch", "chapter", "cell"):
                m = k - 2
                while m > 0 and doc[m - 1]._.pkg_cap and k - m < 4:
                    m -= 1
                yield m, body.end

    def _described_bodies(self, doc: Doc, spans: list[Span], bodies: dict, credits: list) -> list[Span]:
        """"the health ministry", "South Korea's industry ministry", "the presidential office": a body the
        text names by description; the named body it describes where the text has one (even one named
        only in a credit, as "(Ministry of Trade, Industry and Energy)" under a photo)."""
        taken = {i for s in spans for i in range(s.start, s.end)}
        out = []
        for _, start, end in self.descriptions(doc):
            span = doc[start:end]
            if not taken.isdisjoint(range(start, end)) or is_credit(span):
                continue
            before = doc[start - 1] if start else None
            if before is None or not (before.lower_ == "the" or before.text in ("'s", "\u2019s")):
                continue  # "a ministry", "each ministry" are no one body
            word = span[0].text.lower()
            match = next((s.kb_id_ for s in spans if word in bodies[s.kb_id_]["name"].lower().replace(",", "").split()
                          and span[-1].text.title() in bodies[s.kb_id_]["name"].split()), None)
            if match is None:
                for cspan, key, _ in credits:
                    info = self._describe(cspan, key)
                    if word in info["name"].lower().replace(",", "").split() and span[-1].text.title() in info["name"].split():
                        bodies.setdefault(info["key"], info)
                        match = info["key"]
                        break
            name = normalise(span.text)
            if match is None:
                match = slug(name)
                bodies.setdefault(match, {"key": match, "name": name, "kind": self._kind(name.title()), "parent": None,
                                          "wikidata": None, "aliases": set()})
            else:
                bodies[match]["aliases"].add(name)
            taken.update(range(start, end))
            out.append(Span(doc, start, end, label="BODY", kb_id=match))
        return out

    def _cited_media(self, spans: list[Span], bodies: dict) -> list[Span]:
        """A media outlet is a body where the prose cites it ("told RTL", "reports AFP", "according to a
        report by Xinhua", "Daily Maverick's reporter"), not where it is only named (an 'about us' footer)."""
        keep = set()
        for span in spans:
            if bodies[span.kb_id_]["kind"] != "media" or _cited(span, self.media_cues):
                keep.add(span.kb_id_)
        for key in set(bodies) - keep:
            bodies.pop(key)
        for key, info in list(bodies.items()):  # a unit described under a dropped body goes with it
            if info["parent"] and info["parent"] not in bodies and info["parent"] not in self.entries:
                bodies.pop(key)
        return [s for s in spans if s.kb_id_ in bodies]


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset:
    from .currencies import _current_codes
    return frozenset(_current_codes())


def _amount_context(span: Span) -> bool:
    """A letter-and-digits token read as money: after "from/between/to/at/as low as", or before "per/billion"."""
    doc = span.doc
    prev = doc[span.start - 1].lower_ if span.start else ""
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    return prev in ("from", "between", "to", "at", "as", "about", "around") or \
        nxt in ("per", "billion", "million", "trillion", "bn", "m", "a", "each")


def _head_of(span: Span, heads: dict) -> bool:
    """"Bank of the Philippine Islands": a head word before "of/for" heads the name, whatever ends it."""
    words = [t.text for t in span]
    cut = next((i for i, w in enumerate(words) if w in ("of", "for")), None)
    return cut is not None and cut > 0 and words[cut - 1] in heads


def _context_kind(span: Span, media_cues: set) -> str:
    """A name with no head word: a media outlet where the prose cites it as a source, else a company."""
    return "media" if _cited(span, media_cues, strict=True) else "company"


def _cited(span: Span, cues: set, strict: bool = False) -> bool:
    """The mention is the source of reported words: subject or object of a reporting verb, the agent of
    "asked by", the object of "interview with", the owner of a reporter or programme."""
    root = span.root
    if root.dep_ == "poss" and not strict:
        return True
    if strict:  # the verb (or, through a preposition, the word) the name depends on reports
        node = root.head.head if root.dep_ == "pobj" else root.head
        return root.dep_ in ("nsubj", "dobj", "pobj", "dative", "nsubjpass") and node.lemma_.lower() in cues \
            and (node.pos_ in ("VERB", "AUX") or root.dep_ == "pobj")
    node, steps = root, 0
    while node.head is not node and steps < 3:
        node, steps = node.head, steps + 1
        if node.lemma_.lower() in cues and (node.pos_ in ("VERB", "AUX") or not strict):
            return not strict or root.dep_ in ("nsubj", "dobj", "pobj", "dative", "nsubjpass", "appos")
    return False


def _outvoted(chosen: list, candidates: list) -> list:
    """An entity that holds a shape match and reaches further ("University of Chinese Academy of Social
    Sciences" over "Chinese Academy of Social Sciences") replaces it; gazetteer names stand."""
    out = list(chosen)
    for cand in candidates:
        span = cand[0]
        ent = next((e for e in span.doc.ents if e.start <= span.start and span.end <= e.end), None)
        if ent is None:
            continue
        beaten = [c for c in out if (c[2] == "pattern" or (c[2] == "gazetteer" and _institution_of(span)))
                  and span.start <= c[0].start and c[0].end <= span.end  # the candidate itself reaches further
                  and (c[0].start, c[0].end) != (span.start, span.end)]
        if len(beaten) == 1 and len(beaten[0][0]) < len(ent):  # an entity that joins two names loses
            out = [c for c in out if c not in beaten]
    return out + candidates


@lru_cache(maxsize=None)
def _territory_code(name: str) -> str | None:
    """A country's code from its English name (CLDR through Babel: "Mexico" -> "MX")."""
    try:
        from babel import Locale
        return next((code for code, n in Locale("en").territories.items() if n == name), None)
    except Exception:
        return None


def _territory_name(code: str) -> str | None:
    """A country's English name from the CLDR data Babel ships ("ZA" -> "South Africa")."""
    try:
        from babel import Locale
        return Locale("en").territories.get(code)
    except Exception:  # Babel missing or no such code: the listed words alone decide
        return None


def _portfolio(span: Span) -> bool:
    """Words that a minister's title follows name a portfolio, not a body."""
    doc = span.doc
    j = span.end
    while j < len(doc) and j - span.end < 5 and (doc[j].lower_ in ("and", "&") or doc[j]._.pkg_cap) \
            and doc[j].text not in PORTFOLIO_TITLES:
        j += 1
    return j < len(doc) and doc[j].text in PORTFOLIO_TITLES and not any(t.text in ("Ministry", "Department") for t in span)


def _only_modifier_or_surname(span: Span) -> bool:
    """A one-word name that the text only uses to modify a noun ("the Hokkaido project", "a
    Hyderabad-based firm"), or that follows a given name somewhere ("Mansukh Mandaviya")."""
    doc = span.doc
    mentions = [m for m in _occurrences(doc, span.text) if len(m) == 1]
    modifier = 0
    for m in mentions:
        token = m[0]
        prev = doc[token.i - 1] if token.i else None
        if prev is not None and not prev.is_sent_start and prev.pos_ == "PROPN" and prev.text.istitle() \
                and (prev.ent_type_ in ("", "ORG", "PERSON") or (prev.ent_type_ == "NORP" and not DEMONYM_END.search(prev.text))) \
                and token.i - 1 > 0 and doc[token.i - 2].text not in ("'s", "\u2019s"):
            return True
        nxt = doc[token.i + 1:token.i + 3]
        if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ == "based":
            modifier += 1
        elif token.dep_ == "compound" and token.head.is_lower and token.head.pos_ == "NOUN":
            modifier += 1
    return bool(mentions) and modifier == len(mentions)


def _mostly_not_org(span: Span, text: str) -> bool:
    """The name recurs, and spaCy tags most of its mentions as no organisation."""
    doc = span.doc
    mentions = len(re.findall(rf"(?<![\w-]){re.escape(text)}(?![\w-])", text_of(doc)))
    if mentions < 3:
        return False
    orgs = sum(1 for e in doc.ents if e.label_ == "ORG" and normalise(e.text).rstrip(".") == text)
    return orgs * 2 < mentions


def _cut_person(span: Span | None) -> Span | None:
    """"Internal Market Thierry Breton": a person's name the text gives elsewhere ends no body's name."""
    if span is None:
        return None
    people = {e.text for e in span.doc.ents if e.label_ == "PERSON"}
    for n in range(span.start + 1, span.end - 1):
        if span.doc[n:span.end].text in people:
            return span.doc[span.start:n]
    return span


def _merge_short_forms(doc: Doc, spans: list[Span], bodies: dict, heads: dict) -> list[Span]:
    """A name that is another body's alias, or its head word ("Commission" beside "European Commission",
    "the Journal" beside "The Wall Street Journal"), is that body."""
    into: dict[str, str] = {}
    for key, info in bodies.items():
        name = info["name"]
        for other_key, other in bodies.items():
            if other_key == key or len(other["name"]) <= len(name):
                continue
            if other["parent"] == key:
                continue
            first = other["name"].split()[:2]  # "Commission" for "Commission XII", not "Senate" for "Senate Committee"
            if name in other["aliases"] or (name in heads and (name in (other["name"].split()[-1], unit_head(other["name"]))
                                                               or (first[0] == name and first[-1] not in heads))) \
                    or (" " in name and other["name"].startswith(name + " of ")) \
                    or (other["name"].startswith(name + " ") and other["name"][len(name) + 1:] in COMPANY_SUFFIXES) \
                    or (is_acronym(name) and name == _initials(other["name"])):
                into[key] = other_key
                break
    final = {}
    for key, target in into.items():  # "Bank" into "Development Bank" into "African Development Bank"
        while target in into:
            target = into[target]
        final[key] = target
    for key, target in final.items():
        bodies[target]["aliases"].add(bodies[key]["name"])
        bodies[target]["aliases"].update(bodies[key]["aliases"])
    for key in final:
        bodies.pop(key)
    return [Span(doc, s.start, s.end, label="BODY", kb_id=final[s.kb_id_]) if s.kb_id_ in final else s
            for s in spans]


DEMONYM_END = re.compile(r"(?:ese|ian|ish|ean|can|ch|ic|i)$")  # "Chinese", "Indian": a NORP that is a demonym, not a given name
COMPANY_SUFFIXES = {"Ltd", "Ltd.", "Limited", "Inc", "Inc.", "plc", "PLC", "Corp", "Corp.", "Co.", "AG", "SA", "S.A.", "GmbH",
                    "LLC", "NV", "N.V.", "Group", "Holdings"}
INSTITUTIONS = {"University", "School", "College", "Institute", "Academy", "Hospital", "Museum", "Library"}


def _institution_of(span: Span | None) -> bool:
    """"University of X", "School of X": an institution of its own, even when X is a known body."""
    return span is not None and len(span) > 2 and span[0].text in INSTITUTIONS and span[1].lower_ == "of"


def _conjuncts(token) -> list:
    """The tokens a list joins with ``token`` (through conj and appos links)."""
    top = token
    while top.dep_ in ("conj", "appos") and top.head is not top:
        top = top.head
    out, todo = [top], [top]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ in ("conj", "appos") and c not in out:
                out.append(c)
                todo.append(c)
    return [t for t in out if t.i != token.i]


def _initials(name: str) -> str:
    """"Climate Change Authority" -> "CCA", "monetary policy committee" -> "MPC" (small words skipped)."""
    return "".join(w[0] for w in name.split() if w not in ("of", "and", "the", "for", "on", "&")).upper()


def _clean(ent: Span) -> Span | None:
    """An ORG entity cut to the name: no line break, no "(ACR" tail, no "the", no "'s", no lower-case tail."""
    doc = ent.doc
    start, end = ent.start, ent.end
    for i in range(start, end):
        if "\n" in doc[i].text or doc[i].is_space or doc[i].text in ("(", "[", "|", "\u2022"):
            end = i
            break
    while start < end and (doc[start].lower_ in ("the", "'s", "\u2019s", "-", "\u2013") or doc[start].is_punct):
        start += 1
    # "China's Ministry of Commerce": a place's possessive before the name is no part of it
    for i in range(start, min(end - 1, start + 4)):
        if doc[i].text in ("'s", "\u2019s") and all(is_place(t) for t in doc[start:i]):
            start = i + 1
            break
    odd = next((i for i in range(start, end) if not re.fullmatch(r"[\w'\u2019.&,-]+", doc[i].text)), None)
    if odd is not None:  # "... Technology ICT+ In-Depth Observation Report"
        end = odd
        while end > start and doc[end - 1].text.isupper() and end - 1 > start:
            end -= 1  # the acronym glued before it ("ICT+") goes too
    while end > start and (doc[end - 1].text in ("'s", "\u2019s", "'", "\u2019") or doc[end - 1].is_punct
                           or doc[end - 1].is_lower):
        end -= 1
    return doc[start:end] if end > start else None


NATIONAL_HEADS = {"Court", "Parliament", "Senate", "Congress", "Assembly", "Government", "Cabinet"}


def _possessive_place_cut(doc: Doc, start: int, end: int, heads=()) -> int:
    """"the Third Chamber of Chile's Supreme Court": the place's possessive belongs to the name that
    follows it, so the first name ends before its "of"."""
    after = doc[end + 1:end + 4]
    if end < len(doc) and doc[end].text in ("'s", "\u2019s") and end - start >= 4 \
            and any(t.text in NATIONAL_HEADS for t in after) and all(t._.pkg_cap for t in after[:1]) \
            and any(t.text in heads for t in doc[start:end]):
        for i in range(end - 1, start + 1, -1):
            if doc[i].lower_ == "of":
                if all(is_place(t) for t in doc[i + 1:end]) or _territory_code(doc[i + 1:end].text):
                    return i
                break
    return end


def _split_list(span: Span | None) -> list[Span | None]:
    """"Denso, Toyota Motor" -> two names; in a list, "Nippon Telegraph and Telephone and MUFG Bank"
    splits at its last "and" (the list's own)."""
    if span is None:
        return []
    doc = span.doc
    commas = [t.i for t in span if t.text == ","]
    parts, start = [], span.start
    for i in commas + [span.end]:
        if i > start:
            parts.append(doc[start:i])
        start = i + 1
    in_list = bool(commas) or (span.start > 0 and doc[span.start - 1].text in (",", "\u2014", "\u2013", ":"))
    if in_list and parts:
        last = parts[-1]
        ands = [t.i for t in last if t.lower_ in ("and", "&")]
        if ands and ands[-1] + 1 < last.end and ands[-1] > last.start:
            parts[-1:] = [doc[last.start:ands[-1]], doc[ands[-1] + 1:last.end]]
    return [p for p in parts if len(p) and p[0].text not in ("and", "&")]


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
    while trimmed is not None and len(trimmed) > 1 and trimmed[0].is_sent_start and trimmed[0].text not in heads \
            and (trimmed[0].lower_ in ("a", "an") or trimmed[0].tag_ == "NNS"):
        trimmed = trimmed[1:]  # "Lawmakers on Commission XII", "A Commission spokesperson": capitalised as the sentence starts
        while len(trimmed) > 1 and trimmed[0].lower_ in ("on", "of", "for", "and", "&", "at", "in"):
            trimmed = trimmed[1:]
    if trimmed is None or len(trimmed) == 0 or not any(t.text in heads for t in trimmed):
        return None
    if any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERSON") for t in trimmed):
        return None
    odd = next((t.i for t in trimmed if not re.fullmatch(r"[\w'\u2019.&-]+", t.text) and t.text != ","), None)
    if odd is not None:  # "China Academy of ... Technology ICT+ In-Depth Observation Report"
        trimmed = doc[trimmed.start:odd]
    while len(trimmed) and trimmed[-1].lower_ in ("and", "of", "for", "&", "on", "the", ","):
        trimmed = trimmed[:-1]
    if len(trimmed) <= 1 or not any(t.text in heads for t in trimmed):
        return None  # a head word alone ("Ministry") is not a name
    after = doc[trimmed.end:trimmed.end + 2]
    if (trimmed[-1].text not in heads and len(after) >= 1 and _name_like(after[0])
            and (len(after) == 1 or not after[1]._.pkg_cap)):
        # "the Department of Pharmaceuticals Arunish Chawla said": the name takes the last two words.
        trimmed = trimmed[:-1]
        while len(trimmed) and trimmed[-1].lower_ in ("and", "of", "for", "&", "on", "the", ","):
            trimmed = trimmed[:-1]
        if len(trimmed) <= 1:
            return None
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
    """A name a shape, a company noun or the entity recogniser found once ("chipmaker Rapidus") is that
    body wherever it recurs."""
    keys: dict[str, tuple] = {}
    for span, key, source in chosen:
        if source in ("pattern", "ner"):
            keys.setdefault(span.text, (key, source))
    return [(span, key, source) for text, (key, source) in keys.items() for span in _occurrences(doc, text)]


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


def _link_parents(doc: Doc, spans: list[Span], bodies: dict, entries: dict, unit_nouns: set) -> None:
    """A body's parent, from the text where it says so, else the gazetteer:
    "X under (the) Y"; "Y's X" (and the units listed after it: "Parliament's A, B and C");
    "the ministry's X" (the last body named with that head word); a name that opens with another
    body's name ("BJP Parliamentary Board", "NPC Standing Committee") or ends "of (the) Y"."""
    by_start = {s.start: s for s in spans}
    by_end = {s.end: s for s in spans}
    order = sorted(spans, key=lambda s: s.start)
    inherited: dict[int, str] = {}
    for n, span in enumerate(order):
        info = bodies.get(span.kb_id_)
        if info is None or (info["parent"] and info["parent"] in bodies):
            continue
        parent = _textual_parent(doc, span, by_start, by_end, order[:n], bodies)
        if parent is None and span.start in inherited:
            parent = inherited[span.start]
        if parent is None:
            parent = _name_parent(info, bodies)
        if parent is not None and parent != span.kb_id_:
            info["parent"] = parent
            nxt = span.end  # "Parliament's A, B and C": B and C are under the same body
            while nxt + 1 < len(doc) and doc[nxt].text in (",", "and") :
                nxt += 2 if doc[nxt].text == "," and doc[nxt + 1].lower_ == "and" else 1
                if nxt in by_start:
                    inherited[nxt] = parent
                    nxt = by_start[nxt].end
                else:
                    break
    for info in bodies.values():
        # A gazetteer parent the text does not name may be the body the text calls by its head word
        # ("Parliament" for the parliament a House of Commons is in).
        parent = info["parent"]
        if parent and parent not in bodies and parent in entries:
            head = entries[parent]["name"].split(" of ")[0].split()[-1]
            match = next((k for k, b in bodies.items() if b["name"] == head and k != info["key"]), None)
            if match:
                info["parent"] = match


def _textual_parent(doc: Doc, span: Span, by_start: dict, by_end: dict, earlier: list, bodies: dict) -> str | None:
    nxt = doc[span.end:span.end + 2]
    if len(nxt) and nxt[0].lower_ == "under":
        parent = by_start.get(span.end + 1) or (by_start.get(span.end + 2) if len(nxt) > 1 and nxt[1].lower_ == "the" else None)
        if parent is not None:
            return parent.kb_id_
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.text in ("'s", "\u2019s"):
        owner = by_end.get(span.start - 1)
        if owner is not None:
            return owner.kb_id_
        word = doc[span.start - 2] if span.start >= 2 else None
        if word is not None and word.is_lower and span.start >= 3 and doc[span.start - 3].lower_ == "the":
            for body in reversed(earlier):  # "the ministry's Food and Drug Crime Investigation Bureau"
                if word.lower_ in bodies.get(body.kb_id_, {}).get("name", "").lower().split():
                    return body.kb_id_
    return None


def _name_parent(info: dict, bodies: dict) -> str | None:
    """"BJP Parliamentary Board" is under the BJP, "Standing Committee of the 14th NPC" under the NPC."""
    name = info["name"]
    best = None
    for key, other in bodies.items():
        if key == info["key"]:
            continue
        for label in {other["name"], *other["aliases"]}:
            if len(label) < 2 or len(label) >= len(name):
                continue
            if name.startswith(label + " ") or re.search(rf"\bof (?:the )?(?:\d+(?:st|nd|rd|th) )?{re.escape(label)}$", name):
                if best is None or len(label) > best[1]:
                    best = (key, len(label))
    return best[0] if best else None
