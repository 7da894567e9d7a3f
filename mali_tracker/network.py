"""A stable layout for the actor network, computed where the data is made (build), not in the app.

Positions are a function of the relations: computed once over every relation of every date, so
an actor keeps its place while the reader moves the date and edges appear or vanish. The build
stores them in the `actor_layout` table; the app only reads them, so it needs neither networkx
nor scipy and no reader waits for a layout.
"""
from __future__ import annotations

import networkx as nx
import polars as pl

from mali_tracker.schema import conform, empty_table


def stable_positions(all_relations: pl.DataFrame) -> dict[str, tuple[float, float]]:
    """Positions for every actor that has a relation at any date (deterministic: the same data
    gives the same picture). `all_relations` needs source_actor_id and target_actor_id."""
    graph = nx.Graph()
    graph.add_edges_from(
        sorted(zip(all_relations["source_actor_id"].to_list(), all_relations["target_actor_id"].to_list()))
    )
    if graph.number_of_nodes() == 0:
        return {}
    # Separate groups (and actors with no relation) would be flung to the edges; a layout-only
    # link from each to the busiest actor keeps them near, then Kamada-Kawai spaces all evenly.
    hub = max(graph.degree, key=lambda item: (item[1], item[0]))[0]
    for component in sorted(nx.connected_components(graph), key=lambda c: sorted(c)[0]):
        if hub not in component:
            graph.add_edge(hub, sorted(component)[0])
    start = nx.circular_layout(sorted(graph))
    positions = nx.kamada_kawai_layout(graph, pos=start) if graph.number_of_nodes() > 1 else start
    return {node: (round(float(x), 4), round(float(y), 4)) for node, (x, y) in positions.items()}


def layout_table(relations: pl.DataFrame) -> pl.DataFrame:
    """The `actor_layout` table (actor_id, x, y) for these relations, ordered by actor_id."""
    positions = stable_positions(relations)
    if not positions:
        return empty_table("actor_layout")
    ids = sorted(positions)
    frame = pl.DataFrame({
        "actor_id": ids,
        "x": [positions[i][0] for i in ids],
        "y": [positions[i][1] for i in ids],
    })
    return conform(frame, "actor_layout")
