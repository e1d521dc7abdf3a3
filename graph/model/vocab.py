"""The project's vocabulary and the standard ones it reuses, as rdflib namespaces (their IRIs
are ``graph.model.iris``'s, which code that builds no rdflib graph imports instead)."""
from rdflib import Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from . import iris

PKG = Namespace(iris.PKG)  # terms, defined in graph/model/ontology.ttl
ID = Namespace(iris.ID)  # instances
SCHEMA = Namespace(iris.SCHEMA)
ORG = Namespace(iris.ORG)
NIF = Namespace(iris.NIF)
ITSRDF = Namespace(iris.ITSRDF)
WD = Namespace(iris.WD)

PREFIXES = {name: Namespace(base) for name, base in iris.PREFIXES.items()}

INDUSTRY_SCHEME = ID["industries"]

__all__ = ["PKG", "ID", "SCHEMA", "ORG", "NIF", "ITSRDF", "PROV", "SKOS", "DCTERMS", "RDF", "RDFS", "XSD", "WD",
           "PREFIXES", "INDUSTRY_SCHEME"]
