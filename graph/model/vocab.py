"""The project's vocabulary and the standard ones it reuses, as rdflib namespaces."""
from rdflib import Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

PKG = Namespace("https://w3id.org/policykg/ns#")  # terms, defined in graph/model/ontology.ttl
ID = Namespace("https://w3id.org/policykg/id/")  # instances
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES = {"pkg": PKG, "id": ID, "schema": SCHEMA, "org": ORG, "nif": NIF, "itsrdf": ITSRDF, "prov": PROV,
            "skos": SKOS, "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "wd": WD}

INDUSTRY_SCHEME = ID["industries"]

__all__ = ["PKG", "ID", "SCHEMA", "ORG", "NIF", "ITSRDF", "PROV", "SKOS", "DCTERMS", "RDF", "RDFS", "XSD", "WD",
           "PREFIXES", "INDUSTRY_SCHEME"]
