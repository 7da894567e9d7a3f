"""UCDP Georeferenced Event Dataset (GED) export → the dashboard's tables.

`low/best/high` become the fatality columns, `type_of_violence` the event type, the two sides
the actors, `date_prec`/`where_prec` the precision columns.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from mali_tracker.ingest.common import IngestError, actor_tables, number, progress, read_typed
from mali_tracker.schema import conform, without_review
from mali_tracker.search import search_words_table, with_actor_ids, with_search_text

COLUMNS = [
    "id", "year", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b",
    "where_prec", "where_coordinates", "adm_1", "latitude", "longitude", "country",
    "date_prec", "date_start", "date_end", "best", "high", "low",
]
# UCDP type_of_violence: 1 state-based, 2 non-state, 3 one-sided (against civilians).
VIOLENCE = {
    "1": ("Battles", "Armed clash"),
    "2": ("Battles", "Armed clash"),
    "3": ("Violence against civilians", "Attack"),
}
# date_prec: 1 the day, 2 within 2–6 days, 3 within a week, 4 within a month, 5 within a year.
DATE_PRECISION = {"1": "day", "2": "day", "3": "day", "4": "month", "5": "year"}
# where_prec: 1 the place, 2 within 25 km, 3+ an administrative area or vaguer.
GEO_PRECISION = {"1": 1, "2": 2}
COUNTRY_CODES = {"Mali": "ML", "Burkina Faso": "BF", "Niger": "NE", "Mauritania": "MR", "Algeria": "DZ"}


def _date(column: str) -> pl.Expr:
    """GED dates come as '2013-01-11' or '2013-01-11 00:00:00.000'."""
    return pl.col(column).str.strip_chars().str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)


def read_events(path: Path) -> pl.DataFrame:
    raw = read_typed(path, COLUMNS, "UCDP GED", {
        "_start": (_date("date_start"), "date_start", "date"),
        "_end": (_date("date_end"), "date_end", "date"),
        "_lat": (number("latitude", pl.Float64), "latitude", "latitude"),
        "_lon": (number("longitude", pl.Float64), "longitude", "longitude"),
        **{f"_{c}": (number(c, pl.Int32), c, "death count") for c in ("best", "low", "high")},
    })
    unknown = set(raw["type_of_violence"].drop_nulls().str.strip_chars().unique()) - set(VIOLENCE)
    if unknown:
        raise IngestError(f"unknown UCDP type_of_violence {sorted(unknown)[0]!r}; expected 1, 2 or 3")
    return raw.unique("id", keep="last", maintain_order=True).sort("_start", "id")


def to_tables(rows: pl.DataFrame) -> dict[str, pl.DataFrame]:
    progress("building events")
    violence = pl.col("type_of_violence").str.strip_chars()
    events = rows.select(
        pl.concat_str([pl.lit("ucdp-"), pl.col("id")]).alias("event_id"),
        pl.col("_start").alias("date_start"),
        pl.coalesce("_end", "_start").alias("date_end"),
        pl.col("date_prec").str.strip_chars().replace_strict(DATE_PRECISION, default="day").alias("date_precision"),
        pl.coalesce("dyad_name", "conflict_name").alias("title"),
        pl.lit(None, dtype=pl.String).alias("label"),
        pl.concat_str([pl.col("conflict_name").fill_null(""), pl.lit(": "), pl.col("side_a").fill_null("?"),
                       pl.lit(" against "), pl.col("side_b").fill_null("?")]).alias("summary"),
        violence.replace_strict({k: v[0] for k, v in VIOLENCE.items()}).alias("event_type"),
        violence.replace_strict({k: v[1] for k, v in VIOLENCE.items()}).alias("sub_event_type"),
        pl.lit("security").alias("theme"),
        pl.col("where_coordinates").alias("location"),
        pl.col("adm_1").str.replace(r" (region|province)$", "").alias("admin1"),
        pl.col("country").replace_strict(COUNTRY_CODES, default=pl.col("country")).alias("country"),
        pl.col("_lat").alias("latitude"),
        pl.col("_lon").alias("longitude"),
        pl.col("where_prec").str.strip_chars().replace_strict(GEO_PRECISION, default=3, return_dtype=pl.Int8)
        .alias("geo_precision"),
        pl.col("_best").alias("fatalities_best"),
        pl.col("_low").alias("fatalities_low"),
        pl.col("_high").alias("fatalities_high"),
        pl.lit(False).alias("is_key"),
        pl.lit("ucdp").alias("origin"),
        pl.lit([], dtype=pl.List(pl.String)).alias("source_ids"),
        pl.lit("Imported from UCDP GED.").alias("note"),
    )
    progress("building actors")

    def side(column: str, role: str) -> pl.DataFrame:
        name = pl.col(column).str.strip_chars()
        kind = (pl.when(name.str.starts_with("Government of")).then(pl.lit("state"))
                .when(name == "Civilians").then(pl.lit("civilians")).otherwise(pl.lit("armed_movement")))
        return rows.select(pl.concat_str([pl.lit("ucdp-"), pl.col("id")]).alias("event_id"),
                           name.alias("name"), pl.lit(role).alias("role"), kind.alias("actor_type"))

    actors, event_actors = actor_tables(pl.concat([side("side_a", "initiator"), side("side_b", "target")]), "ucdp")
    events = conform(with_actor_ids(with_search_text(without_review(events), actors, event_actors), event_actors), "events")
    return {"events": events, "actors": actors, "event_actors": event_actors,
            "search_words": search_words_table(events)}
