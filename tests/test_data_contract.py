"""Data-contract tests over the built Parquet: what a newsroom would check before publishing."""
from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from mali_tracker import build, paths
from mali_tracker.schema import TABLE_SCHEMAS

DATA = paths.DEFAULT_DATA_DIR


def table(name: str) -> pl.DataFrame:
    return pl.read_parquet(DATA / f"{name}.parquet")


@pytest.mark.parametrize("name", sorted(TABLE_SCHEMAS))
def test_every_table_keeps_the_public_columns(name):
    frame = table(name)
    for column, dtype in TABLE_SCHEMAS[name].items():
        assert frame.schema[column] == dtype, f"{name}.{column}"


@pytest.mark.parametrize(("name", "key"), [("events", "event_id"), ("actors", "actor_id"),
                                           ("sources", "source_id"), ("claims", "claim_id"),
                                           ("relations", "relation_id")])
def test_ids_are_unique(name, key):
    frame = table(name)
    assert frame[key].n_unique() == frame.height


def test_every_foreign_key_resolves():
    events, actors, sources = table("events"), table("actors"), table("sources")
    actor_ids, source_ids = set(actors["actor_id"]), set(sources["source_id"])
    links = table("event_actors")
    assert set(links["event_id"]) <= set(events["event_id"])
    assert set(links["actor_id"]) <= actor_ids
    relations = table("relations")
    assert set(relations["source_actor_id"]) | set(relations["target_actor_id"]) <= actor_ids
    assert set(actors["parent_id"].drop_nulls()) <= actor_ids
    for name in ("events", "relations", "actors"):
        cited = set(table(name)["source_ids"].explode().drop_nulls())
        assert cited <= source_ids, name
    claims = table("claims")
    assert set(claims["source_id"]) <= source_ids
    assert set(claims["event_id"].drop_nulls()) <= set(events["event_id"])


@pytest.mark.parametrize("name", ["events", "relations", "actors"])
def test_every_curated_row_cites_a_source_with_a_web_address(name):
    frame = table(name)
    assert frame.filter(pl.col("source_ids").list.len() == 0).height == 0
    urls = table("sources")["url"]
    assert urls.str.contains(r"^https?://\S+$").all()


def test_dates_are_in_range_and_ordered():
    events = table("events")
    assert events["date_start"].min() >= dt.date(2012, 1, 1)
    assert events["date_end"].max() <= dt.date.today()
    assert events.filter(pl.col("date_end") < pl.col("date_start")).height == 0
    relations = table("relations")
    assert relations.filter(pl.col("valid_to") < pl.col("valid_from")).height == 0


def test_coordinates_lie_in_mali_unless_flagged():
    events = table("events")
    lat_low, lat_high = build.MALI_BOUNDS["lat"]
    lon_low, lon_high = build.MALI_BOUNDS["lon"]
    inside = pl.col("latitude").is_between(lat_low, lat_high) & pl.col("longitude").is_between(lon_low, lon_high)
    outside = events.filter(~inside)
    assert (outside["country"] != "ML").all(), outside.select("event_id", "location")
    assert events["latitude"].null_count() == 0


def test_coverage_minimums():
    events = table("events")
    per_year = dict(events.group_by(pl.col("date_start").dt.year()).len().iter_rows())
    for year in range(2012, 2025):
        assert per_year.get(year, 0) >= 10, f"only {per_year.get(year, 0)} events in {year}"
    assert per_year.get(2025, 0) > 0
    assert events.height >= 250
    assert 25 <= events["is_key"].sum() <= 40
    assert table("actors").height >= 40
    assert table("relations").height >= 60
    assert table("sources")["url"].n_unique() >= 150


def test_names_keep_their_accents():
    names = set(table("actors")["name"])
    assert "Assimi Goïta" in names
    assert any("Dembélé" in name for name in names)
    assert {"Ségou", "Ménaka", "Tombouctou"} <= set(table("events")["admin1"])


def test_datapackage_is_valid_and_matches_the_tables():
    import json

    from frictionless import Package

    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert list(Package.metadata_validate(descriptor)) == []
    for resource in descriptor["resources"]:
        frame = pl.read_parquet(DATA / resource["path"])
        assert [f["name"] for f in resource["schema"]["fields"]] == frame.columns


def test_every_column_is_in_the_data_dictionary():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for name in TABLE_SCHEMAS:
        assert f"### {name}" in readme
        for column in table(name).columns:
            assert column in readme, f"{name}.{column} is not documented in data/README.md"


@pytest.mark.parametrize("name", ["events", "actors", "relations", "claims"])
def test_every_row_was_read_a_second_time_and_graded(name):
    frame = table(name)
    assert frame["confidence"].is_in(list(build.CONFIDENCE_GRADES)).all(), f"{name}: a row has no valid grade"
    assert frame["confidence_reason"].str.strip_chars().str.len_chars().min() > 0
    assert frame["checked_on"].is_not_null().all()


def test_no_claim_repeats_another_claims_statement():
    claims = table("claims").with_columns(
        pl.col("claimed_by").str.to_lowercase().str.split(" ").list.join(" ").alias("who"))
    repeated = claims.group_by("subject", "figure_low", "figure_high", "who").len().filter(pl.col("len") > 1)
    assert repeated.height == 0, repeated


def test_no_id_names_a_year_other_than_its_events():
    events = table("events").with_columns(pl.col("event_id").str.extract_all(r"(?:19|20)\d\d").alias("years"))
    lying = [(row["event_id"], row["date_start"]) for row in events.iter_rows(named=True)
             if any(int(year) != row["date_start"].year for year in row["years"])]
    assert lying == []


def test_old_ids_resolve_to_events_that_exist():
    aliases, events = table("id_aliases"), table("events")
    assert aliases.height >= 317
    assert set(aliases["new_id"]) <= set(events["event_id"])
    assert not set(aliases["old_id"]) & set(events["event_id"])
    assert dict(zip(aliases["old_id"], aliases["new_id"]))["y2024_e34"] == \
        events.filter(pl.col("title") == "General Abass Dembélé arrested in Kati")["event_id"][0]


def test_the_weak_sources_report_runs_and_names_its_rows():
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "data/audit/weak_sources.py"], cwd=paths.PROJECT_ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert out.startswith("Rows resting only on weak pages")
    assert "only undated" in out
