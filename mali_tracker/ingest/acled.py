"""ACLED export → the dashboard's tables.

Quirks handled: ISO or spelled-out dates ("10 August 2025"); the same event_id_cnty twice after
a re-export (the newest `timestamp` wins); notes holding commas, quotes and line breaks;
accents; several associated actors in one cell separated by "; "; `inter` codes as numbers or
words.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from mali_tracker.ingest.common import IngestError, actor_tables, number, progress, read_typed
from mali_tracker.schema import EVENT_TYPES, conform, without_review
from mali_tracker.search import search_words_table, with_actor_ids, with_search_text

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]
# ACLED's time_precision: 1 the day, 2 within a week, 3 within a month.
DATE_PRECISION = {"1": "day", "2": "day", "3": "month"}
INTER_TYPES = {  # ACLED interaction codes, as numbers or as words
    "1": "armed_forces", "state forces": "armed_forces",
    "2": "armed_movement", "rebel groups": "armed_movement",
    "3": "militia", "political militias": "militia",
    "4": "militia", "identity militias": "militia",
    "5": "political_movement", "rioters": "political_movement",
    "6": "political_movement", "protesters": "political_movement",
    "7": "civilians", "civilians": "civilians",
    "8": "foreign_force", "external/other forces": "foreign_force",
}
COUNTRY_CODES = {"Mali": "ML", "Burkina Faso": "BF", "Niger": "NE", "Mauritania": "MR", "Algeria": "DZ",
                 "Senegal": "SN", "Guinea": "GN", "Ivory Coast": "CI", "Côte d'Ivoire": "CI"}
THEME_BY_TYPE = {"Protests": "politics", "Riots": "politics", "Strategic developments": "politics"}


def _parse_dates(text: pl.Expr) -> pl.Expr:
    cleaned = text.str.strip_chars()
    return pl.coalesce(
        cleaned.str.to_date("%Y-%m-%d", strict=False),
        cleaned.str.to_date("%d %B %Y", strict=False),
        cleaned.str.to_date("%d-%B-%Y", strict=False),
        cleaned.str.to_date("%d/%m/%Y", strict=False),
    )


def read_events(path: Path) -> pl.DataFrame:
    """The export's rows as typed events, duplicates resolved, or an IngestError."""
    raw = read_typed(path, COLUMNS, "ACLED", {
        "_date": (_parse_dates(pl.col("event_date")), "event_date", "date"),
        "_lat": (number("latitude", pl.Float64), "latitude", "latitude"),
        "_lon": (number("longitude", pl.Float64), "longitude", "longitude"),
        "_deaths": (number("fatalities", pl.Int32), "fatalities", "fatality count"),
        "_stamp": (number("timestamp", pl.Int64), "timestamp", "timestamp"),
        "_geo": (number("geo_precision", pl.Int8), "geo_precision", "geo_precision"),
    })
    if raw["event_id_cnty"].null_count():
        raise IngestError(f"{raw['event_id_cnty'].null_count():,} row(s) have no event_id_cnty")
    unknown = set(raw["event_type"].drop_nulls().unique()) - set(EVENT_TYPES)
    if unknown:
        raise IngestError(f"unknown ACLED event_type {sorted(unknown)[0]!r}; expected one of {', '.join(EVENT_TYPES)}")
    newest = raw.sort("_stamp", nulls_last=False).unique("event_id_cnty", keep="last", maintain_order=False)
    if newest.height < raw.height:
        progress(f"{raw.height - newest.height:,} re-exported duplicate(s) dropped, newest timestamp kept")
    return newest.sort("_date", "event_id_cnty")


def to_tables(rows: pl.DataFrame) -> dict[str, pl.DataFrame]:
    progress("building events")
    events = rows.select(
        pl.col("event_id_cnty").alias("event_id"),
        pl.col("_date").alias("date_start"),
        pl.col("_date").alias("date_end"),
        pl.col("time_precision").str.strip_chars().replace_strict(DATE_PRECISION, default="day").alias("date_precision"),
        pl.concat_str([pl.col("sub_event_type"), pl.lit(" in "), pl.col("location").fill_null("an unnamed place")])
        .alias("title"),
        pl.lit(None, dtype=pl.String).alias("label"),
        pl.col("notes").fill_null("").alias("summary"),
        "event_type",
        "sub_event_type",
        pl.col("event_type").replace_strict(THEME_BY_TYPE, default="security").alias("theme"),
        "location",
        "admin1",
        pl.col("country").replace_strict(COUNTRY_CODES, default=pl.col("country")).alias("country"),
        pl.col("_lat").alias("latitude"),
        pl.col("_lon").alias("longitude"),
        pl.col("_geo").clip(1, 3).alias("geo_precision"),
        pl.col("_deaths").alias("fatalities_best"),
        pl.lit(None, dtype=pl.Int32).alias("fatalities_low"),
        pl.lit(None, dtype=pl.Int32).alias("fatalities_high"),
        pl.lit(False).alias("is_key"),
        pl.lit("acled").alias("origin"),
        pl.lit([], dtype=pl.List(pl.String)).alias("source_ids"),
        pl.concat_str([pl.lit("ACLED source: "), pl.col("source").fill_null("not given")]).alias("note"),
    )
    progress("building actors")
    inter_type = lambda column: (  # noqa: E731
        pl.col(column).str.strip_chars().str.to_lowercase().replace_strict(INTER_TYPES, default="armed_movement"))
    main = pl.concat([
        rows.select(pl.col("event_id_cnty").alias("event_id"), pl.col("actor1").alias("name"),
                    pl.lit("initiator").alias("role"), inter_type("inter1").alias("actor_type")),
        rows.select(pl.col("event_id_cnty").alias("event_id"), pl.col("actor2").alias("name"),
                    pl.lit("target").alias("role"), inter_type("inter2").alias("actor_type")),
    ])
    associated = pl.concat([
        rows.select(pl.col("event_id_cnty").alias("event_id"), pl.col(column).str.split(";").alias("name"),
                    pl.lit("associated").alias("role"), inter_type(inter).alias("actor_type"))
        for column, inter in (("assoc_actor_1", "inter1"), ("assoc_actor_2", "inter2"))
    ]).explode("name").with_columns(pl.col("name").str.strip_chars())
    actors, event_actors = actor_tables(pl.concat([main, associated]).with_columns(pl.col("name").str.strip_chars()),
                                        "acled")
    events = conform(with_actor_ids(with_search_text(without_review(events), actors, event_actors), event_actors), "events")
    return {"events": events, "actors": actors, "event_actors": event_actors,
            "search_words": search_words_table(events)}
