"""Networks as files Gephi, Gephi Lite, sigma.js, yEd and Cytoscape open: GEXF 1.3 and GraphML.

networkx writes both; this module prepares the graph for it (plain strings and numbers,
no reserved attribute names, colours by type, sizes by PageRank, spells from dates) and
fixes what networkx's GEXF writer gets wrong against the official schema: the ``name``
attribute on ``<graph>``, the XML Schema instance namespace of 1.3, and the ``a``
(alpha) attribute on colours, which Gephi Lite ignores the colour for.
"""
from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import networkx as nx
from lxml import etree

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

# A fixed palette readable on white (Okabe-Ito, safe for colour-blind readers).
PALETTE = {"official": "#0072B2", "person": "#56B4E9", "body": "#D55E00", "industry": "#009E73",
           "figure": "#CC79A7", "claim": "#E69F00", "document": "#999999", "other": "#000000"}
MIN_SIZE, MAX_SIZE = 4.0, 40.0
FORMATS = (".gexf", ".graphml")


def rgb(hex_colour: str) -> dict[str, int]:
    value = hex_colour.lstrip("#")
    return {"r": int(value[0:2], 16), "g": int(value[2:4], 16), "b": int(value[4:6], 16)}


def day_after(iso: str) -> str:
    """Spells are [start, end) in Gephi's timeline; a one-day item ends the next day."""
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def prepared(graph: nx.Graph, scores: dict[str, dict[str, float]] | None = None,
             communities: dict[str, int] | None = None) -> nx.Graph:
    """A copy of a projected network ready for networkx's writers: every attribute a plain
    string or number under a name the writers do not reserve, plus viz and spells."""
    scores = scores or {}
    communities = communities or {}
    ranks = [s.get("pagerank", 0.0) for s in scores.values()] or [0.0]
    low, high = min(ranks), max(ranks)
    out = nx.DiGraph() if graph.is_directed() else nx.Graph()
    for node, data in graph.nodes(data=True):
        kind = data.get("type", "other")
        node_scores = scores.get(node, {})
        share = (node_scores.get("pagerank", low) - low) / (high - low) if high > low else 0.5
        attrs = {"label": data.get("label", node), "type": kind, "iri": data.get("iri", node),
                 "aliases": "|".join(data.get("aliases", [])), "first": data.get("first", ""),
                 "last": data.get("last", ""), "documents": int(data.get("documents", 0)),
                 "community": int(communities.get(node, 0)),
                 "viz": {"color": rgb(PALETTE.get(kind, PALETTE["other"])),
                         "size": round(MIN_SIZE + share * (MAX_SIZE - MIN_SIZE), 3)}}
        for name in ("degree", "weighted_degree", "betweenness", "pagerank", "eigenvector"):
            attrs[name] = float(node_scores.get(name, 0.0))
        if data.get("first"):
            attrs["spells"] = [(data["first"], day_after(data.get("last") or data["first"]))]
        out.add_node(str(node), **attrs)
    for u, v, data in graph.edges(data=True):
        attrs = {"relation": data.get("relation", ""), "weight": float(data.get("weight", 1.0)),
                 "documents": "; ".join(data.get("documents", [])), "sentence": data.get("sentence", ""),
                 "first": data.get("first", ""), "last": data.get("last", "")}
        if data.get("first"):
            attrs["spells"] = [(data["first"], day_after(data.get("last") or data["first"]))]
        out.add_edge(str(u), str(v), **attrs)
    return out


def gexf_bytes(graph: nx.Graph, description: str = "") -> bytes:
    """GEXF 1.3 of a prepared graph, valid against the official schema."""
    buffer = io.BytesIO()
    nx.write_gexf(graph, buffer, version="1.3")
    root = etree.fromstring(buffer.getvalue())
    meta = root.find(f"{{{GEXF_NS}}}meta")
    if meta is not None:
        creator = meta.find(f"{{{GEXF_NS}}}creator")
        if creator is not None:
            creator.text = "policykg (networkx)"
        if description:
            etree.SubElement(meta, f"{{{GEXF_NS}}}description").text = description
    return fix_gexf(root)


def fix_gexf(root: etree._Element) -> bytes:
    """The three fixes networkx's output needs (module docstring), serialised."""
    graph = root.find(f"{{{GEXF_NS}}}graph")
    if graph is not None and "name" in graph.attrib:
        del graph.attrib["name"]
    for colour in root.iter(f"{{{VIZ_NS}}}color"):
        colour.attrib.pop("a", None)
    # The root's start tag is replaced as text: lxml cannot rename a declared namespace, and
    # moving the children under a new root took minutes for 20,000 nodes (namespace fix-ups).
    fixed = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap={None: GEXF_NS, "viz": VIZ_NS, "xsi": XSI_NS})
    fixed.set("version", "1.3")
    fixed.set(f"{{{XSI_NS}}}schemaLocation", f"{GEXF_NS} {GEXF_NS}/gexf.xsd")
    start_tag = etree.tostring(fixed)[:-2] + b">"
    body = etree.tostring(root, encoding="UTF-8", pretty_print=True)
    return b'<?xml version=\'1.0\' encoding=\'UTF-8\'?>\n' + start_tag + body[body.index(b">") + 1:]


def write_gexf(graph: nx.Graph, path: str, description: str = "") -> None:
    with open(path, "wb") as handle:
        handle.write(gexf_bytes(graph, description))


def write_graphml(graph: nx.Graph, path: str) -> None:
    """GraphML with the same attributes (viz and spells, which GraphML has no place for, left out)."""
    plain = graph.copy()
    for _, data in list(plain.nodes(data=True)) + [(None, d) for *_, d in plain.edges(data=True)]:
        viz = data.pop("viz", None)
        data.pop("spells", None)
        if viz:
            colour = viz["color"]
            data["color"] = "#{r:02X}{g:02X}{b:02X}".format(**colour)
            data["size"] = viz["size"]
    nx.write_graphml(plain, path, encoding="utf-8", prettyprint=True)


def export(graph: nx.Graph, path: str, name: str) -> None:
    """Write the projection ``name`` to ``path`` in the format its suffix names (``FORMATS``),
    with every node's centralities and Louvain community for Gephi to size and colour by."""
    from . import analyze

    table, _ = analyze.scores(graph)
    ready = prepared(graph, table, analyze.membership(graph))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if Path(path).suffix.lower() == ".gexf":
        write_gexf(ready, path, description=f"policykg {name} network")
    else:
        write_graphml(ready, path)


def validate(path_or_bytes, schema_path: str) -> None:
    """Raise ``lxml.etree.DocumentInvalid`` unless the GEXF validates against a RELAX NG schema
    (the official one ships with xsi:schemaLocation, which RELAX NG does not know: dropped)."""
    doc = etree.fromstring(path_or_bytes) if isinstance(path_or_bytes, bytes) else etree.parse(path_or_bytes).getroot()
    doc.attrib.pop(f"{{{XSI_NS}}}schemaLocation", None)
    etree.RelaxNG(etree.parse(schema_path)).assertValid(doc)
