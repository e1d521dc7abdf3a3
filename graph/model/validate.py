"""SHACL validation of the store against ``graph/model/shapes.ttl`` with pySHACL.

Documents are validated in batches (each batch the union of some documents' graphs), so
memory stays bounded on a big store; every violation is reported with the documents
whose graphs hold its focus node.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF

SH = "http://www.w3.org/ns/shacl#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
BATCH = 200


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str
    shape: str
    documents: tuple[str, ...]


def shapes() -> Graph:
    return Graph().parse(data=resources.files("graph.model").joinpath("shapes.ttl").read_text("utf-8"), format="turtle")


def to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:  # a simple literal, as rdflib and SHACL's sh:in write them
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")


def batches(store, size: int = BATCH) -> Iterator[tuple[Graph, dict[str, set[str]]]]:
    """(union graph of up to ``size`` documents, subject IRI -> the graph names holding it)."""
    names = list(store.graphs())
    for start in range(0, len(names), size):
        graph = Graph()
        holders: dict[str, set[str]] = {}
        for name in names[start:start + size]:
            for quad in store.graph_quads(name):
                subject = to_rdflib(quad.subject)
                graph.add((subject, to_rdflib(quad.predicate), to_rdflib(quad.object)))
                holders.setdefault(str(subject), set()).add(name)
        yield graph, holders


def check(graph: Graph, shape_graph: Graph) -> list[dict]:
    """pySHACL's results on one graph, as plain dicts."""
    from pyshacl import validate as shacl

    conforms, report, _ = shacl(graph, shacl_graph=shape_graph, inference="none", advanced=False,
                                allow_warnings=True)
    if conforms:
        return []
    found = []
    for result in report.subjects(RDF.type, URIRef(SH + "ValidationResult")):
        def value(name: str) -> str:
            term = report.value(result, URIRef(SH + name))
            return "" if term is None else str(term)

        found.append({"focus": value("focusNode"), "path": value("resultPath"), "message": value("resultMessage"),
                      "severity": value("resultSeverity").rsplit("#", 1)[-1], "shape": value("sourceShape")})
    return found


def file_names(store) -> dict[str, str]:
    """Graph name -> the document's file name as it was read."""
    rows = store.query("SELECT ?g ?f WHERE { GRAPH ?g { ?g <https://w3id.org/policykg/ns#fileName> ?f } }")
    return {row["g"].value: row["f"].value for row in rows}


def validate_store(store, batch: int = BATCH) -> Iterable[Violation]:
    """Every violation of the shapes in the store, with the documents behind each focus node."""
    shape_graph = shapes()
    files = file_names(store)
    for graph, holders in batches(store, batch):
        for row in check(graph, shape_graph):
            documents = tuple(sorted(files.get(g, g) for g in holders.get(row["focus"], ())))
            yield Violation(documents=documents, **row)


def short(iri: str) -> str:
    """An IRI with the project's and standard prefixes, for reading."""
    prefixes = {"https://w3id.org/policykg/id/": "id:", "https://w3id.org/policykg/ns#": "pkg:",
                "https://w3id.org/policykg/shapes#": "pkgsh:", "https://schema.org/": "schema:",
                "http://www.w3.org/ns/org#": "org:", "http://www.w3.org/ns/prov#": "prov:",
                "http://purl.org/dc/terms/": "dcterms:",
                "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#": "nif:"}
    for long, prefix in prefixes.items():
        if iri.startswith(long):
            return prefix + iri[len(long):]
    return iri


def as_row(violation: Violation) -> dict[str, str]:
    """A violation as ``policykg validate`` prints it: IRIs with prefixes, documents joined."""
    return {"severity": violation.severity, "focus": short(violation.focus), "path": short(violation.path),
            "message": violation.message, "shape": short(violation.shape), "documents": "; ".join(violation.documents)}
