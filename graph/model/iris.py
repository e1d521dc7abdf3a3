"""The vocabularies' namespace IRIs as plain strings, importable without rdflib.

``graph.model.vocab`` builds its rdflib namespaces from these; the stores and the query
commands use them directly, so that a query (which builds no graph) starts without importing
rdflib, a tenth of a second of every command (benchmarks/results.md).
"""
from __future__ import annotations


class Namespace(str):
    """A namespace IRI whose attributes and items are the IRIs of its terms, as plain strings
    (``PKG.sha256``, ``ID["merged"]``), as rdflib's ``Namespace`` gives them as URIRefs."""

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return str.__add__(self, name)

    def __getitem__(self, name: str) -> str:
        return str.__add__(self, name)


PKG = Namespace("https://w3id.org/policykg/ns#")  # terms, defined in graph/model/ontology.ttl
ID = Namespace("https://w3id.org/policykg/id/")  # instances
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
WD = Namespace("http://www.wikidata.org/entity/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

# The prefixes Turtle and TriG exports and the query page declare.
PREFIXES = {"pkg": PKG, "id": ID, "schema": SCHEMA, "org": ORG, "nif": NIF, "itsrdf": ITSRDF, "prov": PROV,
            "skos": SKOS, "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "wd": WD}
