"""Plain records that extraction returns and graph/ turns into RDF.

They hold no spaCy objects and no RDF terms: strings, numbers and character offsets into
the document's text as the user gave it (``DocumentRecord.text``).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A stretch of the original text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Body:
    """An organisation named in the text; ``key`` is stable across documents."""

    key: str
    name: str
    kind: str = "other"
    parent: str | None = None  # the parent's key
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Person:
    """A named person; an official when some ``Post`` names them."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Post:
    """A person's post: ``title`` lower-cased as written, in the body ``body`` (a key).

    ``public`` when the body is a public body, or, with none named, the title is a public office;
    a person with a public post is an official.
    """

    person: str
    title: str
    body: str | None
    evidence: Span | None = None
    public: bool = True


@dataclass
class Industry:
    """An industry, sector or technology field, a concept of the industries scheme."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    broader: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Figure:
    """A quantity the text asserts, with what it counts, for whom and when."""

    span: Span
    value: float
    unit: str
    approx: str | None = None
    measure: str | None = None
    subject: str | None = None
    period: str | None = None
    sentence: int = 0  # index into DocumentRecord.sentences
    equivalent_to: int | None = None  # index of the figure this one converts


@dataclass
class Claim:
    """A statement attributed to a speaker (a person or body key) with a reporting cue.
    An unresolved claim has no speaker key, only ``speaker_text`` as written ("he", "an official")."""

    speaker: str
    cue: str
    kind: str
    sentence: int
    content: Span | None = None
    date: str | None = None
    confidence: float = 1.0
    about: list[str] = field(default_factory=list)  # industry and body keys
    figures: list[int] = field(default_factory=list)
    speaker_text: str | None = None


@dataclass
class DocumentRecord:
    """Everything extracted from one document."""

    key: str
    file_name: str
    text: str
    sha256: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None
    sentences: list[Span] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    industries: list[Industry] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    unresolved: list[Claim] = field(default_factory=list)  # cues whose speaker nothing resolves
    model: str = ""
    extractor: str = ""  # extract.version.extractor_version() of the rules that made this record
