"""A stable layout for the actor network: computed once over every relation of every date, so
an actor keeps its place while the reader moves the date and edges appear or vanish."""
from __future__ import annotations

import networkx as nx
import polars as pl


def stable_positions(all_relations: pl.DataFrame) -> dict[str, tuple[float, float]]:
    """Positions for every actor that has a relation at any date (deterministic: the same data
    gives the same picture). `all_relations` needs source_actor_id and target_actor_id."""
    graph = nx.Graph()
    graph.add_edges_from(
        sorted(zip(all_relations["source_actor_id"].to_list(), all_relations["target_actor_id"].to_list()))
    )
    # Separate groups (and actors with no relation) would be flung to the edges; a layout-only
    # link from each to the busiest actor keeps them near, then Kamada-Kawai spaces all evenly.
    hub = max(graph.degree, key=lambda item: (item[1], item[0]))[0] if graph.number_of_nodes() else None
    for component in sorted(nx.connected_components(graph), key=lambda c: sorted(c)[0]):
        if hub not in component:
            graph.add_edge(hub, sorted(component)[0])
    if graph.number_of_nodes() == 0:
        return {}
    start = nx.circular_layout(sorted(graph))
    positions = nx.kamada_kawai_layout(graph, pos=start) if graph.number_of_nodes() > 1 else start
    return {node: (round(float(x), 4), round(float(y), 4)) for node, (x, y) in positions.items()}
