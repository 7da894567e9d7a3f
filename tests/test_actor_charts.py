"""The actors page's builders: who is linked on a given date, stable places, the map."""
from __future__ import annotations

import datetime as dt

from mali_tracker import actor_charts, db


def network_on(bundled_db, day):
    relations = db.run_query(bundled_db, "relations_as_of", as_of=day)
    everyone = db.run_query(bundled_db, "actor_options")
    layout = db.run_query(bundled_db, "actor_layout")
    positions = {row[0]: (row[1], row[2]) for row in layout.iter_rows()}
    counts = dict(zip(everyone["actor_id"].to_list(), everyone["event_count"].to_list()))
    return relations, actor_charts.network_figure(relations, positions, counts), positions


def pairs(relations, kind):
    return {(a, b) for a, b, r in zip(relations["source_actor_id"], relations["target_actor_id"],
                                      relations["relation"]) if r == kind}


def test_france_turns_from_partner_to_expelled(bundled_db):
    before, figure, _ = network_on(bundled_db, dt.date(2015, 1, 1))
    after, _, _ = network_on(bundled_db, dt.date(2023, 1, 1))
    assert ("france", "mali_government") in pairs(before, "partner")
    assert ("france", "mali_government") not in pairs(after, "partner")
    assert ("mali_government", "france") in pairs(after, "expelled")
    edges = [trace for trace in figure.data if trace.mode == "lines"]
    assert len(edges) == before.height


def test_wagner_gives_way_to_africa_corps_and_minusma_comes_and_goes(bundled_db):
    early, _, _ = network_on(bundled_db, dt.date(2013, 3, 1))
    middle, _, _ = network_on(bundled_db, dt.date(2020, 1, 1))
    late, _, _ = network_on(bundled_db, dt.date(2025, 9, 1))
    involved = lambda rel, actor: actor in set(rel["source_actor_id"]) | set(rel["target_actor_id"])  # noqa: E731
    assert not involved(early, "minusma") and involved(middle, "minusma") and not involved(late, "minusma")
    assert not involved(middle, "wagner")
    assert ("africa_corps", "wagner") in pairs(late, "successor_of")
    wagner_links = late.filter((late["source_actor_id"] == "wagner") | (late["target_actor_id"] == "wagner"))
    assert set(wagner_links["relation"]) == {"successor_of"}, "after June 2025 Wagner only appears as succeeded"


def test_positions_are_stable_whatever_the_date(bundled_db):
    _, _, first = network_on(bundled_db, dt.date(2014, 1, 1))
    _, figure, second = network_on(bundled_db, dt.date(2024, 1, 1))
    assert first == second
    node_traces = [trace for trace in figure.data if trace.mode == "markers+text"]
    drawn = {row[0]: (x, y) for trace in node_traces for row, x, y in zip(trace.customdata, trace.x, trace.y)}
    assert drawn and all(second[actor] == position for actor, position in drawn.items())


def test_every_actor_in_a_relation_has_a_stored_position(bundled_db):
    relations = db.run_query(bundled_db, "relations_as_of", as_of=dt.date(2025, 9, 1))
    layout = db.run_query(bundled_db, "actor_layout")
    placed = set(layout["actor_id"])
    assert set(relations["source_actor_id"]) | set(relations["target_actor_id"]) <= placed
    assert len({(x, y) for x, y in zip(layout["x"], layout["y"])}) == layout.height, "no two actors on one spot"


def test_an_actors_relations_read_in_their_direction(bundled_db):
    own = db.run_query(bundled_db, "actor_relations", actor_id="france")
    figure = actor_charts.relation_timeline_figure(own, "France", dt.date(2012, 1, 1), dt.date(2025, 11, 9))
    labels = list(figure.layout.yaxis.ticktext)
    assert "Operation Serval deployed by France" in labels
    assert "partner of Government of Mali" in labels
    assert len(figure.data) == own.height


def test_nodes_are_labelled_by_their_acronym_and_hover_gives_the_full_name(bundled_db):
    assert actor_charts.short_name("Jama'at Nusrat al-Islam wal-Muslimin (JNIM)") == "JNIM"
    assert actor_charts.short_name("Assimi Goïta") == "Assimi Goïta"
    _, figure, _ = network_on(bundled_db, dt.date(2020, 1, 1))
    nodes = [trace for trace in figure.data if trace.mode == "markers+text"]
    labels = [label for trace in nodes for label in trace.text]
    assert "JNIM" in labels and "MINUSMA" in labels
    full = [name for trace in nodes for name in trace.hovertext]
    assert "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)" in full
