"""Pictures with matplotlib: a network coloured by type and sized by PageRank, or a
timeline of claims. Layouts are seeded, so the same graph gives the same picture."""
from __future__ import annotations

import networkx as nx

from .gexf import PALETTE

LABELLED = 30  # at most this many labels, the most central nodes', to stay legible


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # files only, no screen
    import matplotlib.pyplot as plt

    return plt


def network_png(graph: nx.Graph, path: str, pagerank: dict[str, float], title: str = "") -> None:
    """Draw ``graph`` to ``path``: colour by node type, size by PageRank, the top nodes labelled."""
    plt = _pyplot()
    simple = graph.to_undirected() if graph.is_directed() else graph
    fig, ax = plt.subplots(figsize=(12, 9), dpi=110)
    positions = packed_layout(simple)
    top = max(pagerank.values(), default=1.0) or 1.0
    sizes = [60 + 1400 * pagerank.get(node, 0.0) / top for node in simple]
    colours = [PALETTE.get(simple.nodes[node].get("type", "other"), PALETTE["other"]) for node in simple]
    nx.draw_networkx_edges(simple, positions, ax=ax, alpha=0.35, edge_color="#777777",
                           width=[0.6 + min(d.get("weight", 1.0), 6) * 0.5 for *_, d in simple.edges(data=True)])
    nx.draw_networkx_nodes(simple, positions, ax=ax, node_size=sizes, node_color=colours,
                           edgecolors="white", linewidths=0.8)
    labelled = sorted(simple, key=lambda node: -pagerank.get(node, 0.0))[:LABELLED]
    nx.draw_networkx_labels(simple, positions, ax=ax, font_size=8,
                            labels={node: short(simple.nodes[node]["label"]) for node in labelled},
                            bbox={"facecolor": "white", "alpha": 0.7, "edgecolor": "none", "pad": 0.5})
    present = sorted({simple.nodes[node].get("type", "other") for node in simple})
    for kind in present:
        ax.scatter([], [], c=PALETTE.get(kind, PALETTE["other"]), label=kind, s=80)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title="type\n(size: PageRank)")
    ax.set_title(title)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def packed_layout(graph: nx.Graph) -> dict:
    """A seeded spring layout of each connected component, the components packed in rows
    (largest first) so that small islands neither drift off nor crush the big one."""
    import math

    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)[0]))
    positions: dict = {}
    x = y = row_height = 0.0
    row_width = 3.0 * math.sqrt(max((len(c) for c in components), default=1))
    for component in components:
        size = math.sqrt(len(component))
        sub = graph.subgraph(component)
        local = nx.spring_layout(sub, seed=42, scale=size / 2, k=2.5 / size, iterations=150) if len(component) > 1 else {
            next(iter(component)): (0.0, 0.0)}
        if x + size > row_width and x > 0:
            x, y, row_height = 0.0, y - row_height - 0.6, 0.0
        for node, (px, py) in local.items():
            positions[node] = (x + size / 2 + px, y - size / 2 + py)
        x += size + 0.6
        row_height = max(row_height, size)
    return positions


def short(label: str, width: int = 32) -> str:
    return label if len(label) <= width else label[: width - 1] + "\u2026"


def timeline_png(rows: list[dict], by: str, per: str, path: str, top: int = 8) -> None:
    """Claims per period for the ``top`` busiest keys, one line each."""
    plt = _pyplot()
    totals: dict[str, int] = {}
    for row in rows:
        totals[row[by]] = totals.get(row[by], 0) + row["claims"]
    keys = sorted(totals, key=lambda k: (-totals[k], k))[:top]
    periods = sorted({row[per] for row in rows if row[by] in keys})
    fig, ax = plt.subplots(figsize=(11, 6), dpi=110)
    for key in keys:
        counts = {row[per]: row["claims"] for row in rows if row[by] == key}
        ax.plot(periods, [counts.get(p, 0) for p in periods], marker="o", label=short(key))
    ax.set_xlabel(per)
    ax.set_ylabel("claims")
    ax.set_title(f"Claims per {per} by {by}")
    ax.legend(frameon=False, fontsize=8)
    ax.tick_params(axis="x", rotation=45)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
