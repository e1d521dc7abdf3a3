"""Raw documents in, records out: metadata, clean-up, the spaCy pipeline, offsets mapped back."""
from __future__ import annotations

import itertools
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .clean import Cleaned, clean
from .metadata import read_metadata
from .nlp import load, model_version
from .version import extractor_version
from .readers import RawDocument
from .records import Body, Claim, DocumentRecord, Figure, Industry, Person, Post, Span


def prepare(raw: RawDocument) -> tuple[RawDocument, Cleaned]:
    """Fill title and date from the text where the container gave none, and clean the text."""
    meta = read_metadata(raw.text) if raw.format != "html" else None
    if meta:
        raw.title = raw.title or meta.title
        raw.published = raw.published or meta.published
    return raw, clean(raw.text, meta.drop if meta else None, cut=meta.cut if meta else None)


# Texts longer than this go through the statistical pipeline in parts cut at line breaks:
# spaCy's parser and NER need about 1 GB of working memory per 100,000 characters.
PART_CHARS = 100_000


def extract_many(raws: Iterable[RawDocument], nlp: Language | None = None,
                 batch_size: int = 16) -> Iterator[tuple[RawDocument, DocumentRecord | Exception]]:
    """Each document with its record, or with the exception that stopped its extraction:
    one result per document, in order. A document that fails (in clean-up, in a spaCy
    component, in making its record) fails alone; the rest of its batch is run again."""
    raws = iter(raws)
    first = next(raws, None)
    if first is None:
        return
    nlp = nlp or load()
    version = model_version(nlp)
    for batch in _batches(itertools.chain([first], raws), batch_size):
        prepared: list[tuple[RawDocument, Cleaned] | Exception] = []
        for raw in batch:
            try:
                prepared.append(prepare(raw))
            except Exception as err:
                prepared.append(err)
        docs = _annotate(nlp, [p for p in prepared if not isinstance(p, Exception)])
        for raw, item in zip(batch, prepared):
            if isinstance(item, Exception):
                yield raw, item
                continue
            doc = next(docs)
            if isinstance(doc, Exception):
                yield raw, doc
                continue
            try:
                yield raw, to_record(raw, item[1], doc, version)
            except Exception as err:
                yield raw, err


def _batches(items: Iterable, size: int) -> Iterator[list]:
    # parallel.batches is the same, but parallel imports this module (inside its workers).
    items = iter(items)
    while batch := list(itertools.islice(items, size)):
        yield batch


def _annotate(nlp: Language, prepared: list[tuple[RawDocument, Cleaned]]) -> Iterator[Doc | Exception]:
    """The annotated Doc of each prepared document, in order; the batch goes through
    ``nlp.pipe`` together, and again one by one if any document in it fails."""
    try:
        docs = list(nlp.pipe((_new_doc(nlp, raw, cleaned) for raw, cleaned in prepared
                              if len(cleaned.text) <= PART_CHARS), batch_size=max(1, len(prepared))))
    except Exception:
        docs = None
    short = iter(docs or [])
    for raw, cleaned in prepared:
        try:
            if len(cleaned.text) > PART_CHARS:
                yield _long_doc(nlp, raw, cleaned)
            elif docs is not None:
                yield next(short)
            else:
                yield nlp(_new_doc(nlp, raw, cleaned))
        except Exception as err:
            yield err


def _new_doc(nlp: Language, raw: RawDocument, cleaned: Cleaned) -> Doc:
    doc = nlp.make_doc(cleaned.text)
    doc._.pkg_published = raw.published
    return doc


def _long_doc(nlp: Language, raw: RawDocument, cleaned: Cleaned) -> Doc:
    """A long text's Doc: the model's components run on parts of at most PART_CHARS
    (cut at line breaks), the parts are joined, and the project's components run on the whole."""
    ours = [name for name in nlp.pipe_names if name.startswith("policykg_") and name != "policykg_lines"]
    with nlp.select_pipes(disable=ours):
        parts = [nlp(part) for part in _parts(cleaned.text, PART_CHARS)]
    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["user_data"])
    doc._.pkg_published = raw.published
    for name in ours:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _parts(text: str, size: int) -> list[str]:
    """``text`` in consecutive pieces of at most ``size`` characters, cut after a line break
    where there is one (else after a space, else anywhere)."""
    parts, start = [], 0
    while len(text) - start > size:
        end = start + size
        cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end) if "\n" not in text[start:end] else -1)
        cut = cut + 1 if cut > start else end
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


def extract(raw: RawDocument, nlp: Language | None = None) -> DocumentRecord:
    """The record of one document (convenience for tests and the library API)."""
    (_, result), = list(extract_many([raw], nlp))
    if isinstance(result, Exception):
        raise result
    return result


def to_record(raw: RawDocument, cleaned: Cleaned, doc: Doc, model: str = "") -> DocumentRecord:
    """Turn the pipeline's annotations into records with offsets into the original text."""
    text = raw.text

    def span(start: int, end: int) -> Span:
        s, e = cleaned.offsets.start(start), cleaned.offsets.end(end)
        return Span(s, e, text[s:e])

    sentences = [span(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
    sent_index = {s.start_char: i for i, s in enumerate(s for s in doc.sents if s.text.strip())}

    record = DocumentRecord(key=raw.key, file_name=raw.file_name, text=text, sha256=raw.sha256,
                            title=raw.title, published=raw.published, url=raw.url, site=raw.site,
                            sentences=sentences, model=model, extractor=extractor_version())
    def mentions_of(group: str) -> dict[str, list[Span]]:
        """Each entity key's mentions in a span group, as spans of the original text."""
        found: dict[str, list[Span]] = {}
        for s in doc.spans.get(group, []):
            found.setdefault(s.kb_id_, []).append(span(s.start_char, s.end_char))
        return found

    bodies = doc._.pkg_bodies or {}
    mentions = mentions_of("pkg_bodies")
    for key, info in bodies.items():
        record.bodies.append(Body(key=key, name=info["name"], kind=info["kind"], parent=info["parent"],
                                  aliases=sorted(info["aliases"] - {info["name"]}), wikidata=info.get("wikidata"),
                                  mentions=mentions.get(key, [])))
    people_mentions = mentions_of("pkg_people")
    for key, info in (doc._.pkg_people or {}).items():
        record.people.append(Person(key=key, name=info["name"], aliases=sorted(info["aliases"]),
                                    mentions=people_mentions.get(key, [])))
    seen_posts = set()
    for post in sorted(doc._.pkg_posts or [], key=lambda p: (not p.get("public", True), p["body"] is None)):
        if (post["person"], post["title"]) in seen_posts:
            continue
        seen_posts.add((post["person"], post["title"]))
        record.posts.append(Post(person=post["person"], title=post["title"], body=post["body"],
                                 evidence=span(post["start"], post["end"]), public=post.get("public", True)))
    ind_mentions = mentions_of("pkg_industries")
    for key, info in (doc._.pkg_industries or {}).items():
        record.industries.append(Industry(key=key, name=info["name"], aliases=sorted(info["aliases"]),
                                          broader=info["broader"], mentions=ind_mentions.get(key, [])))
    for f in doc._.pkg_figures or []:
        record.figures.append(Figure(span=span(f["start"], f["end"]), value=f["value"], unit=f["unit"],
                                     approx=f["approx"], measure=f["measure"], subject=f["subject"],
                                     period=f["period"], sentence=sent_index.get(f["sentence"], 0),
                                     equivalent_to=f["equivalent_to"]))
    for c in doc._.pkg_claims or []:
        start, end = c["sentence"]
        index = sent_index.get(start, 0)
        about = sorted({s.kb_id_ for group in ("pkg_industries", "pkg_bodies") for s in doc.spans.get(group, [])
                        if start <= s.start_char < end and s.kb_id_ != c["speaker"]})
        figures = [i for i, f in enumerate(record.figures) if f.sentence == index]
        record.claims.append(Claim(speaker=c["speaker"], cue=c["cue"], kind=c["kind"], sentence=index,
                                   content=span(*c["content"]), date=c["date"], confidence=c["confidence"],
                                   about=about, figures=figures))
    for c in doc._.pkg_unresolved or []:
        record.unresolved.append(Claim(speaker="", speaker_text=c["speaker_text"], cue=c["cue"], kind=c["kind"],
                                       sentence=sent_index.get(c["sentence"][0], 0), content=span(*c["content"]),
                                       date=c["date"], confidence=0.0))
    return record
