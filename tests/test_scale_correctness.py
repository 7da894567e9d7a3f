"""Correctness behind the speed work: 10,000 generated ACLED rows, streamed through the import
and asked through every kind of query, give the counts a direct Polars computation on the CSV
gives; the bounded caches never answer one folder's question with another's answer."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import polars as pl
import pytest

from mali_tracker import db, paths
from mali_tracker.filters import Filters
from mali_tracker.ingest.__main__ import main as ingest

sys.path.insert(0, str(paths.PROJECT_ROOT / "benchmarks"))
from generate_acled import generate  # noqa: E402

ROWS = 10_000
WINDOWS = [Filters(start=dt.date(2012, 1, 1), end=dt.date(2025, 12, 31)),
           Filters(start=dt.date(2020, 3, 1), end=dt.date(2020, 3, 31)),
           Filters(start=dt.date(2016, 1, 1), end=dt.date(2018, 12, 31), types=("Battles",), regions=("Gao",)),
           Filters(start=dt.date(2012, 1, 1), end=dt.date(2025, 12, 31), types=("Protests",))]


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> tuple[Path, pl.DataFrame]:
    """The export, and its events computed directly: dates parsed, the newest re-export kept."""
    folder = tmp_path_factory.mktemp("scale")
    csv = folder / "acled.csv"
    generate(ROWS).write_csv(csv)
    raw = pl.read_csv(csv, infer_schema=False)
    expected = (raw.with_columns(
        pl.coalesce(pl.col("event_date").str.to_date("%Y-%m-%d", strict=False),
                    pl.col("event_date").str.to_date("%d %B %Y", strict=False)).alias("date"),
        pl.col("timestamp").cast(pl.Int64))
        .sort("timestamp").unique("event_id_cnty", keep="last"))
    return csv, expected


@pytest.fixture(scope="module")
def ingested(export, tmp_path_factory) -> db.Database:
    out = tmp_path_factory.mktemp("scale_data") / "data"
    assert ingest(["acled", str(export[0]), "--out", str(out)]) == 0
    return db.open_database(out)


def within(frame: pl.DataFrame, filters: Filters) -> pl.DataFrame:
    frame = frame.filter(pl.col("date").is_between(filters.start, filters.end))
    if filters.types:
        frame = frame.filter(pl.col("event_type").is_in(filters.types))
    if filters.regions:
        frame = frame.filter(pl.col("admin1").is_in(filters.regions))
    return frame


def counts(frame: pl.DataFrame, column: str) -> dict[str, int]:
    return dict(frame.group_by(column).len().iter_rows())


@pytest.mark.parametrize("filters", WINDOWS)
def test_every_query_counts_what_polars_counts_from_the_csv(ingested, export, filters):
    expected = within(export[1], filters)
    assert db.run_query(ingested, "events_count", **filters.query_params())["event_count"].item() == expected.height
    monthly = db.run_query(ingested, "timeline_counts", unit="month", **filters.query_params())
    assert monthly["event_count"].sum() == expected.height
    facets = db.run_query(ingested, "explore_facets", **filters.query_params())
    for facet, column in (("type", "event_type"), ("region", "admin1")):
        got = dict(facets.filter(pl.col("facet") == facet).select("value", "event_count").iter_rows())
        assert got == counts(expected, column)
    if filters.window_only():
        stored = db.run_query(ingested, "explore_facets_window", **filters.query_params())
        assert stored.equals(facets), "the stored counts answer a date window as the events do"
    regions = db.run_query(ingested, "map_regions", **filters.query_params())
    assert dict(regions.select("admin1", "event_count").iter_rows()) == counts(expected, "admin1")
    deaths = expected["fatalities"].cast(pl.Int64).fill_null(0).sum()
    assert regions["deaths"].sum() == deaths


def test_actor_counts_match_the_csv(ingested, export):
    expected = export[1]
    options = db.run_query(ingested, "actor_options")
    by_name = dict(options.select("name", "event_count").iter_rows())
    assert by_name["Wagner Group"] == expected.filter(
        (pl.col("actor1") == "Wagner Group") | (pl.col("actor2") == "Wagner Group")
        | pl.col("assoc_actor_1").str.contains("Wagner Group")).height


def test_a_bounded_cache_never_serves_one_folder_s_answer_for_another(ingested, monkeypatch):
    from mali_tracker.ui import cache

    answers = {}
    for folder in (paths.DEFAULT_DATA_DIR, ingested.data_dir):
        monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
        answers[folder] = cache.query("events_count", **WINDOWS[0].query_params())["event_count"].item()
    assert answers[paths.DEFAULT_DATA_DIR] != answers[ingested.data_dir]
    assert answers[ingested.data_dir] == db.run_query(ingested, "events_count", **WINDOWS[0].query_params())[
        "event_count"].item()
