"""One document's records as an RDF graph: the triples of its named graph.

IRIs are made from stable keys (gazetteer ids, slugs of canonical names, the document's
key and character offsets), so the same entity in two documents is one IRI and the same
input built twice gives an isomorphic graph. No timestamps go in, for the same reason.
"""
from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

from extract.lexicon import slug
from extract.records import DocumentRecord, Span

from .vocab import ID, INDUSTRY_SCHEME, ITSRDF, NIF, ORG, PKG, SCHEMA, WD, PREFIXES

TOOL_VERSION = "0.1.0"
BODY_CLASS = {"government": SCHEMA.GovernmentOrganization, "legislature": SCHEMA.GovernmentOrganization,
              "court": SCHEMA.GovernmentOrganization, "procuratorate": SCHEMA.GovernmentOrganization,
              "party": SCHEMA.PoliticalParty, "company": SCHEMA.Corporation,
              "media": SCHEMA.NewsMediaOrganization}


def document_iri(key: str) -> URIRef:
    """The document's IRI, which is also the name of its graph."""
    return ID[f"doc/{key}"]


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
    """All triples of one document, to be stored as its named graph."""
    g = Triples()
    doc = document_iri(record.key)

    def string(span: Span, kind=NIF.Phrase) -> URIRef:
        node = URIRef(f"{doc}#char={span.start},{span.end}")
        g.add((node, RDF.type, kind))
        g.add((node, NIF.referenceContext, doc))
        g.add((node, NIF.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.anchorOf, Literal(span.text)))
        return node

    activity = extraction_iri(record.extractor)
    g.add((activity, RDF.type, PKG.Extraction))
    g.add((activity, RDF.type, PROV.Activity))
    g.add((activity, PKG.toolVersion, Literal(TOOL_VERSION)))
    g.add((activity, PKG.modelVersion, Literal(record.model)))
    g.add((activity, PKG.extractorVersion, Literal(record.extractor)))
    g.add((activity, PROV.wasAssociatedWith, ID["agent/policykg"]))
    g.add((ID["agent/policykg"], RDF.type, PROV.SoftwareAgent))

    g.add((doc, RDF.type, SCHEMA.NewsArticle))
    g.add((doc, RDF.type, NIF.Context))
    g.add((doc, PKG.fileName, Literal(record.file_name)))
    g.add((doc, PKG.sha256, Literal(record.sha256)))
    g.add((doc, NIF.isString, Literal(record.text)))
    g.add((doc, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    g.add((doc, NIF.endIndex, Literal(len(record.text), datatype=XSD.nonNegativeInteger)))
    g.add((doc, PROV.wasGeneratedBy, activity))
    if record.title:
        g.add((doc, DCTERMS.title, Literal(record.title)))
    if record.published:
        # A month alone ("2024-06", as some pages give it) is a gYearMonth, not a date.
        kind = XSD.date if len(record.published) == 10 else XSD.gYearMonth
        g.add((doc, DCTERMS.issued, Literal(record.published, datatype=kind)))
    if record.url:
        g.add((doc, SCHEMA.url, Literal(record.url)))
    if record.site:
        g.add((doc, SCHEMA.publisher, Literal(record.site)))

    sentences = [string(s, NIF.Sentence) for s in record.sentences]

    def sentence_at(char: int) -> URIRef | None:
        for node, s in zip(sentences, record.sentences):
            if s.start <= char < s.end:
                return node
        return None

    def mentions(entity: URIRef, spans: list[Span]) -> None:
        g.add((entity, PKG.mentionedIn, doc))
        for span in spans:
            node = string(span)
            g.add((node, ITSRDF.taIdentRef, entity))
            sent = sentence_at(span.start)
            if sent is not None:
                g.add((node, NIF.sentence, sent))

    names = {b.key: b.name for b in record.bodies}
    for body in record.bodies:
        node = body_iri(body.key)
        g.add((node, RDF.type, PKG.Body))
        g.add((node, RDF.type, ORG.Organization))
        g.add((node, RDF.type, BODY_CLASS.get(body.kind, SCHEMA.Organization)))
        g.add((node, SCHEMA.name, Literal(body.name)))
        g.add((node, SKOS.prefLabel, Literal(body.name)))
        g.add((node, PKG.bodyKind, Literal(body.kind)))
        for alias in body.aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
        if body.parent:
            parent = body_iri(body.parent)
            g.add((node, ORG.subOrganizationOf, parent))
            if body.parent in names:  # the parent's name belongs to this graph only if the text names it
                g.add((parent, SCHEMA.name, Literal(names[body.parent])))
        if body.wikidata:
            g.add((node, SKOS.exactMatch, WD[body.wikidata]))
        mentions(node, body.mentions)

    officials = {p.person for p in record.posts if p.public}
    for person in record.people:
        node = person_iri(person.key)
        g.add((node, RDF.type, SCHEMA.Person))
        if person.key in officials:
            g.add((node, RDF.type, PKG.Official))
        g.add((node, SCHEMA.name, Literal(person.name)))
        for alias in person.aliases:
            g.add((node, SCHEMA.alternateName, Literal(alias)))
        mentions(node, person.mentions)

    for post in record.posts:
        role = ID[f"role/{slug(post.title)}"]
        node = ID[f"post/{post.person}/{slug(post.title)}/{post.body or 'unknown'}"]
        g.add((node, RDF.type, ORG.Membership))
        if post.public:
            g.add((node, RDF.type, PKG.PublicPost))
        g.add((node, ORG.member, person_iri(post.person)))
        g.add((node, ORG.role, role))
        g.add((node, PKG.title, Literal(post.title)))
        g.add((role, RDF.type, ORG.Role))
        g.add((role, SKOS.prefLabel, Literal(post.title)))
        if post.body:
            g.add((node, ORG.organization, body_iri(post.body)))
        g.add((node, PROV.wasDerivedFrom, doc))
        if post.evidence:
            evidence = string(post.evidence)
            g.add((node, PROV.wasDerivedFrom, evidence))
            sent = sentence_at(post.evidence.start)
            if sent is not None:
                g.add((node, PKG.sentence, sent))

    g.add((INDUSTRY_SCHEME, RDF.type, SKOS.ConceptScheme))
    for industry in record.industries:
        node = industry_iri(industry.key)
        g.add((node, RDF.type, SKOS.Concept))
        g.add((node, SKOS.inScheme, INDUSTRY_SCHEME))
        g.add((node, SKOS.prefLabel, Literal(industry.name)))
        for alias in industry.aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
        for broader in industry.broader:
            g.add((node, SKOS.broader, industry_iri(broader)))
        mentions(node, industry.mentions)

    people = {p.key for p in record.people}
    industries = {x.key for x in record.industries}

    def speaker_iri(key: str) -> URIRef:
        return person_iri(key) if key in people else body_iri(key)

    figure_nodes = [URIRef(f"{doc}/figure/{i}") for i in range(len(record.figures))]
    speakers_by_sentence = {c.sentence: c.speaker for c in record.claims}
    for node, figure in zip(figure_nodes, record.figures):
        g.add((node, RDF.type, PKG.Figure))
        g.add((node, RDF.type, SCHEMA.QuantitativeValue))
        g.add((node, SCHEMA.value, Literal(Decimal(repr(figure.value)).normalize(), datatype=XSD.decimal)))
        g.add((node, PKG.unit, Literal(figure.unit)))
        g.add((node, SCHEMA.unitText, Literal(figure.unit)))
        for prop, value in ((PKG.approx, figure.approx), (PKG.measure, figure.measure),
                            (PKG.subject, figure.subject), (PKG.period, figure.period)):
            if value:
                g.add((node, prop, Literal(value)))
        g.add((node, NIF.anchorOf, Literal(figure.span.text)))
        g.add((node, NIF.beginIndex, Literal(figure.span.start, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.endIndex, Literal(figure.span.end, datatype=XSD.nonNegativeInteger)))
        g.add((node, PKG.sentence, sentences[figure.sentence]))
        g.add((node, PROV.wasDerivedFrom, doc))
        if figure.equivalent_to is not None:
            g.add((node, PKG.equivalentTo, figure_nodes[figure.equivalent_to]))
        if figure.sentence in speakers_by_sentence:
            g.add((node, PROV.wasAttributedTo, speaker_iri(speakers_by_sentence[figure.sentence])))

    def statement(node: URIRef, claim) -> None:
        """What attributed and unresolved claims share: cue, kind, sentence, content, date, source."""
        g.add((node, PKG.cue, Literal(claim.cue)))
        g.add((node, PKG.claimKind, Literal(claim.kind)))
        g.add((node, PKG.sentence, sentences[claim.sentence]))
        if claim.content is not None:
            g.add((node, PKG.content, string(claim.content)))
        g.add((node, PROV.wasDerivedFrom, doc))
        if claim.date:
            g.add((node, DCTERMS.date, Literal(claim.date, datatype=XSD.date)))

    for i, claim in enumerate(record.claims):
        node = URIRef(f"{doc}/claim/{i}")
        speaker = speaker_iri(claim.speaker)
        g.add((node, RDF.type, SCHEMA.Claim))
        g.add((node, PROV.wasAttributedTo, speaker))
        g.add((node, SCHEMA.author, speaker))
        g.add((node, PKG.confidence, Literal(Decimal(str(round(claim.confidence, 3))), datatype=XSD.decimal)))
        statement(node, claim)
        for key in claim.about:
            target = industry_iri(key) if key in industries else body_iri(key)
            g.add((node, SCHEMA.about, target))
        for index in claim.figures:
            g.add((node, PKG.citesFigure, figure_nodes[index]))
    for i, claim in enumerate(record.unresolved):
        node = URIRef(f"{doc}/unresolved/{i}")
        g.add((node, RDF.type, PKG.UnresolvedClaim))
        g.add((node, PKG.speakerText, Literal(claim.speaker_text or "")))
        statement(node, claim)
    return g

