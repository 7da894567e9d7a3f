"""Every query in queries/ runs with named parameters and answers what its header promises."""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from mali_tracker import db
from mali_tracker.filters import Filters

DEFAULT_PARAMS = {
    "events_filtered": Filters().query_params(row_limit=5000),
    "events_count": Filters().query_params(),
    "timeline_counts": {**Filters().query_params(), "unit": "month"},
    "event_sources": {"event_id": "ev0303"},
    "claims_spread": {"subject": "arrests_2025_plot"},
    "claims_for_subject": {"subject": "arrests_2025_plot"},
    "actor_profile": {"actor_id": "abass_dembele"},
    "actor_relations": {"actor_id": "france"},
    "relations_as_of": {"as_of": dt.date(2020, 1, 1)},
    "map_events": Filters().query_params(row_limit=5000),
    "map_count": Filters().query_params(),
    "map_grid": {**Filters().query_params(), "cell_degrees": 0.5},
    "map_regions": Filters().query_params(),
    "explore_facets_window": Filters().query_params(),
    "map_places": {**Filters().query_params(), "row_limit": 12},
    "search_needles": {"terms": ["moura", "mour"]},
    "event_by_id": {"event_id": "ev0303"},
    "event_actor_list": {"event_id": "ev0303"},
    "event_neighbours": {"event_id": "ev0303"},
    "resolve_event_id": {"event_id": "y2024_e34"},
    "corrections_list": {"row_id": None},
    "actor_claims": {"actor_id": "jnim"},
    "explore_facets": Filters().query_params(),
    "event_outlets": Filters().query_params(),
    "relation_outlets": {"as_of": dt.date(2020, 1, 1)},
}


@pytest.mark.parametrize("name", db.query_names())
def test_every_query_runs_and_has_a_header(bundled_db, name):
    text = db.query_text(name)
    assert text.startswith(f"-- {name}:"), "header comment names the query"
    assert "Output:" in text and "Parameters:" in text
    frame = db.run_query(bundled_db, name, **DEFAULT_PARAMS.get(name, {}))
    assert frame.height > 0


def rows(bundled_db, **changes):
    params = Filters(**changes).query_params(row_limit=5000)
    return db.run_query(bundled_db, "events_filtered", **params)


def test_default_window_is_2012_to_2024(bundled_db):
    events = rows(bundled_db)
    assert events["date_start"].min() >= dt.date(2012, 1, 1)
    assert events["date_start"].max() <= dt.date(2024, 12, 31)
    count = db.run_query(bundled_db, "events_count", **Filters().query_params())["event_count"][0]
    assert count == events.height


def test_text_search_ignores_accents_and_case(bundled_db):
    found = rows(bundled_db, end=dt.date(2025, 12, 31), q="abass dembele")
    assert "ev0303" in found["event_id"].to_list()
    assert all("Dembélé" in f"{t} {s}" for t, s in zip(found["title"], found["summary"]))


def test_filters_combine(bundled_db):
    battles = rows(bundled_db, types=("Battles",), regions=("Kidal",))
    assert battles.height > 0
    assert set(battles["event_type"]) == {"Battles"} and set(battles["admin1"]) == {"Kidal"}


def test_actor_filter_keeps_only_events_the_actor_took_part_in(bundled_db, ):
    wagner = rows(bundled_db, actors=("wagner",), end=dt.date(2025, 12, 31))
    assert wagner.height > 0
    assert all("Wagner" in names for names in wagner["actor_names"])


def test_rows_carry_their_source_urls(bundled_db):
    events = rows(bundled_db)
    assert events["source_urls"].str.contains("http").all()


def test_user_text_is_data_not_sql(bundled_db):
    injected = rows(bundled_db, q="'; DROP VIEW events; --")
    assert injected.height == 0
    assert rows(bundled_db).height > 0


@pytest.mark.parametrize("unit", ["day", "week", "month"])
def test_binned_counts_add_up(bundled_db, unit):
    counts = db.run_query(bundled_db, "timeline_counts", unit=unit, **Filters().query_params())
    assert counts["event_count"].sum() == rows(bundled_db).height
    if unit == "week":  # weeks start on Monday
        assert {day.weekday() for day in counts["bin_start"]} == {0}
    if unit == "month":
        assert {day.day for day in counts["bin_start"]} == {1}


@pytest.mark.parametrize("statement", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "INSTALL httpfs",
    "LOAD httpfs",
    "ATTACH '/tmp/other.duckdb'",
    "SET enable_external_access = true",
    "SET lock_configuration = false",
])
def test_connection_is_locked_down(bundled_db, statement):
    with pytest.raises(duckdb.Error):
        bundled_db.cursor().execute(statement)


def test_a_broken_table_is_named_with_the_fix(tmp_path):
    import shutil

    from mali_tracker import paths
    for parquet in paths.DEFAULT_DATA_DIR.glob("*.parquet"):
        shutil.copy(parquet, tmp_path / parquet.name)
    (tmp_path / "events.parquet").write_bytes(b"not parquet")
    broken = db.open_database(tmp_path)
    with pytest.raises(db.DataUnavailable, match="events table .*python -m mali_tracker.build"):
        db.run_query(broken, "events_count", **Filters().query_params())
    assert db.run_query(broken, "actor_options").height > 0, "other tables keep working"


@pytest.mark.parametrize("filters", [Filters(), Filters(start=dt.date(1, 1, 1), end=dt.date(9999, 12, 31)),
                                     Filters(start=dt.date(2013, 1, 5), end=dt.date(2013, 2, 1)),
                                     Filters(start=dt.date(2025, 8, 10), end=dt.date(2025, 8, 10))])
def test_the_stored_facet_counts_answer_a_date_window_as_the_events_do(bundled_db, filters):
    assert filters.window_only()
    from_events = db.run_query(bundled_db, "explore_facets", **filters.query_params())
    assert db.run_query(bundled_db, "explore_facets_window", **filters.query_params()).equals(from_events)
    assert from_events.height > 0
