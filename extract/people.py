"""People and their public posts, with short names resolved to the person meant.

A post is read from the words around a full-name mention, in the orders news uses:
"Gong Ming, deputy procurator-general of the SPP", "Director of the SPP's IPR Office,
Liu Taizong", "Vice Head of X Department under Y Han Jun", "Chinese Premier Li Qiang".
Writes ``doc.spans["pkg_people"]`` (``kb_id_`` the person's key), ``doc._.pkg_people``
(key -> name, aliases) and ``doc._.pkg_posts`` (person key, title, body key).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates import reference_month
from .lexicon import is_place, load_json, load_jsonl, normalise, slug, text_of, title_regex, unit_head

for _name in ("pkg_people", "pkg_posts"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

LINK = r"\s+(?i:of|at|in|for|from|to|with)\s+(?i:the\s+)?"
NAME_TOKEN = re.compile(r"^[^\W\d_a-z](?:[^\W\d_A-Z]|['\u2019-])+(?:[^\W\d_][^\W\d_]*)*$")
HONORIFICS = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Miss", "Madam"}  # without posts.json's list
PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "van", "von", "der", "bin", "binti", "al", "el", "la", "le"}
_CAPS = r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*"
# A portfolio as titles name it: "Economy, Trade and Industry", "Commerce for Industry and Security".
PORTFOLIO = rf"{_CAPS}(?:(?:,\s+|\s+and\s+|\s+&\s+|\s+(?:of|for)\s+(?:the\s+)?){_CAPS})*"
PORTFOLIO_LINKS = {"and", "&", "of", "for"}
PUBLIC_KINDS = {"government", "party", "legislature", "court", "procuratorate", "international"}


@Language.factory("policykg_people", requires=["doc.ents", "doc.spans"],
                  assigns=["doc.spans", "doc._.pkg_people", "doc._.pkg_posts"],
                  default_config={"posts": "posts.json", "gazetteer": "bodies.jsonl"})
class PeopleFinder:
    """Finds named people, their posts, and the surname-only mentions of them."""

    def __init__(self, nlp: Language, name: str, posts: str, gazetteer: str = "bodies.jsonl"):
        self.lexicon = load_json(posts)
        self.gazetteer = {e["id"]: e for e in load_jsonl(gazetteer)}
        self.countries = {}  # a country's word -> its code
        for code, words in (self.lexicon.get("countries") or {}).items():
            for word in words:
                self.countries[word.lower()] = code
        self.country_posts = self.lexicon.get("country_posts") or {}
        self.ministry_posts = set(self.lexicon.get("ministry_posts") or ())
        self.kind_posts = list(self.lexicon.get("kind_posts") or ())
        heads = "|".join(re.escape(w) for w in self.lexicon.get("ministry_heads") or ())
        self.ministry_heads = re.compile(rf"\b(?:{heads})\b") if heads else None
        self.gazetteer_names = {e["name"].lower(): key for key, e in self.gazetteer.items()}
        # the capitalised words public bodies are named with ("Finance", "Resources", "Market"): the
        # words of a portfolio, which a name that follows it ("Minister of Finance Dang Thi Lan") has not
        self.portfolio_words = {w.lower() for e in self.gazetteer.values() if e.get("kind") in PUBLIC_KINDS
                                for n in [e["name"], *e.get("aliases", ())]
                                for w in re.findall(r"[A-Z][\w'\u2019-]*", n)}
        self.country_names = {}  # (country, a name or alias) -> the gazetteer key ("Department of the Treasury" in the US)
        for key, e in self.gazetteer.items():
            for n in [e["name"], *e.get("aliases", ())]:
                self.country_names.setdefault((e.get("country"), n.lower()), key)
        self.abbreviations: dict = dict(self.lexicon.get("abbreviations") or {})
        self.honorifics = set(self.lexicon.get("honorifics") or HONORIFICS)
        # "Cabinet Secretary for Agriculture Dr.": a courtesy title between the post and the name
        self.honorific_end = re.compile(rf"(?:^|\s)(?:{'|'.join(re.escape(h) for h in sorted(self.honorifics, key=len, reverse=True))})$")
        self._is_title: dict[str, bool] = {}  # a word -> whether it is a post word (kept: asked per token)
        self.title = re.compile(title_regex())
        self.title_before = re.compile(rf"({title_regex()})(?:{LINK}(?:[\w\u2019'.-]+\s?(?:'s|\u2019s)\s+)?)?$")
        self.bare_title_before = re.compile(rf"(?:^|[\s,(])({title_regex()})\s*$")
        self.title_of = re.compile(rf"(?:^|[\s,(])({title_regex()})\s+(?i:of|for)\s+(?:the\s+)?({PORTFOLIO})$")
        self.public_posts = re.compile(rf"(?i:\b(?:{'|'.join(re.escape(w) for w in self.lexicon['public_posts'])})\b)")
        self.private = re.compile(rf"(?i:^(?:(?:{'|'.join(re.escape(r) for r in self.lexicon['ranks'])})[\s-]+)*"
                                  rf"(?:{'|'.join(re.escape(w) for w in self.lexicon.get('private_posts', []))})$)") \
            if self.lexicon.get("private_posts") else None
        self.ranks = {r.lower() for r in self.lexicon["ranks"]}
        # "Infrastructure New Zealand chief executive X": a company's post after a field word and a
        # place is still a company's post (not "member": "cabinet member" is a public one)
        ends = [w for w in self.lexicon.get("private_posts", []) if w != "member"]
        self.private_end = re.compile(rf"(?i:\s(?:{'|'.join(re.escape(w) for w in ends)})$)") if ends else None
        self.bare_public = re.compile(rf"(?i:\b(?:{'|'.join(re.escape(w) for w in self.lexicon['public_when_bare'])})\b)")
        ranks = "|".join(re.escape(r) for r in self.lexicon["ranks"])
        self.plurals = _plurals(load_json("posts.json").get("posts") or ())  # the post words title_regex reads
        plural = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(self.plurals, key=len, reverse=True))
        # "Justices A and B", "Ministers of State A, and B": a plural title before a list of names
        self.plural_before = re.compile(
            rf"(?:^|[\s,(])((?i:(?:(?:{ranks})[\s-]+){{0,2}})(?i:{plural}))"
            rf"(?:\s+{NAME}(?:\s*,(?:\s*and)?|\s+and))*$") if plural else None
        self.title_after = re.compile(rf"^\s*,\s*(?i:the\s+|a\s+|an\s+)?(?:(?!(?i:{ranks})\b)[A-Z][\w.'\u2019-]*\s+)?({title_regex()})(?=[\s,.;]|$)({LINK})?")

    def __call__(self, doc: Doc) -> Doc:
        bodies = list(doc.spans["pkg_bodies"]) if "pkg_bodies" in doc.spans else []
        bodies = self._titled_names_out(doc, bodies)
        body_at_end = {s.end_char: s for s in bodies}
        body_at_start = {s.start_char: s for s in bodies}
        self._posts: dict[tuple[int, int], dict | None] = {}
        full = self._full_names(doc, bodies, body_at_end, body_at_start)
        people: dict[str, dict] = {}
        posts: list[dict] = []
        spans: list[Span] = []
        for span in full:
            name = normalise(span.text)
            key = slug(name)
            people.setdefault(key, {"key": key, "name": name, "aliases": set()})
            spans.append(Span(doc, span.start, span.end, label="PERSON", kb_id=key))
            post = self._post(doc, span, body_at_end, body_at_start, bodies)
            if post:
                post["person"] = key
                posts.append(post)
        spans += self._short_mentions(doc, spans, people)
        posts += self._posts_from_context(doc, spans, posts)
        posts += self._predecessors(doc, spans, posts)
        self._implied_bodies(doc, posts)
        doc.spans["pkg_people"] = sorted(spans, key=lambda s: s.start)
        doc._.pkg_people = people
        doc._.pkg_posts = posts
        return doc

    def _titled_names_out(self, doc: Doc, bodies: list[Span]) -> list[Span]:
        """"Superintendent Andrés Felipe Moncada said ...", "President Martín Ezcurra said ...": the
        model may take a name, with or without the post before it, for an organisation. A body (not
        a gazetteer body) with a mention that is two to four name words (none a body's word, such as
        "Board" or "Finance") after a post's words, inside the mention or right before it, is a
        person with a post: the body leaves the bodies, with all its mentions."""
        info = doc._.pkg_bodies or {}
        drop = set()
        for b in bodies:
            k = b.start
            while k < b.end and self.title.fullmatch(doc[k].text):
                k += 1
            rest = doc[k:b.end]
            titled = k > b.start or (b.start > 0 and doc[b.start - 1].text[:1].isupper()
                                     and self.title.fullmatch(doc[b.start - 1].text) is not None)
            if not titled or b.kb_id_ in self.gazetteer or not 2 <= _pieces(rest) <= 4 or any(
                    not (NAME_TOKEN.match(t.text) or t.text == "-") or t.lower_ in self.portfolio_words
                    or t.is_stop for t in rest):
                continue
            drop.add(b.kb_id_)
        if not drop:
            return bodies
        for key in drop:
            info.pop(key, None)
        kept = [b for b in bodies if b.kb_id_ not in drop]
        doc.spans["pkg_bodies"] = kept
        return kept

    def _full_names(self, doc: Doc, bodies: list[Span], body_at_end: dict, body_at_start: dict) -> list[Span]:
        """Names of two to five words: NER persons (titles and honorifics trimmed), and names a
        title introduces. en_core_web_sm mislabels Chinese names ("Peihua" as ORG), so a run of
        name words is a name when NER calls part of it a person or a title stands beside it."""
        in_body = {i for s in bodies for i in range(s.start, s.end)}
        found: dict[int, Span] = {}
        appositive = self._appositive_names(doc)
        usable = [(self._name_word(t) or t.i in appositive) and t.i not in in_body for t in doc]
        i = 0
        while i < len(doc):
            if not usable[i]:
                i += 1
                continue
            j = _name_run(doc, i, usable)
            if j - i == 3 and i > 1 and doc[i - 1].lower_ in PORTFOLIO_LINKS and doc[i - 2].text[:1].isupper() \
                    and not _joined(doc, i, j):
                i += 1  # "Minister of Economy, Trade and Industry Ken Saito": "Industry" ends the portfolio
            span = doc[i:j]
            i = j
            if _pieces(span) > 2 and span.start > 0 and doc[span.start - 1].lower_ in PORTFOLIO_LINKS | {"the"}:
                # "Commissioner for the Internal Market Thierry Breton": the portfolio ends where
                # the words that give a post begin: after the last word of a public body's name
                # ("Minister of Finance Dang Thi Lan", "Minister of Industry and Mineral Resources
                # Khalid Al-Mutairi"), else the shortest such name
                last = max((t.i for t in span if t.lower_ in self.portfolio_words), default=None)
                if last is not None and last + 1 < span.end and _pieces(doc[last + 1:span.end]) >= 2 and \
                        self._post(doc, doc[last + 1:span.end], body_at_end, body_at_start, bodies) is not None:
                    span = doc[last + 1:span.end]
                else:
                    for k in range(span.end - 2, span.start, -1):
                        if self._post(doc, doc[k:span.end], body_at_end, body_at_start, bodies) is not None:
                            span = doc[k:span.end]
                            break
            if _pieces(span) < 2:
                continue
            person = any(t.ent_type_ == "PERSON" for t in span)
            titled = bool(self.title_after.match(text_of(doc)[span.end_char:span.end_char + 120])) or \
                bool(self.bare_title_before.search(text_of(doc)[max(0, span.start_char - 60):span.start_char])) or \
                self._post(doc, span, body_at_end, body_at_start, bodies) is not None
            if person or titled:
                span = self._strip_title_words(span)
                if span is not None and _pieces(span) >= 2 and \
                        not any(s.start <= span.start < s.end for s in found.values()):
                    found[span.start] = span
        return sorted(found.values(), key=lambda s: s.start)

    def _name_word(self, token) -> bool:
        """A word that can be part of a name: capitalised ("Inácio", "O'Brien"), an initial
        ("L."), or "He" before a person's name ("He Lifeng"); not a place, date or post word."""
        text = token.text
        if text not in self._is_title:
            self._is_title[text] = self.title.fullmatch(text) is not None
        demonym = token.ent_type_ == "NORP" and re.search(r"(ese|ian|ish|ean|can|ch)$", text) is not None
        if token.ent_type_ in ("GPE", "DATE") or demonym or self._is_title[text] or text in self.honorifics \
                or token.lower_ in self.ranks:
            return False
        if re.fullmatch(r"[A-Z]\.", text):
            return True
        if not NAME_TOKEN.match(text):
            return False
        if token.is_stop:  # "Liu He": a stop word only inside a name NER sees; "He Lifeng": the
            # surname that is also a pronoun, before a name NER sees (SCHEMA, "Resolution")
            nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            prev = token.doc[token.i - 1] if token.i > 0 else None
            if prev is not None and not token.is_sent_start and nxt is not None and nxt.ent_type_ == "PERSON" \
                    and NAME_TOKEN.match(nxt.text) and (prev.text in self.honorifics or (
                        prev.text[:1].isupper() and self.title.fullmatch(prev.text))):
                return True  # "Deputy Governor Per Sjöholm": a given name that is also a word, after a post
            return token.ent_type_ == "PERSON" or (
                text == "He" and nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_type_ in ("PERSON", "")
                and NAME_TOKEN.match(nxt.text) is not None and not nxt.is_stop and not self.title.fullmatch(nxt.text))
        return True

    def _appositive_names(self, doc: Doc) -> set[int]:
        """"the Minister of Economy and Finance, Marta Cavallari, said": the model may take a name
        set off by commas after a post for a place. The tokens of such an entity (two to four name
        words, none a country's word) between a post and a comma, or before ", <post>", are name words."""
        text = text_of(doc)
        out = set()
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "LOC") or not 2 <= len(ent) <= 4 or ent.text.lower() in self.countries \
                    or any(not NAME_TOKEN.match(t.text) or t.lower_ in self.countries for t in ent):
                continue
            before = text[max(0, ent.start_char - 120):ent.start_char]
            comma_after = text[ent.end_char:ent.end_char + 1] in (",", "")
            lead = re.search(r",\s*$", before)
            if lead and comma_after and (self.title_of.search(before[:lead.start()])
                                         or self.bare_title_before.search(before[:lead.start()])):
                out.update(range(ent.start, ent.end))
            elif self.title_after.match(text[ent.end_char:ent.end_char + 120]):
                out.update(range(ent.start, ent.end))
        return out

    def _strip_title_words(self, span: Span) -> Span | None:
        """"Premier Li Qiang" -> "Li Qiang"; names never start with a post word."""
        start = span.start
        while start < span.end and self.title.fullmatch(span.doc[start].text):
            start += 1
        return span.doc[start:span.end] if start < span.end else None

    def _post(self, doc, span, body_at_end, body_at_start, bodies) -> dict | None:
        """The post the words around a full-name mention give, with its body and whether it is public."""
        key = (span.start, span.end)
        if key not in self._posts:
            post = self._read_post(doc, span, body_at_end, body_at_start, bodies)
            if post is not None:
                info = (doc._.pkg_bodies or {}).get(post["body"]) if post["body"] else None
                post["public"] = (info["kind"] in PUBLIC_KINDS if info
                                  else bool(self.public_posts.search(post["title"]))
                                  or (post.get("bare", False) and bool(self.bare_public.search(post["title"])))
                                  or (post.get("placed", False) and not (self.private and self.private.search(post["title"]))
                                      and not (self.private_end and self.private_end.search(post["title"])))
                                  or post.get("abbreviated", False))
                lead = text_of(doc)[max(0, post["start"] - 40):post["start"]].split("\n")[-1]
                if re.match(r"(?:former|ex)\b", post["title"]) or re.search(
                        r"\b(?:former|ex-)(?:\s+[A-Z][\w.'\u2019-]*){0,3}\s*$", lead, re.I):
                    post["public"] = False  # a post held before: not an official for it (SCHEMA, "Resolution")
                post.pop("bare", None)
                post.pop("placed", None)
                post.pop("abbreviated", None)
            self._posts[key] = post
        return self._posts[key]

    def _read_post(self, doc, span, body_at_end, body_at_start, bodies) -> dict | None:
        text = text_of(doc)
        sentence = whole_sentence(span)
        after = self.title_after.match(text[span.end_char:sentence.end_char])
        if after:
            title = after.group(1)
            body = body_at_start.get(span.end_char + after.end()) if after.group(2) else None
            if body is None and after.group(2):  # "a spokesperson of China's Ministry of Commerce"
                owner = re.match(r"[\w.\u2019'-]+(?:'s|\u2019s)\s+", text[span.end_char + after.end():])
                body = body_at_start.get(span.end_char + after.end() + owner.end()) if owner else None
            body = _most_specific(doc, body, body_at_start)
            if body is None:  # "vice-minister of ecology and environment": a portfolio in lower case
                rest = re.match(r"\s+(?:of|for)\s+((?:[a-z]+(?:,?\s+(?:and\s+)?)?){1,5}?)(?=\s*[,.;]|$)",
                                text[span.end_char + after.end(1):sentence.end_char])
                if rest:
                    title = f"{title} {rest.group(0).strip()}"
            named = after.group(2) and re.match(r"[A-Z]|[a-z]+[A-Z]", text[span.end_char + after.end():])
            if body is None and named:  # "chief economist at mBank", "director of Acme Ltd": a body not known
                body_key = None
            else:
                body_key = body.kb_id_ if body else _nearby_body(span, bodies)
            return {"title": _title(title), "body": body_key,
                    "start": span.start_char, "end": span.end_char + after.end() + (len(body.text) if body else 0)}
        before = text[sentence.start_char:span.start_char].rstrip()
        before = re.sub(r",$", "", before).rstrip()
        honorific = self.honorific_end.search(before)
        if honorific:
            before = before[:honorific.start()].rstrip()
        acronym = re.search(r"\s*\((?:[A-Z][A-Za-z]{1,9}|[A-Z][\w-]{2,30})\)$", before)  # "(SPP)", "(Bundesnetzagentur)"
        if acronym:
            before = before[:acronym.start()]
        base = sentence.start_char
        abbreviation = next((a for a in sorted(self.abbreviations, key=len, reverse=True)
                             if re.search(rf"(?:^|[\s(,]){re.escape(a)}$", before)), None)
        if abbreviation:  # "Sen. Elizabeth Warren": the post written out, a public office
            return {"title": self.abbreviations[abbreviation], "body": None, "abbreviated": True,
                    "start": base + len(before) - len(abbreviation), "end": span.end_char}
        if before and base + len(before) in body_at_end:
            body = body_at_end[base + len(before)]
            cut = before[: len(before) - len(body.text)]
            under = re.search(r"(?:^|\s)under\s+(?:the\s+)?$", cut)
            if under:
                inner = body_at_end.get(base + under.start())
                if inner is not None:
                    body, cut = inner, text[base:inner.start_char]
            cut = re.sub(r"(?:the\s+)?[\w\u2019'.-]+(?:'s|\u2019s)\s+$", "", cut)
            match = self.title_before.search(cut.rstrip() + " ") or self.title_before.search(cut)
            if match:
                return {"title": _title(match.group(1)), "body": body.kb_id_,
                        "start": base + match.start(), "end": span.end_char}
            bare = self.bare_title_before.search(cut.rstrip())
            if bare and cut.rstrip().endswith(bare.group(1)):
                return {"title": _title(bare.group(1)), "body": body.kb_id_,
                        "start": base + bare.start(1), "end": span.end_char}
            return None
        portfolio = self.title_of.search(before)
        field = doc.char_span(base + portfolio.start(2), base + portfolio.end(2), alignment_mode="expand") \
            if portfolio else None
        if field is not None and (normalise(portfolio.group(2)).lower() in self.countries
                                  or all(is_place(t) for t in field)):
            # "IMF Senior Mission Chief for Sri Lanka Ms. Laura Petrescu": a country is the post's
            # field, not its body; the body is the one named in the capitalised words before the title
            start = base + portfolio.start(1)
            lead = _lead(doc, start, sentence.start)
            in_lead = [b for b in bodies if any(b.start <= t.i < b.end for t in lead)]
            words = [t.text for t in lead if not is_place(t) and not t.is_stop
                     and not any(b.start <= t.i < b.end for b in in_lead)]
            return {"title": _title(" ".join(words + [before[portfolio.start(1):]])),
                    "body": in_lead[-1].kb_id_ if in_lead else None,
                    "start": start, "end": span.end_char}
        if portfolio:  # "Minister of Economy, Trade and Industry Ken Saito"
            return {"title": _title(before[portfolio.start(1):]),
                    "body": _portfolio_body(portfolio.group(2), bodies, named=True),
                    "start": base + portfolio.start(1), "end": span.end_char,
                    "for_portfolio": re.match(r"\s+for\s", before[portfolio.end(1):]) is not None}
        bare = self.bare_title_before.search(before)
        if not bare:
            plural = self.plural_before.search(before) if self.plural_before else None
            if plural is None:
                return None
            # "A bench of Justices A and B held": each name holds the post (its body is implied), in the
            # body named right before the title if any ("UBS Group AG economists A and B")
            owner = body_at_end.get(base + len(before[:plural.start(1)].rstrip()))
            return {"title": _title(_singular(plural.group(1), self.plurals)), "body": owner.kb_id_ if owner else None,
                    "bare": True,
                    "start": base + plural.start(1), "end": span.end_char}
        title, start = bare.group(1), base + bare.start(1)
        field = _field_words(doc, start, [])
        if field:  # "EU competition chief": the capitalised lead is before the field words
            lead_start = start - len(" ".join(field)) - 1
            lead = _lead(doc, max(lead_start, base), sentence.start)
        else:
            lead = _lead(doc, start, sentence.start)
        in_lead = [b for b in bodies if any(b.start <= t.i < b.end for t in lead)]
        words = [t.text for t in lead if not is_place(t) and not t.is_stop and t.text[:1].isupper()
                 and not any(b.start <= t.i < b.end for b in in_lead)]
        words += field
        post = {"title": _title(" ".join(words + [title])), "start": start, "end": span.end_char,
                "placed": any(is_place(t) for t in lead)}  # "U.S. Trade Representative": a country's post
        if words:  # "Health Secretary", "EU Energy Commissioner"
            post["body"] = _portfolio_body(" ".join(words), bodies, named=False) or \
                (_posted_body(doc, in_lead[-1], title) if in_lead else None)
        elif in_lead:  # "NHS England chief executive"
            post["body"] = _posted_body(doc, in_lead[-1], title)
        elif start in body_at_start and body_at_start[start].end_char < base + bare.end(1):
            post["body"] = body_at_start[start].kb_id_  # "Cabinet Minister X": the title opens with its body
        elif re.search(r"(?i:\b(?:its|their)\s+)$", before[:bare.start(1)]):
            # "The Nickel Miners Association warned ... Its secretary-general, X, said": the body
            # the possessive stands for, the last one named before
            post["body"] = _body_before(span, bodies)
        else:  # "Chinese Premier Li Qiang": the body named with him
            post["body"], post["bare"] = _nearby_body(span, bodies, bare=True), True
        return post

    def _implied_bodies(self, doc: Doc, posts: list[dict]) -> None:
        """A public post with no body named beside it is in the body its words name: one the
        text names elsewhere ("minister of commerce" -> the Ministry of Commerce the text
        mentions), else a body of its country in the gazetteer ("industry minister" in Japan ->
        the Ministry of Economy, Trade and Industry), else the body the post names by itself in
        its country ("prime minister" in Japan -> the Cabinet of Japan). The country is the one
        the title names ("Japan's", "Chinese", "U.S."), else the one the text names most.
        A body found this way and not named in the text is added to ``doc._.pkg_bodies`` with
        ``implied`` set (it has no mention)."""
        bodies = doc._.pkg_bodies if doc._.pkg_bodies is not None else {}
        main = None
        year = (reference_month(doc._.pkg_published) or (None,))[0]
        for post in posts:
            for_portfolio = post.pop("for_portfolio", False)
            if not post.get("public", True) and for_portfolio and not post["body"] and not post.get("former"):
                # "Executive Vice-President for Prosperity and Industrial Strategy X" in an EU text: a
                # post for a portfolio that the country's table names is that body's, and public
                if main is None:
                    main = self._main_country(doc) or ""
                # the title's country, the text's, then those of the gazetteer bodies it names
                named = {sp.kb_id_ for sp in doc.spans.get("pkg_bodies", [])}
                homes = [c for c in (self._country_of(doc, post), main) if c]
                others = sorted({(self.gazetteer.get(k) or {}).get("country") for k in named} - {None} - set(homes))
                own = next((o for o in (self._country_post(post["title"], c, year) for c in homes) if o), None) or \
                    next((o for o in (self._country_post(post["title"], c, year) for c in others) if o in named), None)
                if own is not None:
                    if own not in bodies:
                        bodies[own] = self._implied(own)
                    post["body"], post["public"] = own, True
                    continue
            if not post.get("public", True):
                self._described_post(doc, post, bodies)
                continue
            country = self._country_of(doc, post)
            if country is None:
                if main is None:
                    main = self._main_country(doc) or ""
                country = main or None
            # "U.S. Trade Representative Katherine Tai": a post the country's table names is no legislator's
            own = self._country_post(post["title"], country, year) if country and not post["body"] else None
            chamber = self._kind_body(doc, post, bodies) if own is None else None
            if chamber is not None:
                post["body"] = chamber or None
            if post["body"]:
                continue
            key = self._portfolio_in(post["title"], bodies.items(), country)
            if key is None:
                key = self._central_bank_of(doc, post, bodies)
            name = self._local_government(doc, post, country) if key is None else None
            if name:
                key = slug(name)
            if key is None and country:
                key = self._country_post(post["title"], country, year) or self._portfolio_in(
                    post["title"], ((k, e) for k, e in self.gazetteer.items() if e.get("country") == country), country)
            if key is None:
                key = self._office_of(doc, post, bodies)
            if key is None:
                name = self._ministry_name(post["title"], country)
                key = slug(name) if name else None
            if key is None:
                self._described_post(doc, post, bodies)
                continue
            if key not in bodies:
                bodies[key] = self._implied(key, name)
            post["body"] = key
        self._juniors(doc, posts, bodies)
        doc._.pkg_bodies = bodies

    def _juniors(self, doc: Doc, posts: list[dict], bodies: dict) -> None:
        """"Her state secretary, Jens Oberhauser, added ...", "Undersecretary Luca Morandi stressed
        ...": a junior minister's post with no portfolio and no body (``junior_posts``), or a post
        that "his"/"her" gives, is in the ministry of the minister named last before it."""
        juniors = self.lexicon.get("junior_posts") or ()
        ranks = "|".join(map(re.escape, self.ranks))
        text = text_of(doc)
        ordered = sorted(posts, key=lambda p: p["start"])
        for post in ordered:
            if post["body"] or not post.get("public", True) or post.get("former"):
                continue
            low = re.sub(r"\s*-\s*", " ", post["title"].lower())
            junior = any(re.fullmatch(rf"(?:(?:{ranks})\s+)*{re.escape(j.replace('-', ' '))}", low) for j in juniors)
            if not junior and not re.search(r"\b(?:his|her)\s+$", text[max(0, post["start"] - 8):post["start"]], re.I):
                continue
            minister = [p for p in ordered if p["start"] < post["start"] and p["body"] and p is not post
                        and set(re.findall(r"[a-z]+", p["title"])) & self.ministry_posts
                        and (bodies.get(p["body"]) or {}).get("kind") == "government"]
            if minister:
                post["body"] = minister[-1]["body"]

    def _local_government(self, doc: Doc, post: dict, country: str | None) -> str | None:
        """"Chitose Mayor X", "X, vice governor of Hokkaido", "Oklahoma Attorney General X": a local
        post with its place (a place that is not a country) is in that place's government, named in
        the country's way (``local_governments``: per post, per country or "default", "{}" the place)."""
        table = self.lexicon.get("local_governments") or {}
        low = re.sub(r"\s*-\s*", " ", post["title"].lower())
        held = next((t for t in sorted(table, key=len, reverse=True)
                     if re.fullmatch(rf"(?:(?:{'|'.join(map(re.escape, self.ranks))})\s+)*{re.escape(t)}", low)), None)
        if held is None:
            return None
        shapes = table[held]
        shape = shapes.get(country or "", shapes.get("default"))
        if not shape:
            return None
        text = text_of(doc)
        place = []
        if re.search(r"\s(?:of|for)\s+(?:the\s+)?$", text[max(0, post["end"] - 9):post["end"]]):
            first = doc.char_span(post["end"], post["end"] + 1, alignment_mode="expand")
            j = first.start if first is not None else len(doc)
            while j < len(doc) and doc[j].ent_type_ in ("GPE", "LOC", "NORP", "ORG", "") and doc[j].text[:1].isupper() \
                    and NAME_TOKEN.match(doc[j].text) and not self.title.fullmatch(doc[j].text) and len(place) < 3:
                place.append(doc[j])
                j += 1
        else:
            first = doc.char_span(post["start"], post["start"] + 1, alignment_mode="expand")
            j = (first.start if first is not None else 0) - 1
            while j >= 0 and doc[j].ent_type_ in ("GPE", "LOC", "NORP") and doc[j].text[:1].isupper() and len(place) < 3:
                place.insert(0, doc[j])
                j -= 1
        name = " ".join(t.text for t in place)
        if not place or name.lower() in self.countries or any(t.lower_ in self.countries for t in place):
            return None
        if name.endswith(" City") and shape.startswith("{} City"):
            name = name[: -len(" City")]  # "Quezon City Mayor": the Quezon City Government
        return shape.replace("{}", name)

    def _ministry_name(self, title: str, country: str | None) -> str | None:
        """"minister of mines and energy" -> "Ministry of Mines and Energy", "finance minister" ->
        "Ministry of Finance": a minister's ministry, named from the portfolio the title gives, in
        the country's way of naming its ministries (``ministry_names``: "Department of X" in South
        Africa, "Federal Ministry for X" in Germany; a country listed with null names none)."""
        names = self.lexicon.get("ministry_names") or {}
        if not country:
            return None  # no country, no way of naming its ministries
        shape = names.get(country, names.get("default"))
        posts = self.lexicon.get("ministry_titles") or ()
        low = re.sub(r"\s+", " ", title.lower())
        if not shape or re.search(r"\b(?:prime|chief|first|former|ex|shadow)\b", low):
            return None
        for post in sorted(posts, key=len, reverse=True):
            m = re.fullmatch(rf"(?:(?:{'|'.join(map(re.escape, self.ranks))})[\s-]+)*(?:(.+?)\s+)?{re.escape(post)}"
                             rf"(?:\s+(?:of|for)\s+(?:the\s+)?(.+))?", low)
            if m is None:
                continue
            field = m.group(2) or m.group(1)
            if field and m.group(2):  # "minister of state for finance": the portfolio is after "state"
                field = re.sub(r"^state\s+(?:of|for)\s+(?:the\s+)?", "", field)
            if not field or (m.group(1) and m.group(2)):
                return None
            words = [w for w in field.split() if w not in self.ranks and w not in self.countries
                     and w not in ("union", "federal", "state", "national", "new", "incoming", "outgoing", "then")]
            if not words or len(words) > 8:
                return None
            portfolio = " ".join(w if w in ("and", "of", "the", "for", "&") else w[:1].upper() + w[1:] for w in words)
            return shape.replace("{}", portfolio)
        return None

    def _described_post(self, doc: Doc, post: dict, bodies: dict) -> None:
        """A post no rule gives a body, in the body its sentence describes ("the agency"), public when
        that body is; a minister's title or a private one ("chief economist") takes none."""
        if post["body"] or post.get("former") or (self.private and self.private.search(post["title"])) \
                or set(re.findall(r"[a-z]+", post["title"])) & self.ministry_posts \
                or re.search(r"(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,4}$", text_of(doc)[max(0, post["start"] - 60):post["start"]]):
            return  # "Meta's chief global affairs officer X": the owner named is the body, known or not
        described = self._described_body(doc, post, bodies)
        if described is not None:  # "Director Ana Lima said the agency would ...": the agency's
            post["body"] = described
            post["public"] = bodies[described].get("kind") in PUBLIC_KINDS

    def _described_body(self, doc: Doc, post: dict, bodies: dict) -> str | None:
        """"Director-general X said the agency would ...", "X told reporters the commission had ...": a
        post with no body beside it is in the body the person's sentence (or the one before) describes
        as "the agency" (``described_bodies``: a description and the name words of what it describes),
        when the text names one such body only."""
        table = self.lexicon.get("described_bodies") or {}
        span = doc.char_span(post["start"], post["end"], alignment_mode="expand")
        if not table or span is None:
            return None
        sent = span.sent
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        window = doc[start:sent.end].text
        named = {s.kb_id_ for s in doc.spans.get("pkg_bodies", [])}
        judges = {t for rule in self.kind_posts if rule.get("kind") == "court" for t in rule.get("titles", ())}
        for word, name_words in table.items():
            if word in ("court", "tribunal") and not any(re.search(rf"\b{re.escape(t)}$", post["title"]) for t in judges):
                continue  # "Deputy Attorney General X told the court": a lawyer before the court, not in it
            if not re.search(rf"\b(?:the|its)\s+{re.escape(word)}\b", window, re.I):
                continue
            found = {k for k in named if k in bodies and any(
                re.search(rf"\b{re.escape(w)}\b", bodies[k].get("name") or "") for w in name_words)}
            if len(found) == 1:
                return found.pop()
        return None

    def _kind_body(self, doc: Doc, post: dict, bodies: dict) -> str | None:
        """"Justices A and B", "Labour MP X", "deputy X of the finance committee": a judge's post is
        in the court the text names, a legislator's in the chamber it names (``kind_posts``): the
        one whose name holds the post's words ("Senate" for a senator), else the one named nearest
        before the person. A legislator's party or committee is not the post's body; a judge's
        named body stands."""
        title = post["title"]
        words = title.split()
        for rule in self.kind_posts:
            held = next((t for t in rule.get("titles", ()) if title == t or (
                title.endswith(" " + t) and not any(self.title.fullmatch(w) for w in words[: len(words) - len(t.split())]))),
                None)
            if held is None:
                continue
            kind = rule.get("kind")
            current = bodies.get(post["body"]) if post["body"] else None
            if current is not None and (kind == "court" or not (
                    current.get("kind") == "party" or unit_head(current.get("name") or "") in UNIT_HEADS)):
                return None
            mentions = [s for s in doc.spans.get("pkg_bodies", []) if (bodies.get(s.kb_id_) or {}).get("kind") == kind
                        and unit_head(bodies[s.kb_id_].get("name") or "") not in UNIT_HEADS]
            for word in rule.get("words", ()):  # the chamber the post names first ("Senate" for a senator)
                named = [s for s in mentions if re.search(rf"\b{re.escape(word)}\b", bodies[s.kb_id_]["name"])]
                if named:
                    mentions = named
                    break
            before = [s for s in mentions if s.start_char < post["start"]]
            # "" when the text names no such body: the party or committee is still not the post's body
            return (before[-1] if before else mentions[0]).kb_id_ if mentions else ("" if current else None)
        return None

    def _office_of(self, doc: Doc, post: dict, bodies: dict) -> str | None:
        """"Superintendent X said ..." in a text that names the Superintendence of Industry and
        Commerce, "Deputy Superintendent Y" where it names the Deputy Superintendency for Consumer
        Protection, "X, Commissioner for Trade" where it names the European Commission: a post with
        no body beside it is in the one body the text names after the office the post word holds
        (the same stem: superintendent/superintendency, commissioner/commission, director/directorate),
        with the title's rank words first when it has them. A minister's or secretary's body is
        read from the portfolio instead; only a title of rank and post words qualifies."""
        words = re.sub(r"-", " ", post["title"]).split()
        cut = next((i for i, w in enumerate(words) if w in ("of", "for", "on", "at")), len(words))
        head = words[:cut]
        if not head or head[-1] in self.ministry_posts or any(w not in self.ranks for w in head[:-1]):
            return None
        word = head[-1]

        def stem(w: str) -> bool:
            n = 0
            while n < min(len(w), len(word)) and w[n] == word[n]:
                n += 1
            return n >= 8 and n >= len(word) - 3

        named = {s.kb_id_ for s in doc.spans.get("pkg_bodies", []) if s.kb_id_ in bodies}
        full, plain = set(), set()
        for key in named:
            name = re.sub(r"^(?:the)\s+", "", (bodies[key].get("name") or "").lower().replace("-", " ")).split()
            if len(name) < 2:
                continue  # "Presidential", "Commission": a word alone is no office's name
            if len(name) > len(head) and name[:len(head) - 1] == head[:-1] and stem(name[len(head) - 1]):
                full.add(key)
            elif any(stem(w) for w in name[:next((i for i, w in enumerate(name) if w in ("of", "for", "on")), len(name))]):
                plain.add(key)  # "European Commission" for a commissioner
        found = full or plain
        return found.pop() if len(found) == 1 else None

    def _central_bank_of(self, doc: Doc, post: dict, bodies: dict) -> str | None:
        """"Governor Kazuo Ueda told a news conference that the central bank would ...": a central
        bank's post with no body beside it is in the central bank that the person's sentence or the
        one before names, or that it describes ("the central bank") when the text names only one.
        A governor with no central bank in sight may govern a state or a province."""
        lex = self.lexicon.get("central_bank") or {}
        posts, names = set(lex.get("posts") or ()), lex.get("name_words") or ()
        if not posts or not set(re.findall(r"[a-z]+", post["title"])) & posts:
            return None
        banks = {k for k, b in bodies.items() if b.get("kind") == "government" and not b.get("implied")
                 and any(w in (b.get("name") or "").lower() for w in names)}
        whole = {k for k in banks if unit_head(bodies[k].get("name") or "") not in UNIT_HEADS}
        banks = whole or banks  # "Deputy Governor X" is in the Riksbank, not in the Board of the Riksbank
        span = doc.char_span(post["start"], post["end"], alignment_mode="expand")
        if not banks or span is None:
            return None
        sent = span.sent
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        named = {s.kb_id_ for s in doc.spans.get("pkg_bodies", []) if start <= s.start < sent.end} & banks
        if len(named) == 1:
            return named.pop()
        words = lex.get("descriptions") or ()
        window = doc[start:sent.end].text.lower()
        if not named and len(banks) == 1 and any(re.search(rf"\b{re.escape(w)}\b", window) for w in words):
            return next(iter(banks))
        return None

    def _country_of(self, doc: Doc, post: dict) -> str | None:
        """The country a title names: "Japan's industry minister", "Chinese vice-premier", "U.S. Trade Representative"."""
        span = doc.char_span(post["start"], post["end"], alignment_mode="expand")
        if span is None:
            return None
        lead = [doc[j] for j in range(max(span.sent.start, span.start - 3), span.end)]
        for token in lead:
            if is_place(token) or token.lower_ in ("union",):
                code = self.countries.get(token.lower_) or self.countries.get(token.lower_.rstrip("'s"))
                if code:
                    return code
        return None

    def _main_country(self, doc: Doc) -> str | None:
        """The country the text names most often (places, demonyms, capitals, and the bodies of a
        country the gazetteer knows)."""
        counts: dict[str, int] = {}
        # the country's bodies the gazetteer knows ("the South African Reserve Bank"), each once: a name
        # that several countries share ("House of Commons") is one vote, not one a mention
        for key in {span.kb_id_ for span in doc.spans.get("pkg_bodies", [])}:
            code = (self.gazetteer.get(key) or {}).get("country")
            if code:
                counts[code] = counts.get(code, 0) + 2
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP", "LOC"):
                code = self.countries.get(normalise(ent.text).lower().removesuffix("'s"))
                if code:
                    counts[code] = counts.get(code, 0) + 2
            elif ent.label_ == "ORG":  # "The Canadian Press": a weaker sign
                for token in ent:
                    code = self.countries.get(token.lower_) if token.text[:1].isupper() and len(token) > 2 else None
                    if code and token.lower_ != "union":
                        counts[code] = counts.get(code, 0) + 1
        return max(counts, key=lambda c: counts[c]) if counts else None

    def _portfolio_in(self, title: str, entries, country: str | None) -> str | None:
        """The public body of ``entries`` whose name holds every word of the title's portfolio
        ("commerce" in "minister of commerce", "economy" in "vice-minister of economy")."""
        words = self._portfolio_words(title)
        if not words:
            return None
        heads = MINISTRY_WORDS
        if set(re.findall(r"[a-z]+", title.lower())) & self.ministry_posts and self.ministry_heads:
            heads = self.ministry_heads  # a minister's body is a ministry, not an agency of the field
        found = []
        for key, entry in entries:
            if entry.get("kind") != "government" or not heads.search(entry.get("name") or ""):
                continue
            home = entry.get("country") or (self.gazetteer.get(key) or {}).get("country")
            if country and home and home != country:
                continue
            names = [entry.get("name") or ""] + list(entry.get("aliases") or ())
            for name in names:
                name_words = {w[:5] for w in re.findall(r"[a-z]+", name.lower())}
                if name_words and all(w[:5] in name_words for w in words):
                    found.append((len(name_words), key))
                    break
        return min(found)[1] if found else None

    def _portfolio_words(self, title: str) -> set:
        """The words of a title that name its field: "housing" in "housing minister"."""
        post_words = {w for p in self.lexicon["posts"] for w in re.findall(r"[a-z]+", p)}
        stop = post_words | self.ranks | set(self.countries) | {"of", "for", "the", "and", "union", "federal", "state",
                                                                 "national", "u", "s", "new"}
        return {w for w in re.findall(r"[a-z]+", title.lower()) if w not in stop and len(w) > 2}

    def _country_post(self, title: str, country: str, year: int | None) -> str | None:
        """The body a post names by itself in ``country`` ("prime minister" in Japan), as the
        body was named in ``year`` (renamed departments; without a year, as named today)."""
        low = re.sub(r"\s*-\s*", "-", title.lower())
        entries = [(post, e) for e in self.country_posts.get(country) or () if _in_years(e, year) for post in e["titles"]]
        for post, entry in sorted(entries, key=lambda pe: -len(pe[0])):
            if re.search(rf"(?:^|\s){re.escape(post)}(?:$|\s+(?:of|for)\s)", low) and not (
                    post in ("president", "prime minister") and re.search(r"\b(?:vice|deputy)\b", low)):
                body = entry["body"]
                if body in self.gazetteer:
                    return body
                known = self.country_names.get((country, body.lower())) or self.gazetteer_names.get(body.lower())
                if known and self.gazetteer[known].get("country") in (None, country):
                    return known  # not another country's body of that name (China's Ministry of Finance)
                return slug(body)
        return None

    def _implied(self, key: str, name: str | None = None) -> dict:
        """The body record of a body the text implies but does not name."""
        entry = self.gazetteer.get(key)
        if entry is None:
            name = name or next((e["body"] for entries in self.country_posts.values() for e in entries
                                 if slug(e["body"]) == key), key)
            entry = {"name": name, "kind": "government"}
        return {"key": key, "name": entry["name"], "kind": entry.get("kind", "government"),
                "parent": entry.get("parent"), "wikidata": entry.get("wikidata"), "aliases": set(),
                "implied": True}

    def _posts_from_context(self, doc: Doc, spans: list[Span], posts: list[dict]) -> list[dict]:
        """A post known only from a description that follows a named person ("Angela Rayner has
        said ... The UK housing secretary is now ..."): the description as the subject of one of
        the next two sentences, with no name in it, gives its post to the person last named as a
        subject, when that person has no post yet."""
        with_post = {p["person"] for p in posts}
        out, given = [], set()
        sents = list(doc.sents)
        people_at = {i: sp for sp in spans for i in range(sp.start, sp.end)}
        for k, sent in enumerate(sents):
            for token in sent:
                if token.dep_ not in ("nsubj", "nsubjpass") or token.i in people_at:
                    continue
                if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                    continue
                words = [t for t in token.lefts if t.dep_ in ("compound", "amod") and not is_place(t)
                         and t.lower_ not in CONTEXT_SKIP] + [token]
                phrase = doc[words[0].i:token.i + 1] if words else None
                text = " ".join(t.text for t in phrase if t.lower_ not in CONTEXT_SKIP and not is_place(t)) if phrase else ""
                post_word = self.title.search(text)
                if phrase is None or any(t.i in people_at for t in token.subtree) or not post_word \
                        or post_word.end() != len(text) or len(text.split()) > 4:
                    continue
                title = _title(text)
                if not self.public_posts.search(title):
                    continue
                earlier = [sp for sp in spans if sents[max(0, k - 2)].start <= sp.start < token.i
                           and _named_subject(sp)]
                if not earlier:
                    continue
                person = earlier[-1].kb_id_
                if person in with_post or person in given:
                    continue
                given.add(person)
                out.append({"person": person, "title": title, "body": None, "public": True,
                            "start": phrase.start_char, "end": phrase.end_char})
        return out

    def _predecessors(self, doc: Doc, spans: list[Span], posts: list[dict]) -> list[dict]:
        """"Holland's predecessor, Jean-Yves Duclos, had warned ...", "Duclos, Holland's
        predecessor, said ...": the predecessor held the same post before. The post is marked
        ``former``: the person is an official only where the text reports what they said while
        in office (SCHEMA, "Resolution"), which the claims component decides."""
        text = text_of(doc)
        with_post = {p["person"] for p in posts}
        owner_post = {}
        for p in posts:
            if p.get("public", True) and not p.get("former"):
                owner_post.setdefault(p["person"], p)
        at_end = {s.end_char: s for s in spans}
        out = []
        for span in spans:
            if span.kb_id_ in with_post or _pieces(span) < 2:
                continue
            before = re.search(r"(?:'s|\u2019s)\s+(?:immediate\s+)?predecessor\s*,?\s*$", text[max(0, span.start_char - 40):span.start_char])
            owner = at_end.get(span.start_char - len(before.group(0))) if before else None
            if owner is None:  # "Duclos, Holland's predecessor,"
                after = re.match(r"\s*,\s*(?:the\s+)?([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*)(?:'s|\u2019s)\s+"
                                 r"(?:immediate\s+)?predecessor\b", text[span.end_char:span.end_char + 80])
                owner = next((s for s in spans if after and s.start_char == span.end_char + after.start(1)), None)
            post = owner_post.get(owner.kb_id_) if owner is not None else None
            if post is None:
                continue
            with_post.add(span.kb_id_)
            out.append({"person": span.kb_id_, "title": post["title"], "body": post["body"], "public": True,
                        "former": True, "start": span.start_char, "end": span.end_char})
        return out

    def _short_mentions(self, doc: Doc, spans: list[Span], people: dict) -> list[Span]:
        """"Gong", "Xi": a surname or given name alone is the nearest preceding full name that has it.
        Before any such name (a headline or standfirst: "Chalmers says ..." above "Treasurer Jim
        Chalmers said"), a word the model takes for a person, or a subject, is the first full name
        after it that has it."""
        taken = {i for s in spans for i in range(s.start, s.end)}
        out = []
        full = sorted(spans, key=lambda s: s.start)

        def has(s, token):
            return token.text in (s[0].text, s[-1].text) or (
                _pieces(s) >= 3 and len(token.text) >= 3 and token.text in {t.text for t in s if t.text not in PARTICLES})

        for token in doc:
            if token.i in taken or not NAME_TOKEN.match(token.text):
                continue
            subject = token.dep_ in ("nsubj", "nsubjpass")
            if token.pos_ != "PROPN" and not (subject and token.pos_ == "NOUN"):
                continue  # a headline's subject may be tagged a noun ("Chalmers says ...")
            before = [s for s in full if s.end <= token.i and has(s, token)] if token.pos_ == "PROPN" else []
            if not before and (token.ent_type_ == "PERSON" or subject):
                before = [s for s in full if s.start > token.i and has(s, token)][:1]
            if before:
                key = before[-1].kb_id_
                people[key]["aliases"].add(token.text)
                out.append(Span(doc, token.i, token.i + 1, label="PERSON", kb_id=key))
        return out


NAME = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,4}"


def _plurals(posts) -> dict[str, str]:
    """Plural forms of the post words, each to its singular: "justices" -> "justice",
    "ministers of state" -> "minister of state", "secretaries" -> "secretary"."""
    out = {}
    for post in posts:
        words = post.split()
        k = words.index("of") - 1 if "of" in words else len(words) - 1
        word = words[k]
        if word.endswith("man"):
            plural = word[:-3] + "men"
        elif re.search(r"[^aeiou]y$", word):
            plural = word[:-1] + "ies"
        elif re.search(r"(?:s|sh|ch|x)$", word):
            plural = word + "es"
        else:
            plural = word + "s"
        out[" ".join(words[:k] + [plural] + words[k + 1:])] = post
    return out


def _singular(title: str, plurals: dict) -> str:
    """"Deputy Ministers of State" -> "Deputy minister of state" (case is folded later)."""
    low = re.sub(r"\s+", " ", title.lower())
    for plural, single in sorted(plurals.items(), key=lambda ps: -len(ps[0])):
        if low.endswith(plural):
            return low[: len(low) - len(plural)] + single
    return title


def _body_before(span: Span, bodies: list[Span]) -> str | None:
    """The body named last before ``span``, in its sentence or the one before ("its", "their")."""
    doc = span.doc
    start = doc[span.sent.start - 1].sent.start if span.sent.start > 0 else span.sent.start
    before = [b for b in bodies if start <= b.start and b.end <= span.start]
    # "The Saudi Geological Survey has completed a survey of the Arabian Shield, its chief executive
    # said": "its" is the subject's, when a body is the subject of the person's sentence
    subject = [b for b in before if b.start >= span.sent.start and b.root.dep_ in ("nsubj", "nsubjpass")]
    if subject:
        return subject[-1].kb_id_
    return before[-1].kb_id_ if before else None


MINISTRY_WORDS = re.compile(r"\b(?:Ministry|Department|Treasury|Office|Bureau|Administration|Agency|Authority|"
                            r"Commission|Bank|Service|Secretariat)\b")
UNIT_HEADS = {"Committee", "Subcommittee", "Commission", "Caucus", "Group", "Board", "Office", "Panel", "Council"}


CONTEXT_SKIP = {"new", "current", "incoming", "outgoing", "then", "the"}


def _named_subject(span: Span) -> bool:
    """The name is a subject, directly or through an apposition or compound."""
    token = span.root
    while token.dep_ in ("compound", "appos", "flat", "conj") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def whole_sentence(span: Span) -> Span:
    """The sentence of ``span``, joined with the sentences next to it where the parser cut
    one without a full stop or a line break ("... Farmers Welfare Minister | Shivraj Singh
    Chouhan said ...")."""
    doc = span.doc
    sent = span.sent
    start, end = sent.start, sent.end
    while start > 0 and _open_cut(doc, start):
        start = doc[start - 1].sent.start
    while end < len(doc) and _open_cut(doc, end):
        end = doc[end].sent.end
    return doc[start:end]


def _open_cut(doc, i: int) -> bool:
    """A sentence boundary before token ``i`` that no punctuation or line break marks."""
    prev = doc[i - 1]
    return not (prev.is_punct or prev.is_space or "\n" in prev.whitespace_ or "\n" in prev.text) \
        and not prev.text.endswith((".", "!", "?")) and doc[i].text[:1].isupper()


def _name_run(doc, i: int, usable: list) -> int:
    """The end of the name that starts at ``i``: name words, joined by hyphens written without
    spaces ("Sung-wook", "Jean-Yves") or by particles ("Lula da Silva"); at most five words."""
    j, words = i + 1, 1
    while j < len(doc) and words < 5:
        token = doc[j]
        if usable[j] and doc[j - 1].whitespace_:
            j, words = j + 1, words + 1
        elif token.text == "-" and not doc[j - 1].whitespace_ and not token.whitespace_ and j + 1 < len(doc) \
                and doc[j + 1].is_alpha:
            j += 2  # "Sung-wook": the part after the hyphen belongs to the word before
        elif token.text in PARTICLES and j + 1 < len(doc) and usable[j + 1] and token.ent_type_ == "PERSON":
            j += 1
        else:
            break
    return j


def _joined(doc, i: int, j: int) -> bool:
    return any(t.text == "-" or t.text in PARTICLES for t in doc[i:j])


def _pieces(span: Span) -> int:
    """The words of a name, hyphenated parts and particles not counted apart."""
    return sum(1 for k, t in enumerate(span) if t.text != "-" and t.text not in PARTICLES
               and not (k > 0 and span[k - 1].text == "-"))


def _field_words(doc, start_char: int, lead: list) -> list:
    """Lower-case words of the field right before a title ("industry" in "Japan's industry
    minister", "health" in "Union health minister"), read from the title word's compounds."""
    first = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if first is None:
        return []
    head = doc[first.start]
    while head.dep_ == "compound" and head.head.i > head.i and head.head.i - first.start < 4:
        head = head.head
    words = []
    j = first.start - 1
    while j >= 0 and doc[j].is_lower and doc[j].is_alpha and doc[j].dep_ in ("compound", "amod", "nmod") \
            and j < doc[j].head.i <= first.start + 3 and not doc[j].is_stop and len(words) < 3:
        words.insert(0, doc[j].text)
        j -= 1
    return words


def _lead(doc, start_char: int, sentence_start: int) -> list:
    """The capitalised words right before a title: "EU Energy" in "EU Energy Commissioner"."""
    first = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    lead, j = [], (first.start if first is not None else sentence_start) - 1
    while j >= sentence_start and len(lead) < 4 and doc[j].text[:1].isupper():
        lead.insert(0, doc[j])
        j -= 1
    return lead


def _portfolio_body(portfolio: str, bodies: list, named: bool) -> str | None:
    """The body a portfolio names: "Industry and Security" -> the Bureau of Industry and Security.

    ``named`` (the title says "of/for X"): a body whose name ends in X, trying the last part
    of "Commerce for Industry and Security" first. Otherwise ("Health Secretary"): a ministry
    or department "of/for ... Health ...".
    """
    pieces = re.split(r"(\s+(?:of|for)\s+(?:the\s+)?)", portfolio)  # parts with their links between
    wanted = list(dict.fromkeys(["".join(pieces[i:]) for i in range(len(pieces) - 1, -1, -2)] + pieces[:1]))
    names = {}
    for span in bodies:
        info = (span.doc._.pkg_bodies or {}).get(span.kb_id_) or {}
        for name in {span.text, info.get("name", ""), *info.get("aliases", ())}:
            names.setdefault(normalise(name).lower(), span.kb_id_)
    for part in wanted if named else [portfolio]:
        part = normalise(part).lower()
        for name, key in names.items():
            if named and (name == part or re.search(rf"\b(?:of|for)\s+(?:the\s+)?{re.escape(part)}$", name)):
                return key
            if not named and re.search(r"\b(?:ministry|department|office)\s+(?:of|for)\b", name) \
                    and all(re.search(rf"\b{re.escape(w)}\b", name) for w in part.split()):
                return key
    return None


def _posted_body(doc, body: Span, title: str) -> str:
    """The body a post of ``body`` sits in: an EU commissioner in the European Commission (gazetteer ``posts``)."""
    info = (doc._.pkg_bodies or {}).get(body.kb_id_) or {}
    for word, key in (info.get("posts") or {}).items():
        if re.search(rf"\b{re.escape(word)}\b", title, re.I) and key in (doc._.pkg_bodies or {}):
            return key
    return body.kb_id_


def _title(text: str) -> str:
    """A title as written, lower-cased, hyphens closed up: "Deputy Procurator - General" -> "deputy procurator-general"."""
    title = re.sub(r"\s*-\s*", "-", re.sub(r"\s+", " ", text.strip())).lower()
    return re.sub(r"^under\s+(?!secretary)", "", title)  # "Under President Tinubu": "under" is no rank there


def _most_specific(doc: Doc, body: Span | None, body_at_start: dict) -> Span | None:
    """"the SPP's IPR Procuratorial Office": the post is in the office, not the SPP."""
    while body is not None:
        rest = text_of(doc)[body.end_char:body.end_char + 4]
        m = re.match(r"(?:'s|\u2019s)\s+", rest)
        nxt = body_at_start.get(body.end_char + m.end()) if m else None
        if nxt is None:
            return body
        body = nxt
    return body


def _nearby_body(span: Span, bodies: list[Span], bare: bool = False) -> str | None:
    """The only public body named in the person's sentence, when a title names none (not the
    news agency a report is credited to). For a bare title before the name, only a body in the
    person's own phrase ("Vice Minister Xiao Yuanqi of the NFRA"): one in what the sentence says
    or does ("Governor X said the monetary policy committee had voted", "Chancellor X pledged
    £22bn for the NHS", "Premier X said ... at the National People's Congress") is not theirs."""
    info = span.doc._.pkg_bodies or {}
    if bare and not _named_subject(span):  # "Under President Tinubu, ... the CBN say": not his body
        return None
    head = span.root
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    clause = {t.i for t in head.subtree} if bare else set(range(span.sent.start, span.sent.end))
    keys = {b.kb_id_ for b in bodies if span.sent.start <= b.start < span.sent.end and b.start in clause
            and (info.get(b.kb_id_) or {}).get("kind") in PUBLIC_KINDS}
    return keys.pop() if len(keys) == 1 else None


def _in_years(entry: dict, year: int | None) -> bool:
    """Whether a post table's entry held in ``year`` (without one: whether it holds today)."""
    if year is None:
        return "until" not in entry
    return entry.get("from", 0) <= year and ("until" not in entry or year < entry["until"])
