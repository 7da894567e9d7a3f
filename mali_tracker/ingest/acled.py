"""ACLED export → the dashboard's tables, streamed: memory stays flat however long the export.

The export is read in batches (Polars' streaming engine) into a typed Parquet file and checked
in the same kind of pass; DuckDB, with a memory cap and spilling to disk, keeps the newest row
of each event and sorts by date; a second streaming pass turns each row into its event (with
its search text and actor ids: everything an event needs is on its own row) and its actor
links. Only the actors (one row per distinct name) are ever held whole.

Quirks handled: ISO or spelled-out dates ("10 August 2025"); the same event_id_cnty twice after
a re-export (the newest `timestamp` wins); notes holding commas, quotes and line breaks;
accents; several associated actors in one cell separated by "; "; `inter` codes as numbers or
words.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb
import polars as pl
import pyarrow.parquet as pq

from mali_tracker.ingest.common import IngestError, actors_table, check_scan, number, progress, publish_files, scan_text_csv
from mali_tracker.schema import EVENT_TYPES, conform, without_review
from mali_tracker.search import search_text, search_words_table

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



DUCKDB_MEMORY = "1GB"  # DuckDB's cap while it keeps the newest rows and sorts; beyond it, it spills to disk
BATCH_ROWS = 250_000  # rows turned into events at a time (about 150 MB of Polars memory)


def _parse_dates(text: pl.Expr) -> pl.Expr:
    cleaned = text.str.strip_chars()
    return pl.coalesce(
        cleaned.str.to_date("%Y-%m-%d", strict=False),
        cleaned.str.to_date("%d %B %Y", strict=False),
        cleaned.str.to_date("%d-%B-%Y", strict=False),
        cleaned.str.to_date("%d/%m/%Y", strict=False),
    )


TYPED = {  # typed column: (expression, the export's column, what it is)
    "_date": (_parse_dates(pl.col("event_date")), "event_date", "date"),
    "_lat": (number("latitude", pl.Float64), "latitude", "latitude"),
    "_lon": (number("longitude", pl.Float64), "longitude", "longitude"),
    "_deaths": (number("fatalities", pl.Int32), "fatalities", "fatality count"),
    "_stamp": (number("timestamp", pl.Int64), "timestamp", "timestamp"),
    "_geo": (number("geo_precision", pl.Int8), "geo_precision", "geo_precision"),
}


def scan(path: Path) -> pl.LazyFrame:
    """The export as text plus its typed columns and each row's place in the file (`_row`)."""
    return scan_text_csv(path, COLUMNS, "ACLED").with_row_index("_row").with_columns(
        expression.alias(name) for name, (expression, _, _) in TYPED.items())


def check(rows: pl.LazyFrame, file_name: str) -> int:
    """Refuse the export (IngestError) if it has no rows, a value that does not parse, a row
    with no id or an unknown event type; else return its row count. One streaming pass."""
    stats = check_scan(rows, TYPED, {
        "no_id": pl.col("event_id_cnty").null_count(),
        "unknown_type": pl.col("event_type").filter(
            pl.col("event_type").is_not_null() & ~pl.col("event_type").is_in(EVENT_TYPES)).min(),
    }, "ACLED", file_name)
    if stats["no_id"]:
        raise IngestError(f"{stats['no_id']:,} row(s) have no event_id_cnty")
    if stats["unknown_type"] is not None:
        raise IngestError(f"unknown ACLED event_type {stats['unknown_type']!r}; expected one of {', '.join(EVENT_TYPES)}")
    return stats["rows"]


USED = ("event_id_cnty", "_date", "time_precision", "sub_event_type", "location", "notes", "event_type", "admin1",
        "country", "_lat", "_lon", "_geo", "_deaths", "source", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2",
        "inter1", "inter2")  # the columns the tables are made from
NEWEST_SORTED = """
COPY (
    SELECT {columns} FROM read_parquet($typed)
    WHERE _row IN (
        SELECT arg_max(_row, (coalesce(_stamp, -9223372036854775808), _row))
        FROM read_parquet($typed) GROUP BY event_id_cnty)
    ORDER BY _date NULLS FIRST, event_id_cnty
) TO '{out}' (FORMAT parquet)
"""


def keep_newest_sorted(typed: Path, out: Path, work: Path) -> int:
    """Write `out`: one row per event_id_cnty (the newest `timestamp` wins, then the later row),
    sorted by date and id. DuckDB does it under a memory cap, spilling to `work`. Returns the
    rows kept."""
    with duckdb.connect(config={"memory_limit": DUCKDB_MEMORY, "threads": 2, "temp_directory": str(work),
                                "preserve_insertion_order": False}) as con:
        sql = NEWEST_SORTED.format(out=str(out).replace("'", "''"), columns=", ".join(f'"{c}"' for c in USED))
        con.execute(sql, {"typed": str(typed)})
        return con.execute("SELECT count(*) FROM read_parquet($out)", {"out": str(out)}).fetchone()[0]


def _inter_type(column: str) -> pl.Expr:
    return pl.col(column).str.strip_chars().str.to_lowercase().replace_strict(INTER_TYPES, default="armed_movement")


def _associated(column: str) -> pl.Expr:
    return pl.col(column).fill_null("").str.split(";").list.eval(pl.element().str.strip_chars())


def actor_types(rows: pl.LazyFrame) -> pl.DataFrame:
    """(name, actor_type) for every actor the export names: the type seen when the actor is a
    main party wins (its most frequent, ties to the first alphabetically); only an actor never a main
    party takes its associated code. One streaming pass counting (name, type, role) triples."""
    sides = [(f"actor{n}", f"inter{n}", f"assoc_actor_{n}") for n in (1, 2)]
    links = pl.concat([
        *(rows.select(pl.col(actor).str.strip_chars().alias("name"), _inter_type(inter).alias("actor_type"),
                      pl.lit(True).alias("main")) for actor, inter, _ in sides),
        *(rows.select(_associated(assoc).alias("name"), _inter_type(inter).alias("actor_type"),
                      pl.lit(False).alias("main")).explode("name") for _, inter, assoc in sides),
    ])
    counts = (links.filter(pl.col("name").is_not_null() & (pl.col("name") != ""))
              .group_by("name", "actor_type", "main").len().collect(engine="streaming"))
    best = lambda frame: (frame.group_by("name", "actor_type").agg(pl.col("len").sum())  # noqa: E731
                          .sort("len", "actor_type", descending=[True, False]).group_by("name", maintain_order=True)
                          .first().select("name", "actor_type"))
    main = best(counts.filter(pl.col("main")))
    others = best(counts).join(main, on="name", how="anti")
    return pl.concat([main, others]).sort("name")


def _names() -> pl.Expr:
    """Each row's distinct actor names, sorted (what search_text and actor_ids are built from)."""
    return (pl.concat_list([pl.col("actor1").fill_null("").str.strip_chars(),
                            pl.col("actor2").fill_null("").str.strip_chars(),
                            _associated("assoc_actor_1"), _associated("assoc_actor_2")])
            .list.eval(pl.element().filter(pl.element() != "")).list.unique().list.sort())


def events_frame(rows: pl.LazyFrame, ids: dict[str, str]) -> pl.LazyFrame:
    """The events table from the kept rows, row by row."""
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
        _names().alias("_names"),
    )
    events = without_review(events).with_columns(
        pl.col("_names").list.join(" ").alias("_actor_text"),
        pl.col("_names").list.eval(pl.element().replace_strict(ids)).list.sort().alias("actor_ids"),
    ).with_columns(search_text("_actor_text"))
    return conform(events.drop("_names", "_actor_text"), "events")


def event_actors_frame(rows: pl.LazyFrame, ids: dict[str, str]) -> pl.LazyFrame:
    """The event_actors table: one row per actor's part in each kept row (the two sides, then
    the associated actors of both sides once each)."""
    event_id = pl.col("event_id_cnty").alias("event_id")
    associated = (pl.concat_list([_associated("assoc_actor_1"), _associated("assoc_actor_2")])
                  .list.eval(pl.element().filter(pl.element() != "")).list.unique(maintain_order=True))
    links = pl.concat([
        rows.select(event_id, pl.col("actor1").str.strip_chars().alias("name"), pl.lit("initiator").alias("role")),
        rows.select(event_id, pl.col("actor2").str.strip_chars().alias("name"), pl.lit("target").alias("role")),
        rows.select(event_id, associated.alias("name"), pl.lit("associated").alias("role")).explode("name"),
    ])
    return conform(links.filter(pl.col("name").is_not_null() & (pl.col("name") != ""))
                   .select("event_id", pl.col("name").replace_strict(ids).alias("actor_id"), "role"), "event_actors")


def write_in_batches(kept: Path, ids: dict[str, str], folder: Path, total: int) -> None:
    """Write events.parquet and event_actors.parquet from the kept rows, BATCH_ROWS at a time:
    each batch is turned into its events and links in memory and appended to both files, so
    memory holds one batch whatever the export's length."""
    writers: dict[str, pq.ParquetWriter] = {}
    try:
        written = 0
        for batch in pq.ParquetFile(kept).iter_batches(batch_size=BATCH_ROWS):
            rows = pl.from_arrow(batch).lazy()
            tables = pl.collect_all([events_frame(rows, ids), event_actors_frame(rows, ids)])
            for name, frame in zip(("events", "event_actors"), tables):
                table = frame.to_arrow()
                if name not in writers:
                    writers[name] = pq.ParquetWriter(folder / f"{name}.parquet", table.schema, compression="zstd")
                writers[name].write_table(table)
            written += batch.num_rows
            progress(f"{written:,} of {total:,} events written")
    finally:
        for writer in writers.values():
            writer.close()


def read_kept(path: Path, work: Path) -> int:
    """Read and check the export, then write `work`/kept.parquet: the newest row of each event,
    sorted by date (IngestError if the export is refused). Returns the rows kept."""
    progress(f"reading {path.name}")
    scan(path).sink_parquet(work / "typed.parquet")
    total = check(pl.scan_parquet(work / "typed.parquet"), path.name)
    progress(f"{total:,} rows read and checked; keeping the newest row of each event")
    kept = keep_newest_sorted(work / "typed.parquet", work / "kept.parquet", work)
    if kept < total:
        progress(f"{total - kept:,} re-exported duplicate(s) dropped, newest timestamp kept")
    (work / "typed.parquet").unlink()
    return kept


def ingest(path: Path, out_dir: Path, made_from: str = "") -> dict[str, int]:
    """Stream the export into `out_dir` as a new data version; the row counts written."""
    out_dir = Path(out_dir).resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    # work files beside the output folder (same disk, which must hold about twice the export),
    # removed at the end, also when the export is refused
    with tempfile.TemporaryDirectory(prefix=f".{out_dir.name}-ingest-", dir=out_dir.parent) as folder:
        work = Path(folder)
        kept = read_kept(path, work)
        progress("building actors")
        actors = actors_table(actor_types(pl.scan_parquet(work / "kept.parquet")), "acled")
        ids = dict(zip(actors["name"], actors["actor_id"]))
        progress("building events and their actors")
        write_in_batches(work / "kept.parquet", ids, work, kept)
        return publish_files(out_dir, {
            "events": work / "events.parquet",
            "event_actors": work / "event_actors.parquet",
            "actors": actors,
        }, made_by="ingest acled", made_from=made_from or path.name)


def read_events(path: Path) -> pl.DataFrame:
    """The export's rows as typed events, duplicates resolved, or an IngestError (in memory:
    for tests and small files; the command line streams through `ingest`)."""
    with tempfile.TemporaryDirectory(prefix="mali-ingest-") as folder:
        work = Path(folder)
        read_kept(path, work)
        return pl.read_parquet(work / "kept.parquet")


def to_tables(rows: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """The tables from `read_events`' rows, in memory (same building blocks as `ingest`)."""
    actors = actors_table(actor_types(rows.lazy()), "acled")
    ids = dict(zip(actors["name"], actors["actor_id"]))
    events = events_frame(rows.lazy(), ids).collect()
    return {"events": events, "actors": actors, "event_actors": event_actors_frame(rows.lazy(), ids).collect(),
            "search_words": search_words_table(events)}
