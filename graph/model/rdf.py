"""One document's records as an RDF graph: the triples of its named graph.

IRIs are made from stable keys (gazetteer ids, slugs of canonical names, the document's
key and character offsets), so the same entity in two documents is one IRI and the same
input built twice gives an isomorphic graph. No timestamps go in, for the same reason.

``document_triples`` runs one small function per kind of record (``PARTS``: the extraction
activity, the document and its sentences, bodies, people and posts, industries, figures,
claims), each readable alone, over a ``DocumentGraph`` that holds what they share.
"""
from __future__ import annotations

import hashlib
from urllib.parse import quote
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

from extract.lexicon import slug
from extract.records import Claim, DocumentRecord, Span

from .. import __version__
from .vocab import ID, INDUSTRY_SCHEME, ITSRDF, NIF, ORG, PKG, SCHEMA, WD, PREFIXES

TOOL_VERSION = __version__
BODY_CLASS = {"government": SCHEMA.GovernmentOrganization, "legislature": SCHEMA.GovernmentOrganization,
              "court": SCHEMA.GovernmentOrganization, "procuratorate": SCHEMA.GovernmentOrganization,
              "party": SCHEMA.PoliticalParty, "company": SCHEMA.Corporation,
              "media": SCHEMA.NewsMediaOrganization}


def document_iri(key: str) -> URIRef:
    """The document's IRI, which is also the name of its graph: its identity (a relative path,
    ``file.jsonl#id``) percent-encoded whole, case kept (``sub%2FReport%20A.txt``). Every
    character but letters, digits and ``-._~`` is encoded, ``/`` and ``#`` too, so that two
    identities never share an IRI and no document's IRI is another's figure or claim."""
    return ID["doc/" + quote(key.encode("utf-8", "surrogateescape"), safe="")]


def body_iri(key: str) -> URIRef:
    return ID[f"body/{key}"]


def person_iri(key: str) -> URIRef:
    return ID[f"person/{key}"]


def industry_iri(key: str) -> URIRef:
    return ID[f"industry/{key}"]


def extraction_iri(extractor: str) -> URIRef:
    """The extraction activity of one version of the rules and model (``extract.version.extractor_version``)."""
    digest = hashlib.sha256(f"policykg {TOOL_VERSION} {extractor}".encode()).hexdigest()[:16]
    return ID[f"extraction/{digest}"]


class Triples(set):
    """The triples of one document as rdflib terms in a plain set: adding to it costs a
    fraction of adding to an rdflib ``Graph``, which the build would pay for every triple."""

    def graph(self) -> Graph:
        """The same triples as an rdflib ``Graph``, with the project's prefixes bound."""
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        for triple in self:
            g.add(triple)
        return g


def document_triples(record: DocumentRecord) -> Triples:
    """All triples of one document, to be stored as its named graph: each kind of record
    written by its own function below, in the order of ``PARTS``."""
    d = DocumentGraph(record)
    for part in PARTS:
        part(d)
    return d.triples


class DocumentGraph:
    """One document's triples in the making, with what the writers of every record kind
    share: the document's IRI, its sentences' nodes, NIF strings for spans, figure and
    speaker IRIs."""

    def __init__(self, record: DocumentRecord):
        self.record = record
        self.doc = document_iri(record.key)
        self.triples = Triples()
        self.add = self.triples.add
        self.sentences: list[URIRef] = []  # filled by document_and_sentences, in record.sentences' order
        self.people = {p.key for p in record.people}

    def string(self, span: Span, kind=NIF.Phrase) -> URIRef:
        """The NIF string of ``span`` in this document (``<doc>#char=b,e``)."""
        node = URIRef(f"{self.doc}#char={span.start},{span.end}")
        self.add((node, RDF.type, kind))
        self.add((node, NIF.referenceContext, self.doc))
        self.add((node, NIF.beginIndex, offset(span.start)))
        self.add((node, NIF.endIndex, offset(span.end)))
        self.add((node, NIF.anchorOf, Literal(span.text)))
        return node

    def sentence_at(self, char: int) -> URIRef | None:
        """The node of the sentence holding the character at ``char``, if any does."""
        for node, s in zip(self.sentences, self.record.sentences):
            if s.start <= char < s.end:
                return node
        return None

    def figure(self, index: int) -> URIRef:
        return URIRef(f"{self.doc}/figure/{index}")

    def speaker(self, key: str) -> URIRef:
        """A speaker's IRI: a person of this document, else a body."""
        return person_iri(key) if key in self.people else body_iri(key)


def offset(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


def decimal(value) -> Literal:
    return Literal(value, datatype=XSD.decimal)


def extraction(d: DocumentGraph) -> None:
    """The activity that made the graph: the tool, model and rules versions (PROV)."""
    activity = extraction_iri(d.record.extractor)
    d.add((activity, RDF.type, PKG.Extraction))
    d.add((activity, RDF.type, PROV.Activity))
    d.add((activity, PKG.toolVersion, Literal(TOOL_VERSION)))
    d.add((activity, PKG.modelVersion, Literal(d.record.model)))
    d.add((activity, PKG.extractorVersion, Literal(d.record.extractor)))
    d.add((activity, PROV.wasAssociatedWith, ID["agent/policykg"]))
    d.add((ID["agent/policykg"], RDF.type, PROV.SoftwareAgent))


def document_and_sentences(d: DocumentGraph) -> None:
    """The article (schema.org) as the NIF context of its text, its metadata, and its sentences."""
    record, doc = d.record, d.doc
    d.add((doc, RDF.type, SCHEMA.NewsArticle))
    d.add((doc, RDF.type, NIF.Context))
    d.add((doc, PKG.fileName, Literal(record.file_name)))
    d.add((doc, PKG.sha256, Literal(record.sha256)))
    d.add((doc, NIF.isString, Literal(record.text)))
    d.add((doc, NIF.beginIndex, offset(0)))
    d.add((doc, NIF.endIndex, offset(len(record.text))))
    d.add((doc, PROV.wasGeneratedBy, extraction_iri(record.extractor)))
    for prop, value in ((DCTERMS.title, record.title), (SCHEMA.url, record.url), (SCHEMA.publisher, record.site)):
        if value:
            d.add((doc, prop, Literal(value)))
    if record.published:
        d.add((doc, DCTERMS.issued, day_or_month(record.published)))
    d.sentences = [d.string(s, NIF.Sentence) for s in record.sentences]


def mentions(d: DocumentGraph, entity: URIRef, spans: list[Span]) -> None:
    """An entity mentioned in the document: each mention a NIF string pointing at it, in its sentence."""
    d.add((entity, PKG.mentionedIn, d.doc))
    for span in spans:
        node = d.string(span)
        d.add((node, ITSRDF.taIdentRef, entity))
        sentence = d.sentence_at(span.start)
        if sentence is not None:
            d.add((node, NIF.sentence, sentence))


def bodies(d: DocumentGraph) -> None:
    """Bodies (W3C ORG and the schema.org class of their kind): names, aliases, parent, Wikidata."""
    names = {b.key: b.name for b in d.record.bodies}
    for body in d.record.bodies:
        node = body_iri(body.key)
        d.add((node, RDF.type, PKG.Body))
        d.add((node, RDF.type, ORG.Organization))
        d.add((node, RDF.type, BODY_CLASS.get(body.kind, SCHEMA.Organization)))
        d.add((node, SCHEMA.name, Literal(body.name)))
        d.add((node, SKOS.prefLabel, Literal(body.name)))
        d.add((node, PKG.bodyKind, Literal(body.kind)))
        for alias in body.aliases:
            d.add((node, SKOS.altLabel, Literal(alias)))
        if body.parent:
            parent = body_iri(body.parent)
            d.add((node, ORG.subOrganizationOf, parent))
            if body.parent in names:  # the parent's name belongs to this graph only if the text names it
                d.add((parent, SCHEMA.name, Literal(names[body.parent])))
        if body.wikidata:
            d.add((node, SKOS.exactMatch, WD[body.wikidata]))
        mentions(d, node, body.mentions)


def people_and_posts(d: DocumentGraph) -> None:
    """People (officials where they hold a public post) and their posts as ORG memberships
    with a role, the body and the sentence that says so."""
    officials = {p.person for p in d.record.posts if p.public}
    for person in d.record.people:
        node = person_iri(person.key)
        d.add((node, RDF.type, SCHEMA.Person))
        if person.key in officials:
            d.add((node, RDF.type, PKG.Official))
        d.add((node, SCHEMA.name, Literal(person.name)))
        for alias in person.aliases:
            d.add((node, SCHEMA.alternateName, Literal(alias)))
        mentions(d, node, person.mentions)
    for post in d.record.posts:
        role = ID[f"role/{slug(post.title)}"]
        node = ID[f"post/{post.person}/{slug(post.title)}/{post.body or 'unknown'}"]
        d.add((node, RDF.type, ORG.Membership))
        if post.public:
            d.add((node, RDF.type, PKG.PublicPost))
        d.add((node, ORG.member, person_iri(post.person)))
        d.add((node, ORG.role, role))
        d.add((node, PKG.title, Literal(post.title)))
        d.add((role, RDF.type, ORG.Role))
        d.add((role, SKOS.prefLabel, Literal(post.title)))
        if post.body:
            d.add((node, ORG.organization, body_iri(post.body)))
        d.add((node, PROV.wasDerivedFrom, d.doc))
        if post.evidence:
            d.add((node, PROV.wasDerivedFrom, d.string(post.evidence)))
            sentence = d.sentence_at(post.evidence.start)
            if sentence is not None:
                d.add((node, PKG.sentence, sentence))


def industries(d: DocumentGraph) -> None:
    """Industries as SKOS concepts of the project's scheme, with aliases and broader industries."""
    d.add((INDUSTRY_SCHEME, RDF.type, SKOS.ConceptScheme))
    for industry in d.record.industries:
        node = industry_iri(industry.key)
        d.add((node, RDF.type, SKOS.Concept))
        d.add((node, SKOS.inScheme, INDUSTRY_SCHEME))
        d.add((node, SKOS.prefLabel, Literal(industry.name)))
        for alias in industry.aliases:
            d.add((node, SKOS.altLabel, Literal(alias)))
        for broader in industry.broader:
            d.add((node, SKOS.broader, industry_iri(broader)))
        mentions(d, node, industry.mentions)


def figures(d: DocumentGraph) -> None:
    """Figures (schema:QuantitativeValue): value, unit, what they measure and when, where they
    stand, the figure they convert, and the speaker of a claim in their sentence."""
    speakers_by_sentence = {c.sentence: c.speaker for c in d.record.claims}
    for i, figure in enumerate(d.record.figures):
        node = d.figure(i)
        d.add((node, RDF.type, PKG.Figure))
        d.add((node, RDF.type, SCHEMA.QuantitativeValue))
        d.add((node, SCHEMA.value, decimal(Decimal(repr(figure.value)).normalize())))
        d.add((node, PKG.unit, Literal(figure.unit)))
        d.add((node, SCHEMA.unitText, Literal(figure.unit)))
        for prop, value in ((PKG.approx, figure.approx), (PKG.measure, figure.measure),
                            (PKG.subject, figure.subject), (PKG.period, figure.period)):
            if value:
                d.add((node, prop, Literal(value)))
        d.add((node, NIF.anchorOf, Literal(figure.span.text)))
        d.add((node, NIF.beginIndex, offset(figure.span.start)))
        d.add((node, NIF.endIndex, offset(figure.span.end)))
        d.add((node, PKG.sentence, d.sentences[figure.sentence]))
        d.add((node, PROV.wasDerivedFrom, d.doc))
        if figure.equivalent_to is not None:
            d.add((node, PKG.equivalentTo, d.figure(figure.equivalent_to)))
        if figure.sentence in speakers_by_sentence:
            d.add((node, PROV.wasAttributedTo, d.speaker(speakers_by_sentence[figure.sentence])))


def claims(d: DocumentGraph) -> None:
    """Claims (schema:Claim) attributed to their speaker, with what they are about and the
    figures they cite; statements whose speaker nothing resolves as pkg:UnresolvedClaim."""
    industry_keys = {x.key for x in d.record.industries}
    for i, claim in enumerate(d.record.claims):
        node = URIRef(f"{d.doc}/claim/{i}")
        speaker = d.speaker(claim.speaker)
        d.add((node, RDF.type, SCHEMA.Claim))
        d.add((node, PROV.wasAttributedTo, speaker))
        d.add((node, SCHEMA.author, speaker))
        d.add((node, PKG.confidence, decimal(Decimal(str(round(claim.confidence, 3))))))
        statement(d, node, claim)
        for key in claim.about:
            d.add((node, SCHEMA.about, industry_iri(key) if key in industry_keys else body_iri(key)))
        for index in claim.figures:
            d.add((node, PKG.citesFigure, d.figure(index)))
    for i, claim in enumerate(d.record.unresolved):
        node = URIRef(f"{d.doc}/unresolved/{i}")
        d.add((node, RDF.type, PKG.UnresolvedClaim))
        d.add((node, PKG.speakerText, Literal(claim.speaker_text or "")))
        statement(d, node, claim)


def day_or_month(value: str) -> Literal:
    """"2024-06-05" as an xsd:date; a month alone ("2024-06", as pages and "said last month" give
    it) as an xsd:gYearMonth, not a date."""
    return Literal(value, datatype=XSD.date if len(value) == 10 else XSD.gYearMonth)


def statement(d: DocumentGraph, node: URIRef, claim: Claim) -> None:
    """What attributed and unresolved claims share: cue, kind, sentence, content, date, source."""
    d.add((node, PKG.cue, Literal(claim.cue)))
    d.add((node, PKG.claimKind, Literal(claim.kind)))
    d.add((node, PKG.sentence, d.sentences[claim.sentence]))
    if claim.content is not None:
        d.add((node, PKG.content, d.string(claim.content)))
    d.add((node, PROV.wasDerivedFrom, d.doc))
    if claim.date:
        d.add((node, DCTERMS.date, day_or_month(claim.date)))


PARTS = (extraction, document_and_sentences, bodies, people_and_posts, industries, figures, claims)
