"""Tables computed from the events when a data version is written (build and ingest), so that
nothing a page shows on every visit scans every event: `facet_days`, each facet value's events
counted by first and last day (queries/facet_cube_of_events.sql)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from mali_tracker import db
from mali_tracker.schema import conform

COLUMNS = ("event_type", "theme", "admin1", "actor_ids", "date_start", "date_end")


def facet_days(events: pl.DataFrame | Path) -> pl.DataFrame:
    """The facet_days table from an events frame or an events Parquet file (read by DuckDB in
    a bounded amount of memory, however many events)."""
    with duckdb.connect(config={"memory_limit": "512MB", "threads": 2}) as con:
        if isinstance(events, Path):
            con.read_parquet(str(events)).select(*COLUMNS).create_view("events")
        else:
            con.register("events", events.select(COLUMNS))
        return conform(con.sql(db.query_text("facet_cube_of_events")).pl(), "facet_days")
