"""docs/ontology.md generated from graph/model/ontology.ttl and graph/model/shapes.ttl, so the model is
written once: a diagram (Mermaid), then every class and property with its label, comment,
domain and range. ``python -m graph.model.ontology_doc > docs/ontology.md`` (``make docs``)."""
from __future__ import annotations

from importlib import resources

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from .vocab import PREFIXES

HEADER = """# The policykg vocabulary

Generated from [`graph/model/ontology.ttl`](../graph/model/ontology.ttl) by `make docs`; do not edit by
hand. The shapes every graph must satisfy are in [`graph/model/shapes.ttl`](../graph/model/shapes.ttl)
(`policykg validate`).
"""

# How the project's classes meet the standard vocabularies' in a document's graph: the
# edges of the diagram that the ontology itself does not declare (it reuses those terms).
REUSED = [
    ("schema:NewsArticle", "nif:Sentence", "nif:referenceContext (inverse)"),
    ("org:Membership", "schema:Person", "org:member"),
    ("org:Membership", "pkg:Body", "org:organization"),
    ("pkg:Body", "pkg:Body", "org:subOrganizationOf"),
    ("schema:Claim", "schema:Person", "prov:wasAttributedTo"),
    ("schema:Claim", "pkg:Body", "prov:wasAttributedTo"),
    ("schema:Claim", "skos:Concept", "schema:about"),
    ("schema:Claim", "schema:NewsArticle", "prov:wasDerivedFrom"),
    ("nif:Phrase", "skos:Concept", "itsrdf:taIdentRef"),
    ("nif:Phrase", "nif:Sentence", "nif:sentence"),
    ("schema:Claim", "nif:Sentence", "pkg:sentence"),
    ("pkg:Figure", "nif:Sentence", "pkg:sentence"),
    ("org:Membership", "nif:Sentence", "pkg:sentence"),
    ("schema:NewsArticle", "pkg:Extraction", "prov:wasGeneratedBy"),
]


def ontology() -> Graph:
    return Graph().parse(data=resources.files("graph.model").joinpath("ontology.ttl").read_text("utf-8"), format="turtle")


def curie(term) -> str:
    text = str(term)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if text.startswith(str(namespace)):
            return f"{prefix}:{text[len(str(namespace)):]}"
    if text.startswith("http://www.w3.org/2002/07/owl#"):
        return "owl:" + text.split("#")[1]
    if text.startswith("http://www.w3.org/ns/prov#"):
        return "prov:" + text.split("#")[1]
    return f"<{text}>"


def node_id(name: str) -> str:
    return name.replace(":", "_").replace("-", "_")


def render(graph: Graph) -> str:
    classes = sorted(set(graph.subjects(RDF.type, OWL.Class)), key=curie)
    properties = sorted(set(graph.subjects(RDF.type, OWL.ObjectProperty)) | set(graph.subjects(RDF.type, OWL.DatatypeProperty)),
                        key=curie)
    lines = [HEADER]
    for ontology_node in graph.subjects(RDF.type, OWL.Ontology):
        lines.append(str(graph.value(ontology_node, RDFS.comment)) + "\n")
    lines += ["## Diagram", "", "```mermaid", "flowchart LR"]
    edges = []
    for cls in classes:
        for parent in graph.objects(cls, RDFS.subClassOf):
            edges.append((curie(cls), curie(parent), "subClassOf", True))
    for prop in properties:
        if (prop, RDF.type, OWL.ObjectProperty) in graph:
            domain, range_ = graph.value(prop, RDFS.domain), graph.value(prop, RDFS.range)
            if domain is not None and range_ is not None:
                edges.append((curie(domain), curie(range_), curie(prop), False))
    edges += [(a, b, label, False) for a, b, label in REUSED]
    for source, target, label, dotted in edges:
        arrow = "-.->" if dotted else "-->"
        lines.append(f'  {node_id(source)}["{source}"] {arrow}|"{label}"| {node_id(target)}["{target}"]')
    lines += ["```", "", "Dotted arrows are subclass links; solid ones properties (domain to range).", ""]
    lines += ["## Classes", "", "| class | subclass of | label | comment |", "| --- | --- | --- | --- |"]
    for cls in classes:
        parents = ", ".join(curie(p) for p in graph.objects(cls, RDFS.subClassOf))
        lines.append(f"| `{curie(cls)}` | {parents} | {graph.value(cls, RDFS.label) or ''} | "
                     f"{cell(graph.value(cls, RDFS.comment))} |")
    lines += ["", "## Properties", "", "| property | kind | domain | range | label | comment |",
              "| --- | --- | --- | --- | --- | --- |"]
    for prop in properties:
        kind = "object" if (prop, RDF.type, OWL.ObjectProperty) in graph else "datatype"
        domain, range_ = graph.value(prop, RDFS.domain), graph.value(prop, RDFS.range)
        lines.append(f"| `{curie(prop)}` | {kind} | {curie(domain) if domain else ''} | {curie(range_) if range_ else ''} "
                     f"| {graph.value(prop, RDFS.label) or ''} | {cell(graph.value(prop, RDFS.comment))} |")
    return "\n".join(lines) + "\n"


def cell(value) -> str:
    return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")


def main() -> None:
    print(render(ontology()), end="")


if __name__ == "__main__":
    main()
