"""Claims: sentences in which a named speaker is reported with a cue ("said", "vowed",
"according to"), with the speaker resolved through pronouns, descriptions and surnames.

Reads the people and bodies the earlier components found; writes ``doc._.pkg_claims``:
one claim per sentence and speaker, with cue, kind (from the cue, else from the modality
of the sentence), the content span (what was said, without the attribution), date and a
confidence. A cue whose speaker is a pronoun or a description that nothing resolves
("a spokesperson said") is kept apart in ``doc._.pkg_unresolved`` for the audit.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .dates import DATE_LABEL, day_mentions, find_dates, reference_date, reference_month
from .lexicon import load_json, text_of

for _name in ("pkg_claims", "pkg_unresolved"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

LEAD_SENTENCES = 3
WEEKDAY = re.compile(r"\bon\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
EVENT = re.compile(r"\b(said|says|told|remarks?|speech|briefing|press conference|meeting|session|forum|"
                   r"conference|summit|interview|statement|presid\w+)\b", re.I)
DESCRIPTION = re.compile(r"^(?:the|this|that)\s+(official|spokesperson|spokesman|spokeswoman|premier|president|"
                         r"minister|director|governor|mayor|chairman|chair|commissioner|secretary|head|judge|"
                         r"ambassador|prosecutor|procurator-general|leader)$", re.I)
# Speakers worth reporting when unresolved: a pronoun for a person, or a description of one.
UNRESOLVED = re.compile(r"^(?:he|she|(?:(?:the|an?|one|this|that)\s+)?(?:[a-z-]+\s+){0,3}(?:official|officials|"
                        r"spokesperson|spokesman|spokeswoman|minister|director|source|sources|aide|diplomat|"
                        r"premier|president|governor|commissioner|secretary|prosecutor|regulator|regulators))$", re.I)
OTHER_TIME = re.compile(r"\b(?:earlier|previously|last\s+(?:week|month|year)|ago|in\s+(?:january|february|march|april|"
                        r"may|june|july|august|september|october|november|december|\d{4}))\b", re.I)
EVENT_NOUN = re.compile(r"\b(?:press\s+conference|news\s+conference|briefing|meeting|forum|summit|symposium|ceremony|"
                        r"session|hearing)\b", re.I)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PUBLIC_KINDS = {"government", "party", "legislature", "court", "procuratorate", "international"}
QUOTES = "\"'\u201c\u201d\u2018\u2019 ,;:"


@Language.factory("policykg_claims", requires=["doc.spans", "token.dep"], assigns=["doc._.pkg_claims"],
                  default_config={"cues": "cues.json"})
class ClaimFinder:
    def __init__(self, nlp: Language, name: str, cues: str):
        data = load_json(cues)
        self.verbs: dict = data["verbs"]
        self.particles: dict = data["particles"]
        self.modality: dict = data["modality"]

    def __call__(self, doc: Doc) -> Doc:
        people = {s.start: s for s in doc.spans.get("pkg_people", [])}
        bodies = {s.start: s for s in doc.spans.get("pkg_bodies", [])}
        posts = [p for p in doc._.pkg_posts or [] if p.get("public", True)]  # officials only
        titles = {p["person"]: p["title"] for p in posts}
        officials_by_body: dict[str, str] = {}
        for p in posts:
            if p["body"]:
                officials_by_body.setdefault(p["body"], p["person"])
        body_info = doc._.pkg_bodies or {}
        for p in posts:  # an official of a department speaks for its ministry too
            parent = (body_info.get(p["body"]) or {}).get("parent") if p["body"] else None
            if parent:
                officials_by_body.setdefault(parent, p["person"])
        claims: list[dict] = []
        unresolved: list[dict] = []
        last_person: str | None = None
        mentioned: list[str] = []  # people in order of mention, latest last
        for sent in doc.sents:
            seen = set()
            for cue_text, cue_kind, speaker_token, cue_token in self._cues(sent, people, bodies):
                resolved = self._resolve(speaker_token, people, bodies, last_person, titles, officials_by_body,
                                         mentioned)
                content = _content(cue_token, speaker_token, sent, " " in cue_text)
                if resolved is None:
                    phrase = _phrase(speaker_token)
                    if UNRESOLVED.match(phrase) and not seen:
                        unresolved.append({"speaker_text": phrase, "cue": cue_text.lower(),
                                           "kind": cue_kind or self._kind(sent.text),
                                           "sentence": (sent.start_char, sent.end_char),
                                           "content": content, "own_date": _own_date(sent, content, doc, cue_token)})
                        seen.add(phrase)
                    continue
                speaker, kind_of_speaker, confidence = resolved
                if kind_of_speaker == "person" and speaker not in titles:
                    last_person = speaker  # a person without a public post is no claim's speaker
                    seen.add(speaker)
                    continue
                if speaker in seen:
                    continue
                seen.add(speaker)
                claims.append({
                    "speaker": speaker, "speaker_type": kind_of_speaker, "cue": cue_text.lower(),
                    "kind": cue_kind or self._kind(sent.text), "sentence": (sent.start_char, sent.end_char),
                    "content": content, "own_date": _own_date(sent, content, doc, cue_token), "confidence": confidence,
                })
                if kind_of_speaker == "person":
                    last_person = speaker
            for span in sorted(people.values(), key=lambda x: x.start):
                if sent.start <= span.start < sent.end:
                    mentioned.append(span.kb_id_)
                    if not seen:
                        last_person = span.kb_id_
        _date_claims(doc, claims, unresolved, {p["person"]: p["body"] for p in posts}, body_info)
        doc._.pkg_claims = claims
        doc._.pkg_unresolved = unresolved
        return doc

    def _cues(self, sent: Span, people: dict, bodies: dict):
        """(cue as written, the kind it implies or None, the token naming the speaker) for each cue."""
        for token in sent:
            lemma = token.lemma_.lower()
            if lemma == "accord" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                to = token.doc[token.i + 1]
                objects = [c for c in to.children if c.dep_ == "pobj"]
                if objects:
                    yield "according to", None, objects[0], token
                continue
            if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
                continue
            particle = next((c for c in token.children if c.dep_ in ("prt", "prep")
                             and f"{lemma} {c.lower_}" in self.particles), None)
            if lemma not in self.verbs and particle is None:
                continue
            if particle is None and _acts_on_object(token):
                continue  # "proposed a package": an act, not a report of speech
            subjects = [c for c in token.children if c.dep_ == "nsubj"] or _name_before(token, people, bodies)
            if not subjects:
                continue
            if particle is not None:
                yield f"{token.text} {particle.text}", self.particles[f"{lemma} {particle.lower_}"], subjects[0], token
            else:
                yield token.text, self.verbs[lemma], subjects[0], token

    def _kind(self, text: str) -> str:
        low = " " + text.lower() + " "
        for kind in ("directive", "commitment", "prediction"):
            if any(re.search(rf"\b{re.escape(w)}\b", low) for w in self.modality[kind]):
                return kind
        return "assertion"

    def _resolve(self, token: Token, people, bodies, last_person, titles, officials_by_body, mentioned=()):
        """The key of the person or body ``token`` names, its type and a confidence."""
        def inside(spans, tokens):
            return next((s for s in spans.values() for t in tokens if s.start <= t.i < s.end), None)

        # "Director of the SPP's IPR Office, Liu Taizong, stated": the subject's subtree names him.
        subtree = [token] + [t for t in token.subtree if t is not token and t.dep_ in ("appos", "compound", "conj")]
        person = inside(people, [token]) or inside(people, subtree)
        if person is not None:
            return person.kb_id_, "person", 0.9
        body = inside(bodies, [token])
        if body is not None:
            return body.kb_id_, "body", 0.85
        if token.lower_ in ("he", "she") and last_person:
            return last_person, "person", 0.75
        phrase = " ".join(t.text for t in token.subtree if t.dep_ in ("det", "amod", "compound") or t is token)
        described = DESCRIPTION.match(phrase.strip())
        if described:  # "the minister": the latest official whose title says so, else the latest one
            word = described.group(1).lower()
            fitting = [p for p in mentioned if p in titles and word in titles[p]]
            if fitting:
                return fitting[-1], "person", 0.7
            if last_person:
                return last_person, "person", 0.6
        if token.lower_ in ("official", "spokesperson", "spokesman", "spokeswoman"):
            for child in token.subtree:
                for span in bodies.values():
                    if span.start <= child.i < span.end and span.kb_id_ in officials_by_body:
                        return officials_by_body[span.kb_id_], "person", 0.6
        return None


def _phrase(token: Token) -> str:
    """The speaker phrase as written: the token with its determiners, modifiers and compounds."""
    kept = [t for t in token.subtree if t.i == token.i or (t.head.i == token.i and t.dep_ in ("det", "amod", "compound", "nummod"))]
    return " ".join(t.text for t in kept).strip()


def _content(cue: Token, speaker: Token, sent: Span, phrasal: bool = False) -> tuple[int, int]:
    """Character offsets of what was said: the clause the cue governs ("said that ..."), the
    object of a phrasal cue ("called for ..."), or else the sentence without the attribution
    ("..., X said." and "According to X, ..."); quotes and "that" trimmed."""
    doc = sent.doc
    if cue.lower_ == "according":
        attribution = set(t.i for t in cue.subtree)
        tokens = [t for t in sent if t.i not in attribution]
    else:
        clauses = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp")
                   or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
        if not clauses and phrasal:  # "called for X": the particle's object
            clauses = [g for c in cue.children if c.dep_ in ("prt", "prep") and c.i == cue.i + 1
                       for g in c.children if g.dep_ == "pobj"]
        if not clauses:
            clauses = [c for c in cue.children if c.dep_ == "dobj"]
        if clauses:
            tokens = sorted({t for c in clauses for t in c.subtree}, key=lambda t: t.i)
            marks = [m for c in clauses for m in c.children if m.dep_ == "mark" and m.lower_ == "that"]
            if marks:  # "said at the briefing that ...": what was said starts at "that"
                tokens = [t for t in tokens if t.i >= marks[0].i]
        else:
            attribution = {cue.i} | {t.i for t in speaker.subtree} | {c.i for c in cue.children if c.dep_ in (
                "nsubj", "aux", "advmod", "punct") and c.i > speaker.i}
            tokens = [t for t in sent if t.i not in attribution]
            if cue.head is not cue and cue.dep_ in ("parataxis", "ccomp"):
                tokens = [t for t in tokens if t.i < min(speaker.i, cue.i)] or tokens
    if not tokens:
        return sent.start_char, sent.end_char
    while tokens and (tokens[0].lower_ == "that" or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or (tokens[-1].is_punct and tokens[-1].text not in ")%")):
        tokens = tokens[:-1]
    if not tokens:
        return sent.start_char, sent.end_char
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = text_of(doc)
    while start < end and text[start] in QUOTES:
        start += 1
    while end > start and text[end - 1] in QUOTES:
        end -= 1
    return start, end


def _acts_on_object(verb: Token) -> bool:
    """A cue verb with an object and no clause of content ("proposed a package") reports no speech."""
    children = {c.dep_ for c in verb.children}
    return "dobj" in children and not children & {"ccomp", "xcomp", "parataxis"} \
        and verb.dep_ not in ("ccomp", "parataxis")


def _name_before(verb: Token, people: dict, bodies: dict) -> list[Token]:
    """A name right before the cue when the parse gave the verb no subject ("... Alan Estevez added")."""
    if verb.i == 0:
        return []
    before = verb.doc[verb.i - 1]
    named = any(s.start <= before.i < s.end for group in (people, bodies) for s in group.values())
    return [before] if named else []


def _reference(doc: Doc) -> dt.date | None:
    """What relative dates count from when the document has no full publication date: the
    latest full date the text gives (a caption dating the event). Kept on the doc."""
    if "pkg_reference" not in doc.user_data:
        dates = [d for _, _, d in find_dates(text_of(doc))]
        doc.user_data["pkg_reference"] = max(dates) if dates else None
    return doc.user_data["pkg_reference"]


def _days(text: str, doc: Doc) -> list[tuple[int, int, dt.date]]:
    """The days ``text`` names, resolved against the publication date (or the text's own date)."""
    published = doc._.pkg_published
    fallback = None if reference_date(published) or reference_month(published) else _reference(doc)
    return [(s, e, d) for s, e, d in day_mentions(text, published, fallback)
            if not ISO_DATE.match(text, s)]  # "2024-11-09" is a page header's date, not prose


def _own_date(sent: Span, content: tuple[int, int], doc: Doc, cue: Token) -> str | None:
    """The day a statement was made as its sentence gives it: a day named outside what was said
    ("said on Thursday that ...", "At a briefing on Tuesday, X said ..."); a day inside the
    content ("will approve it on Sept. 3") is what the statement is about, not when it was made.
    "" when the attribution dates the statement to another time ("Earlier, X said"), "event" when
    it places it at an event ("told a press conference") without a day."""
    text = sent.text
    base = sent.start_char
    outside = [(s, e, d) for s, e, d in _days(text, doc) if not content[0] <= base + s < content[1]]
    if outside:
        return outside[0][2].isoformat()
    attribution = text[:max(0, content[0] - base)] + " " + text[max(0, content[1] - base):]
    if OTHER_TIME.search(attribution):
        return ""
    if EVENT_NOUN.search(attribution) or EVENT_NOUN.search(_adjuncts(cue)):
        return "event"  # "said at the press briefing": the day of the event the article reports
    return None


def _adjuncts(cue: Token) -> str:
    """The cue's own phrases of place and time, whatever the parse hung below them: "at the
    press briefing" in "said at the press briefing that ..."."""
    words = []
    for child in cue.children:
        if child.dep_ == "prep":
            words += [child.text] + [g.text for p in child.children if p.dep_ == "pobj"
                                     for g in [*p.lefts, p] if g.dep_ in ("det", "compound", "amod", "pobj")]
        elif child.dep_ in ("npadvmod", "advmod"):
            words.append(child.text)
    return " ".join(words)


def _date_claims(doc: Doc, claims: list[dict], unresolved: list[dict], post_body: dict, body_info: dict) -> None:
    """Give each claim its date: its own day, else the day of the event the article reports.

    The event is the first dated claim's (its speakers and their bodies were there), else a day
    the lead names; its day goes to the claims of those speakers (with a dated claim, to those of
    the same body too) and, with no dated claim, to those of officials and public bodies."""
    def body_of(speaker: str) -> set:
        body = post_body.get(speaker) if speaker in post_body else speaker
        parent = (body_info.get(body) or {}).get("parent") if body else None
        return {b for b in (body, parent) if b}

    dated = [c for c in claims if c["own_date"] and c["own_date"] != "event"]
    event, present = None, set()
    if dated:
        event = dated[0]["own_date"]
        for c in claims:  # who was at the event: the speakers dated to it or placed at it
            if c["own_date"] in (event, "event"):
                present |= {c["speaker"]} | body_of(c["speaker"])
    else:
        event = _lead_date(doc)

    def public(c: dict) -> bool:
        if c["speaker_type"] == "person":
            return True
        return (body_info.get(c["speaker"]) or {}).get("kind") in PUBLIC_KINDS

    for c in claims:
        own = c.pop("own_date")
        if own == "event":
            c["date"] = event
        elif own or own == "":
            c["date"] = own or None
        elif event and ((c["speaker"] in present or bool(body_of(c["speaker"]) & present)) if dated else public(c)):
            c["date"] = event
        else:
            c["date"] = None
    for c in unresolved:
        own = c.pop("own_date")
        c["date"] = event if own in (None, "event") else own or None


def _lead_date(doc: Doc) -> str | None:
    """The day of the event the article reports, when no statement is dated: a day named in the
    lead, else in the first sentence that speaks of an event ("at a press briefing on Thursday")."""
    prose = (s for s in doc.sents if any(t.pos_ in ("VERB", "AUX") for t in s)  # not a date line
             and not DATE_LABEL.match(s.text))
    for i, sent in enumerate(prose):
        if i < LEAD_SENTENCES or EVENT.search(sent.text):
            days = _days(sent.text, doc)
            if days:
                return days[0][2].isoformat()
    return None
