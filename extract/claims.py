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

from .clean import is_caption
from .dates import DATE_LABEL, MONTHS as MONTH_NUMBERS, day_mentions, event_dates, reference_date, reference_month
from .lexicon import is_place, load_json, text_of
from .metadata import read_metadata

for _name in ("pkg_claims", "pkg_unresolved"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

LEAD_SENTENCES = 3
# "in March", "in 2023" before a statement dates it to another time than the event (with the
# lexicon's 'other_time' words); months and years are the language of dates, not a list.
IN_OTHER_TIME = re.compile(r"\bin\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
                           r"december|\d{4})\b", re.I)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PUBLIC_KINDS = {"government", "party", "legislature", "court", "procuratorate", "international"}
QUOTES = "\"'\u201c\u201d\u2018\u2019 ,;:"


def _phrases(words) -> re.Pattern | None:
    """A regex matching any of ``words`` as whole words (a phrase's spaces match any space, a
    trailing "*" any ending), or None for no words."""
    alts = [re.escape(w.rstrip("*")).replace(r"\ ", r"\s+") + (r"\w*" if w.endswith("*") else "")
            for w in sorted(words or (), key=len, reverse=True)]
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.I) if alts else None


class Words:
    """The claims component's lexicon (``claim_words.json``): the words that name speakers by
    post or kind of body, and the words that date a statement. Emptied (""), nothing but names
    and pronouns resolves, and only days the text names date a claim."""

    def __init__(self, data: dict):
        def words(key):
            return set(data.get(key) or ())
        self.posts = words("post_words")
        self.generic_posts = words("generic_posts")
        self.generic_modifiers = words("generic_modifiers")
        self.ranks = words("rank_words")
        self.bodies = words("body_words")
        self.data = words("data_words")
        self.members = words("member_words")
        self.unresolved_members = words("spokesperson_words")
        self.roles = {w: set(kinds) for w, kinds in (data.get("role_words") or {}).items()}
        heads = _phrases(data.get("unresolved_heads"))
        # a pronoun for a person, or a description of one ("a senior official", "the spokesperson")
        self.unresolved = re.compile(r"^(?:he|she" + (r"|(?:(?:the|an?|one|this|that)\s+)?(?:[a-z-]+\s+){0,3}"
                                                      + heads.pattern if heads else "") + r")$", re.I)
        self.event = _phrases(data.get("event_words"))
        self.event_nouns = _phrases(data.get("event_nouns"))
        self.other_time = _phrases(data.get("other_time"))

    def dated_elsewhere(self, text: str) -> bool:
        """The attribution dates the statement to another time ("Earlier, X said", "in March")."""
        return bool(self.other_time and self.other_time.search(text)) or bool(IN_OTHER_TIME.search(text))

    def at_event(self, *texts: str) -> bool:
        return bool(self.event_nouns) and any(self.event_nouns.search(t) for t in texts)


@Language.factory("policykg_claims", requires=["doc.spans", "token.dep"], assigns=["doc._.pkg_claims", "doc._.pkg_posts"],
                  default_config={"cues": "cues.json", "words": "claim_words.json"})
class ClaimFinder:
    def __init__(self, nlp: Language, name: str, cues: str, words: str):
        data = load_json(cues)
        self.words = Words(load_json(words))
        self.verbs: dict = data["verbs"] or {}
        self.particles: dict = data["particles"] or {}
        self.modality: dict = data["modality"] or {}
        self.np_content = set(data.get("np_content") or ())
        self.objects: dict = data.get("objects") or {}
        self.modality_re = {kind: re.compile("|".join(rf"(?<![\w]){re.escape(w)}(?![\w])" for w in words))
                            for kind, words in self.modality.items() if kind in ("directive", "commitment", "prediction") and words}
        self.neutral_re = _phrases(self.modality.get("neutral"))

    def __call__(self, doc: Doc) -> Doc:
        people = {s.start: s for s in doc.spans.get("pkg_people", [])}
        bodies = {s.start: s for s in doc.spans.get("pkg_bodies", [])}
        all_posts = doc._.pkg_posts or []
        # officials only; a post held before ("X's predecessor, Y") counts where Y spoke in office
        former = {p["person"] for p in all_posts if p.get("former")}
        posts = [p for p in all_posts if p.get("public", True) and not p.get("former")]
        titles = {p["person"]: p["title"] for p in posts}
        body_info = doc._.pkg_bodies or {}
        context = Context(doc, people, bodies, posts, body_info, self.words)
        claims: list[dict] = []
        unresolved: list[dict] = []
        title = _title_of(doc)
        printed: set = set()
        for sent in _sentences(doc):
            if _headline(sent, title):
                continue  # the headline is no claim: the body repeats it
            seen = set()
            context.enter(sent)
            found = []  # (speaker, type, confidence, cue text, kind, cue token, speaker token, content)
            cues = [(cue_text, cue_kind, speaker_token, cue_token, _content(cue_token, speaker_token, sent, " " in cue_text))
                    for cue_text, cue_kind, speaker_token, cue_token in self._cues(sent, people, bodies)]
            for cue_text, cue_kind, speaker_token, cue_token, content in cues:
                if speaker_token.pos_ == "PRON" and any(
                        other[3].i != cue_token.i and other[4][0] <= cue_token.idx < other[4][1]
                        and other[4] != (sent.start_char, sent.end_char)
                        and (_is_person_word(other[2], people, self.words) == (speaker_token.lower_ in ("he", "she", "i"))
                             or speaker_token.lower_ in ("they", "we", "you"))
                        for other in cues):
                    continue  # "Orbit said that it would appeal": "it" is Orbit, whose claim this is part of;
                    # "“They say there is no money,” she wrote": whoever "they" are, it is her claim
                resolved = context.resolve(speaker_token)
                if resolved is None:
                    phrase = _phrase(speaker_token)
                    if self.words.unresolved.match(phrase) and not seen:
                        unresolved.append({"speaker_text": phrase, "cue": cue_text.lower(),
                                           "kind": cue_kind or self._kind(sent, content),
                                           "sentence": (sent.start_char, sent.end_char),
                                           "content": content, "own_date": _own_date(sent, content, doc, cue_token, self.words)})
                        seen.add(phrase)
                    continue
                speaker, kind_of_speaker, confidence = resolved
                if cue_text.lower() == "according to" and (body_info.get(speaker) or {}).get("kind") == "media":
                    continue  # "according to a report by Xinhua": a credit, not a claim
                context.spoke(speaker, kind_of_speaker, speaker_token)
                if kind_of_speaker == "person" and speaker not in titles and not (
                        speaker in former and self._in_office(sent, content, cue_token)):
                    continue  # a person without a public post is no claim's speaker
                found.append((speaker, kind_of_speaker, confidence, cue_text, cue_kind, cue_token, speaker_token, content))
            for speaker, kind_of_speaker, confidence, cue_text, cue_kind, cue_token, speaker_token, content in \
                    _main_cues(found):
                others = {f[4] for f in found if f[0] == speaker and f[4]}
                if (speaker, _fold(sent.text)) in printed:
                    continue  # a sentence printed twice is one claim
                if not any(t.is_alpha and t.i != cue_token.i and t.i not in {w.i for w in speaker_token.subtree}
                           for t in doc.char_span(*content, alignment_mode="expand") or ()):
                    continue  # "She said: '" (the text cut off): a cue with nothing said
                printed.add((speaker, _fold(sent.text)))
                claims.append({
                    "speaker": speaker, "speaker_type": kind_of_speaker, "cue": cue_text.lower(),
                    "kind": cue_kind or self._kind(sent, content, others), "sentence": (sent.start_char, sent.end_char),
                    "content": content, "own_date": _own_date(sent, content, doc, cue_token, self.words),
                    "confidence": confidence,
                })
        spoke = {c["speaker"] for c in claims}
        for post in all_posts:
            if post.get("former"):  # an official for the post only where the text reports them in it
                post["public"] = post["person"] in spoke
        _date_claims(doc, claims, unresolved, {p["person"]: p["body"] for p in posts}, body_info, self.words)
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
            if lemma not in self.verbs and particle is None and not (not self.verbs and _reports(token)):
                continue  # with no cue list (emptied), a verb that governs a clause of content
            if particle is None and lemma not in self.np_content and _acts_on_object(token):
                continue  # "proposed a package": an act, not a report of speech
            obj = next((c for c in token.children if c.dep_ == "dobj"
                        and f"{lemma} {c.lemma_.lower()}" in self.objects), None)
            for subject in _subjects(token, people, bodies):
                if obj is not None:  # "expressed hope that ..."
                    yield f"{token.text} {obj.text}", self.objects[f"{lemma} {obj.lemma_.lower()}"], subject, token
                elif particle is not None:
                    yield f"{token.text} {particle.text}", self.particles[f"{lemma} {particle.lower_}"], subject, token
                else:
                    yield token.text, self.verbs.get(lemma), subject, token

    def _in_office(self, sent: Span, content: tuple[int, int], cue: Token) -> bool:
        """A former holder's statement made while in office: reported in the past perfect ("had
        warned") or dated to another time than the article's ("told reporters in June")."""
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in cue.children):
            return True
        base, text = sent.start_char, sent.text
        attribution = text[:max(0, content[0] - base)] + " " + text[max(0, content[1] - base):]
        return self.words.dated_elsewhere(attribution)

    def _kind(self, sent: Span, content: tuple[int, int] | None = None, others=()) -> str:
        """The kind of what was said, from its modality: directive words ("should", "must",
        "urged"), commitment words ("is committed to", "plans to"), a "will"/"would" whose subject
        is the speaker's side ("we will", "the government would") for a commitment or anything
        else ("prices will ease") for a prediction, prediction words ("is expected to"); else an
        assertion. Relative clauses ("debts that governments need to deal with") do not count;
        ``others`` are the kinds the speaker's other cues in the sentence imply: a directive one
        ("... noted that ... and urged them to ...") makes the claim a directive."""
        span = sent.doc.char_span(*content, alignment_mode="expand") if content else None
        span = span if span is not None and len(span) else sent
        inner = {t.i for t in span if (t.dep_ in ("relcl", "acl") and span.start <= t.head.i < span.end
                                       and not _infinitive(t))
                 or any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in t.children)
                 for t in t.subtree}  # "debts that towns need to repay", "unclear whether it would"
        tokens = [t for t in span if t.i not in inner]
        # quotation marks inside what was said ("remains "fully committed" to") break no phrase
        low = " " + " ".join(t.lower_ for t in tokens if not (t.is_quote or t.text in "\u201c\u201d\u00ab\u00bb")) + " "
        if self.neutral_re is not None:  # "weaker than expected" predicts nothing
            low = self.neutral_re.sub(" ", low)

        def has(kind):
            pattern = self.modality_re.get(kind)
            return pattern is not None and pattern.search(low) is not None

        if has("directive") or "directive" in others:
            return "directive"
        if has("commitment"):
            return "commitment"
        modal = self._modal(tokens)
        predicted = has("prediction") or re.search(r"\bcould\b(?!\s+not\b)", low)  # "could hurt", not "could not afford"
        if modal == "commitment" or (modal == "done" and not predicted):
            return "commitment"
        if modal or predicted:
            return "prediction"
        return "assertion"

    def _modal(self, tokens: list) -> str | None:
        """"will"/"would"/"shall": a commitment when the speaker's side is the subject, else a prediction."""
        first_party = set(self.modality.get("first_party") or ())
        policy = set(self.modality.get("policy_subjects") or ())

        def words_of(subjects):
            return [w for s in subjects for w in (s, *(c for c in s.children if c.dep_ == "poss"))]
        kinds = []
        for t in tokens:
            if t.tag_ != "MD" or t.lower_ not in ("will", "would", "shall", "'ll", "\u2019ll", "wo"):
                continue
            verb = t.head
            while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ == "conj" \
                    and verb.head.i != verb.i:
                verb = verb.head  # "the company respected the verdict and would pay": the subject of "respected"
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            # the subject's head or its owner ("our plan", "the ministry's plan"), not any word in it
            # ("fines paid out of company profits")
            words = {w.lower_ for w in words_of(subjects)}
            own = bool(words & first_party) or any(w.ent_type_ in ("GPE", "NORP", "ORG") for w in words_of(subjects))
            # what the speaker's side does to a thing ("the decree would be published") or how a
            # measure it takes changes ("the duty would fall", "the cut would become permanent"),
            # unless what was said predicts ("he expected the projects to be approved")
            done = any(c.dep_ == "auxpass" for c in t.head.children) or (
                any(s.lemma_.lower() in policy for s in subjects)
                and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in t.head.children))
            kinds.append("commitment" if own else "done" if done else "prediction")
        if "commitment" in kinds:
            return "commitment"
        return kinds[0] if kinds else None  # "the cut would cost ... and would be financed by ...": the first



class Context:
    """Who the text is about, sentence by sentence, for resolving what a speaker's words
    point to: pronouns ("he", "it"), descriptions ("the energy minister", "the health
    ministry", "a senior official") and unnamed members of named bodies ("a MOFCOM spokesperson").

    Salience: the latest person (or body) in subject position (of any verb, or as a claim's
    speaker) before the word, in this sentence or the ones before; a description goes to the
    official whose title and body share its words, the most salient among equals."""

    def __init__(self, doc: Doc, people: dict, bodies: dict, posts: list, body_info: dict, words: Words):
        self.doc = doc
        self.words = words
        self.people, self.bodies = people, bodies
        self.titles = {p["person"]: p["title"] for p in posts}
        self.post_body = {p["person"]: p["body"] for p in posts if p["body"]}
        self.body_info = body_info
        self.person_at = {i: s for s in people.values() for i in range(s.start, s.end)}
        self.body_at = {i: s for s in bodies.values() for i in range(s.start, s.end)}
        # mention events: (token index, key, "person"/"body", in subject position)
        self.events: list[tuple[int, str, str, bool]] = []
        self.body_speakers: set = set()
        self.first_mention = {}
        for span in sorted(people.values(), key=lambda x: x.start):
            self.first_mention.setdefault(span.kb_id_, span.start)

    def enter(self, sent: Span) -> None:
        """Record the sentence's named people and bodies, and whether each is a subject."""
        for group, kind in ((self.people, "person"), (self.bodies, "body")):
            for span in group.values():
                if sent.start <= span.start < sent.end:
                    self.events.append((span.start, span.kb_id_, kind, _is_subject(span.root)))
        self.events.sort(key=lambda e: e[0])

    def spoke(self, key: str, kind: str, token: Token) -> None:
        """A resolved speaker is a subject where its pronoun or description stands."""
        self.events.append((token.i, key, kind, True))
        self.events.sort(key=lambda e: e[0])
        if kind == "body":
            self.body_speakers.add(key)

    def resolve(self, token: Token) -> tuple[str, str, float] | None:
        """The key of the person or body ``token`` names, its type and a confidence."""
        person = self._named_person(token)
        if person is not None:
            return person, "person", 0.9
        body = self.body_at.get(token.i) or next((self.body_at[c.i] for c in token.children if c.dep_ in (
            "appos", "compound", "flat") and c.i in self.body_at and token.lower_ in self.words.roles), None)
        if body is not None:  # "the water regulator Ofwat"
            return body.kb_id_, "body", 0.85
        low = token.lower_
        if low in ("he", "she", "i"):
            key = self._salient(token.i, "person")
            return (key, "person", 0.75) if key else None
        if low in ("it", "they"):  # a public body, or one that has spoken already
            key = self._salient(token.i, "body", lambda k: k in self.body_speakers or (
                self.body_info.get(k) or {}).get("kind") in PUBLIC_KINDS)
            return (key, "body", 0.7) if key else None
        lex = self.words
        if low in lex.data or token.dep_ == "pobj":  # "data from the NDRC", "according to data released by ..."
            inner = next((self.body_at[t.i] for t in token.subtree if t.i in self.body_at), None)
            if inner is not None and low in lex.data:
                return inner.kb_id_, "body", 0.8
            owner = next((c for c in token.lefts if c.dep_ in ("compound", "poss") and c.lower_ in lex.bodies), None)
            if owner is not None and low in lex.data:  # "ministry figures show"
                key = self._described_body(owner, _modifiers(owner))
                if key:
                    return key, "body", 0.7
        words = _modifiers(token)
        if low in lex.members:  # "analysts at JPMorgan", "officials at the ministry": the body speaks
            inner = next((self.body_at[g.i] for c in token.children if c.dep_ == "prep" and c.lower_ in ("at", "from", "with", "of", "in")
                          for g in c.subtree if g.i in self.body_at), None)
            if inner is not None:
                return inner.kb_id_, "body", 0.7
            if low in lex.posts or low in lex.unresolved_members:
                owner = next((c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i not in self.body_at
                              and (c.lower_ in lex.bodies or c.lower_ in lex.roles)), None)
                if owner is not None:  # "a ministry spokesperson", "a company spokesperson"
                    key = self._described_body(owner, _modifiers(owner))
                    return (key, "body", 0.65) if key else None
        if low in lex.posts:
            person = self._described_person(token, words)
            if person is not None or not (low in lex.bodies or low in lex.roles):
                return person
        if low in lex.bodies or low in lex.roles:  # "according to the regulator": no official fits, the body
            key = self._described_body(token, words)
            return (key, "body", 0.7) if key else None
        return None

    def _named_person(self, token: Token) -> str | None:
        """A person named by ``token`` or by a name joined to it ("Director ..., Liu Taizong");
        never one in a possessive ("Trudeau's new health minister" is not Trudeau)."""
        if token.i in self.person_at:
            return self.person_at[token.i].kb_id_
        for child in token.children:
            if child.dep_ in ("appos", "compound", "flat") and child.i in self.person_at:
                return self.person_at[child.i].kb_id_
            if child.dep_ in ("appos", "compound"):
                inner = next((self.person_at[g.i].kb_id_ for g in child.children
                              if g.dep_ in ("appos", "compound") and g.i in self.person_at), None)
                if inner:
                    return inner
        return None

    def _salient(self, before: int, kind: str, fits=lambda key: True) -> str | None:
        """The latest subject of that kind before token ``before`` (else the latest mention)."""
        earlier = [e for e in self.events if e[0] < before and e[2] == kind and fits(e[1])]
        subjects = [e for e in earlier if e[3]]
        pick = subjects[-1] if subjects else (earlier[-1] if earlier else None)
        return pick[1] if pick else None

    def _described_person(self, token: Token, words: set) -> tuple[str, str, float] | None:
        """"the energy minister", "a senior official", "Central Bank of Nigeria governor": the
        official whose title (or body) has the description's words; an unnamed member of a named
        body with no named official speaks for the body."""
        named_body = next((self.body_at[t.i] for t in token.subtree if t.i in self.body_at and t.i != token.i), None)
        officials = list(self.titles)
        if named_body is not None:
            inside = [p for p in officials if self._in_body(p, named_body.kb_id_)]
            if not inside:  # "Central Bank of Nigeria governor": the governor whose body went unnamed
                inside = [p for p in officials if p not in self.post_body
                          and token.lower_ in re.findall(r"[a-z-]+", self.titles[p]) and token.lower_ not in self.words.generic_posts]
            if inside:
                return self._most_salient(inside, token.i), "person", 0.65
            return named_body.kb_id_, "body", 0.7
        head = token.lower_
        generic, generic_posts = self.words.generic_modifiers, self.words.generic_posts
        scored = []
        for p in officials:
            title_words = set(re.findall(r"[a-z]+", self.titles[p]))
            body = self.post_body.get(p)
            body_words = set(re.findall(r"[a-z]+", ((self.body_info.get(body) or {}).get("name") or "").lower()))
            head_ok = head in title_words or head in generic_posts
            overlap = len(words & (title_words | body_words))
            own = title_words - {head} - generic - self.words.ranks - {"of", "for", "the", "and"}
            if words - generic and not overlap and (own or not head_ok):
                continue  # "the health minister" is not the finance minister (a bare "minister" may be)
            if head_ok or overlap:
                scored.append((int(head in title_words) + overlap, p))
        if not scored:
            return None
        best = max(score for score, _ in scored)
        return self._most_salient([p for score, p in scored if score == best], token.i), "person", 0.7

    def _described_body(self, token: Token, words: set) -> str | None:
        """"the health ministry", "the presidential office", "the central bank": the body whose
        name has the description's head and words."""
        scored = []
        head = token.lower_
        for key, info in self.body_info.items():
            names = [info.get("name") or ""] + list(info.get("aliases") or ())
            full = [w for n in names for w in re.findall(r"[a-z]+", n.lower())]
            name_words = {w[:6] for w in full}
            if head[:6] not in name_words and not (len(head) >= 4 and any(w.endswith(head) for w in full)):
                continue  # "the bank" is the Riksbank
            overlap = len({w[:6] for w in words} & name_words)
            if words - self.words.generic_modifiers and not overlap:
                continue
            # the body the word heads ("the bank": Sveriges Riksbank, not the Board of the Riksbank)
            heads = {re.split(r"\s+of\s+", n.lower())[0].split()[-1:][0] for n in names if n.strip()}
            scored.append((overlap, any(h.startswith(head[:6]) or h.endswith(head) for h in heads), key))
        if not scored:  # "the watchdog", "the airline": the latest body of the kind the word names
            kinds = self.words.roles.get(head) or ()
            fits = [k for k, info in self.body_info.items() if info.get("kind") in kinds]
            named = any(c.dep_ in ("compound", "appos", "flat", "poss") and c.pos_ in ("PROPN", "PRON") for c in token.children)
            if not fits or named or words - self.words.generic_modifiers:
                return None  # "Taiwanese group TSMC", "her party": not a body named before
            return self._most_salient_body(fits, token.i)
        best = max(score[:2] for score in scored)
        keys = [score[2] for score in scored if score[:2] == best]
        return keys[0] if len(keys) == 1 else self._most_salient_body(keys, token.i)

    def _in_body(self, person: str, body: str) -> bool:
        mine = self.post_body.get(person)
        return mine == body or (self.body_info.get(mine) or {}).get("parent") == body

    def _most_salient(self, keys: list, before: int) -> str:
        """Of ``keys``, the one mentioned last before ``before``, else the first named after it."""
        earlier = [e[1] for e in self.events if e[0] < before and e[1] in keys]
        if earlier:
            return earlier[-1]
        return min(keys, key=lambda k: self.first_mention.get(k, 10 ** 9))

    def _most_salient_body(self, keys: list, before: int) -> str | None:
        earlier = [e[1] for e in self.events if e[0] < before and e[1] in keys]
        return earlier[-1] if earlier else None


def _sentences(doc: Doc):
    """The sentences, with the pieces the parser cut off joined back: a sentence that starts
    in lower case ("“No negotiator walks away, right?” she said.") or after a cut that no
    punctuation marks ("... Welfare Minister | Shivraj Singh Chouhan said ...")."""
    sents = [s for s in doc.sents if s.text.strip()]
    i = 0
    while i < len(sents):
        start, end = sents[i].start, sents[i].end
        while i + 1 < len(sents) and _continues(doc, sents[i + 1].start):
            i += 1
            end = sents[i].end
        yield doc[start:end]
        i += 1


def _continues(doc: Doc, i: int) -> bool:
    prev, first = doc[i - 1], doc[i]
    if prev.is_space and "\n" in prev.text or "\n" in prev.whitespace_:
        return False
    if first.is_lower and first.is_alpha:
        return True
    return not (prev.is_punct or prev.is_space) and first.text[:1].isupper()


def _title_of(doc: Doc) -> str | None:
    """The document's headline as the metadata reader finds it (folded), or None."""
    meta = read_metadata(text_of(doc)[:4000])  # the headline is near the top
    return _fold(meta.title) if meta and meta.title else None


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _headline(sent: Span, title: str | None = None) -> bool:
    """The headline, or a title line near the top: a whole line without a closing full stop
    or quotation mark."""
    doc = sent.doc
    text = sent.text.strip()
    if title and _fold(text) == title:
        return True
    if not text or text[-1] in ".!?\"'\u201d\u2019:" or sent.start_char > 600:
        return False
    before = text_of(doc)[:sent.start_char]
    after = text_of(doc)[sent.end_char:sent.end_char + 2]
    lines_before = [line for line in before.split("\n") if line.strip()]
    return (not before.strip() or before.rstrip(" ").endswith("\n")) and (not after.strip() or "\n" in after) \
        and len(lines_before) <= 6 and len(text.split()) >= 4


def _is_person_word(token: Token, people: dict, words: Words) -> bool:
    """A speaker word that names a person: a person's name, "he"/"she", or a post ("the minister")."""
    return token.lower_ in ("he", "she", "i") or token.lower_ in words.posts or token.ent_type_ == "PERSON" \
        or any(s.start <= token.i < s.end for s in people.values())


def _is_subject(token: Token) -> bool:
    """A subject, directly or through an apposition or compound ("Li Bin, vice minister ...")."""
    while token.dep_ in ("compound", "appos", "flat", "conj") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _modifiers(token: Token) -> set:
    """The lower-cased words that qualify a description: "energy" in "the energy minister"; not a
    place or demonym ("the Mexican governor", "the Chinese side"), which tells no official apart."""
    return {t.lower_ for t in token.lefts if t.dep_ in ("amod", "compound", "nmod", "npadvmod") and t.is_alpha
            and not is_place(t)}


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
                       for g in c.children if g.dep_ in ("pobj", "pcomp")]
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
            for prep in (c for c in cue.children if c.dep_ == "prep" and c.i > cue.i):  # "said at the briefing"
                attribution |= {prep.i} | {g.i for p in prep.children if p.dep_ == "pobj" for g in [*p.lefts, p]}
            tokens = [t for t in sent if t.i not in attribution]
            if cue.head.i != cue.i and cue.dep_ in ("parataxis", "ccomp"):
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


def _infinitive(token: Token) -> bool:
    """A "to" infinitive ("readiness to consider", "commitment to pay")."""
    return token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _acts_on_object(verb: Token) -> bool:
    """A cue verb with an object and no clause of content ("proposed a package") reports no speech."""
    children = {c.dep_ for c in verb.children}
    return "dobj" in children and not children & {"ccomp", "xcomp", "parataxis"} \
        and verb.dep_ not in ("ccomp", "parataxis")


def _main_cues(found: list) -> list:
    """One cue per speaker in a sentence: not one inside what the speaker says through another
    ("“I have confirmed that ...,” he told ..."), else the one nearest the root of the parse
    ("While praising ..., Wang noted that ..."), a finite verb before a participle ("...,
    explaining ..."), a plain verb before a phrasal one."""
    out, by_speaker = [], {}
    for item in found:
        by_speaker.setdefault(item[0], []).append(item)
    for speaker, items in by_speaker.items():
        outer = [it for it in items if not any(
            other is not it and other[7][0] <= it[5].idx < other[7][1] for other in items)] or items
        best = min(outer, key=lambda it: (not _has_clause(it[5]) and not (" " in it[3] or any(
            c.dep_ == "dobj" for c in it[5].children)), it[5].tag_ == "VBG", _depth(it[5]), " " in it[3], it[5].i))
        out.append(best)
    return sorted(out, key=lambda it: min(it[5].i, it[6].i))


def _reports(verb: Token) -> bool:
    """A verb that reports content by its syntax alone: it governs a finite clause ("X said
    that ...", "..., X said"), for running without the cue list."""
    return verb.pos_ == "VERB" and (any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                                        for c in verb.children) or verb.dep_ == "parataxis")


def _has_clause(cue: Token) -> bool:
    """The cue governs a clause of content ("said that ...", "“...,” she said")."""
    return cue.lower_ == "according" or any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in cue.children) \
        or cue.dep_ in ("parataxis",)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _subjects(verb: Token, people: dict, bodies: dict) -> list[Token]:
    """Who speaks through ``verb``: its subject and the subjects joined to it ("Vince Cable and
    Lord Younger said"); for a verb that shares its subject ("Ma held a meeting and noted that
    ...", "..., adding that ..."), the subject of the verb it is joined to."""
    own = [c for c in verb.children if c.dep_ == "nsubj"] or _name_before(verb, people, bodies)
    head = verb
    while not own and head.dep_ in ("conj", "advcl", "xcomp") and head.head.i != head.i and \
            (head.dep_ == "conj" or head.tag_ == "VBG"):
        head = head.head
        own = [c for c in head.children if c.dep_ == "nsubj"]
    out = []
    for subject in own:
        out.append(subject)
        out += [c for c in subject.children if c.dep_ == "conj"]
    return out


def _name_before(verb: Token, people: dict, bodies: dict) -> list[Token]:
    """A name right before the cue when the parse gave the verb no subject ("... Alan Estevez added")."""
    if verb.i == 0:
        return []
    before = verb.doc[verb.i - 1]
    named = any(s.start <= before.i < s.end for group in (people, bodies) for s in group.values())
    return [before] if named else []


def _reference(doc: Doc) -> dt.date | None:
    """What relative dates count from when the document has no full publication date: the
    latest full date the text's prose gives, else the latest a photo caption gives (a caption
    dating the press conference the article reports); a deadline's or a start's date ("must
    decide by 16 December 2025") is no day the article reports. Kept on the doc."""
    if "pkg_reference" not in doc.user_data:
        lines = [(line, is_caption(line)) for line in text_of(doc).splitlines()]
        dates = [d for line, caption in lines if not caption for _, _, d in event_dates(line)] or \
            [d for line, caption in lines if caption for _, _, d in event_dates(line)]
        doc.user_data["pkg_reference"] = max(dates) if dates else None
    return doc.user_data["pkg_reference"]


def _in_caption(sent: Span) -> bool:
    """The sentence is part of a photo caption or credit line: the line its words start on is
    one (a sentence that ends in blank lines is not a caption for the line after them)."""
    text = text_of(sent.doc)
    first = sent.start_char + len(sent.text) - len(sent.text.lstrip())
    start = text.rfind("\n", 0, first) + 1
    end = text.find("\n", first)
    return is_caption(text[start:end if end >= 0 else len(text)])


def _days(text: str, doc: Doc) -> list[tuple[int, int, dt.date]]:
    """The days ``text`` names, resolved against the publication date (or the text's own date)."""
    published = doc._.pkg_published
    fallback = None if reference_date(published) or reference_month(published) else _reference(doc)
    return [(s, e, d) for s, e, d in day_mentions(text, published, fallback)
            if not ISO_DATE.match(text, s)]  # "2024-11-09" is a page header's date, not prose


def _own_date(sent: Span, content: tuple[int, int], doc: Doc, cue: Token, words: Words) -> str | None:
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
    month = _month_of(attribution, doc._.pkg_published)
    if month:
        return month  # "said in March", "told HT last month": the month is the date (SCHEMA: YYYY-MM)
    if words.dated_elsewhere(attribution):
        return ""
    if words.at_event(attribution, _adjuncts(cue)):
        return "event"  # "said at the press briefing": the day of the event the article reports
    return None


IN_MONTH = re.compile(r"\b(?:in|earlier\s+in)\s+(?P<month>january|february|march|april|may|june|july|august|september|"
                      r"october|november|december)\b(?!\s+\d)|\b(?P<last>last)\s+month\b", re.I)


def _month_of(attribution: str, published: str | None) -> str | None:
    """The month an attribution dates a statement to ("said in March", "told reporters last
    month") as YYYY-MM: the latest such month before the publication day's month, never
    guessed without one."""
    ref = reference_date(published)
    m = IN_MONTH.search(attribution)
    if not ref or not m:
        return None
    if m.group("last"):
        year, month = (ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12)
    else:
        month = MONTH_NUMBERS[m.group("month").lower()]
        year = ref.year if month < ref.month else ref.year - 1
    return f"{year:04d}-{month:02d}"


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


def _date_claims(doc: Doc, claims: list[dict], unresolved: list[dict], post_body: dict, body_info: dict,
                 words: Words) -> None:
    """Give each claim its date: its own day, else the day of the event the article reports.

    The event is the first dated claim's (its speakers and their bodies were there), else a day
    the lead names; its day goes to the claims of those speakers (with a dated claim, to those of
    the same body too) and, with no dated claim, to those of officials and public bodies."""
    def body_of(speaker: str) -> set:
        body = post_body.get(speaker) if speaker in post_body else speaker
        parent = (body_info.get(body) or {}).get("parent") if body else None
        return {b for b in (body, parent) if b}

    # a statement dated to a month ("said in March") is not the article's event
    dated = [c for c in claims if c["own_date"] and c["own_date"] != "event" and len(c["own_date"]) == 10]
    event, present = None, set()
    if dated:
        # The article's event is the day its lead names when a statement is dated to it too
        # ("The cabinet on Wednesday approved ...", after "the Commission said on Tuesday ..."),
        # else the first dated statement's.
        lead = _lead_date(doc, words, lead_only=True)
        event = lead if lead and any(c["own_date"] == lead for c in dated) else dated[0]["own_date"]
        for c in claims:  # who was at the event: the speakers dated to it or placed at it
            if c["own_date"] in (event, "event"):
                present |= {c["speaker"]} | body_of(c["speaker"])
    else:
        event = _lead_date(doc, words)

    def public(c: dict) -> bool:
        if c["speaker_type"] == "person":
            return True
        return (body_info.get(c["speaker"]) or {}).get("kind") in PUBLIC_KINDS

    previous = None
    for c in claims:
        own = c.pop("own_date")
        if own == "event":
            c["date"] = event
        elif own or own == "":
            c["date"] = own or None
        elif previous and previous["speaker"] == c["speaker"] and previous["date"]:
            c["date"] = previous["date"]  # "He said ..." goes on with the statement before it
        elif event and ((c["speaker"] in present or bool(body_of(c["speaker"]) & present)) if dated else public(c)):
            c["date"] = event
        else:
            c["date"] = None
        previous = c
    for c in unresolved:
        own = c.pop("own_date")
        c["date"] = event if own in (None, "event") else own or None


def _lead_date(doc: Doc, words: Words, lead_only: bool = False) -> str | None:
    """The day of the event the article reports, when no statement is dated: a day named in the
    lead, else (unless ``lead_only``) in the first sentence that speaks of an event ("at a press
    briefing on Thursday"). Captions are not the lead."""
    prose = (s for s in doc.sents if any(t.pos_ in ("VERB", "AUX") for t in s)  # not a date line
             and not DATE_LABEL.match(s.text) and not _in_caption(s))
    for i, sent in enumerate(prose):
        if i >= LEAD_SENTENCES and lead_only:
            break
        if i < LEAD_SENTENCES or (words.event and words.event.search(sent.text)):
            days = _days(sent.text, doc)
            if days:
                return days[0][2].isoformat()
    return None
