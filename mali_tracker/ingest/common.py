"""What both importers share: refusing bad files, actor tables, and writing all or nothing."""
from __future__ import annotations

import hashlib
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import polars as pl

from mali_tracker import datapackage, manifest, store, summaries
from mali_tracker.schema import TABLES, conform, empty_table, without_review
from mali_tracker.search import search_words_table


class IngestError(Exception):
    """The file is not a usable export; the message is one line saying why."""


def article(kind: str) -> str:
    """'an ACLED export', 'a UCDP GED export' (said as the letters sound)."""
    return "an" if kind.startswith(("ACLED", "A", "E", "I", "O")) else "a"


def progress(message: str) -> None:
    """Progress goes to stderr so a long import shows it is alive."""
    print(f"… {message}", file=sys.stderr, flush=True)


def scan_text_csv(path: Path, required: list[str], kind: str) -> pl.LazyFrame:
    """A lazy scan with every column read as text (types are checked per column later)."""
    if not path.exists():
        raise IngestError(f"{path} does not exist")
    if path.stat().st_size == 0:
        raise IngestError(f"{path} is empty, not {article(kind)} {kind} export")
    try:
        header = pl.read_csv(path, n_rows=0, infer_schema=False, encoding="utf8-lossy").columns
    except Exception as exc:  # polars raises several types for unreadable files
        raise IngestError(f"{path} cannot be read as CSV ({str(exc).splitlines()[0]})") from exc
    header = [name.lstrip("\ufeff").strip() for name in header]
    missing = [name for name in required if name not in header]
    if missing:
        listed = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise IngestError(f"{path.name} is not {article(kind)} {kind} export: missing column(s) {listed}")
    return pl.scan_csv(path, infer_schema=False, encoding="utf8-lossy", new_columns=header)


def number(column: str, dtype: pl.DataType) -> pl.Expr:
    """A text column read as a number; a value that is not one becomes null (then refused)."""
    return pl.col(column).str.strip_chars().cast(dtype, strict=False)


def read_typed(path: Path, required: list[str], kind: str, typed: dict[str, tuple[pl.Expr, str, str]]) -> pl.DataFrame:
    """Scan the export as text, add each typed column (name: (expression, source column, what it
    is)), and refuse the file if it has no rows or any value does not parse."""
    progress(f"reading {path.name}")
    raw = scan_text_csv(path, required, kind).with_columns(
        expression.alias(name) for name, (expression, _, _) in typed.items()
    ).collect(engine="streaming")
    if raw.height == 0:
        raise IngestError(f"{path.name} has a header but no rows")
    progress(f"{raw.height:,} rows read; checking types")
    for name, (_, source, what) in typed.items():
        require_parsed(raw, source, name, what, kind)
    return raw


def check_scan(rows: pl.LazyFrame, typed: dict[str, tuple[pl.Expr, str, str]], extra: dict[str, pl.Expr],
               kind: str, file_name: str) -> dict:
    """One streaming pass over the typed rows: refuse the export (IngestError) if it has no rows
    or a value of a typed column does not parse (the first such column, with its first bad
    value); return the row count (`rows`) and the `extra` aggregates, named."""
    failed = {name: pl.col(name).is_null() & pl.col(raw).is_not_null() & (pl.col(raw).str.strip_chars() != "")
              for name, (_, raw, _) in typed.items()}
    stats = rows.select(
        pl.len().alias("rows"),
        *(failed[name].sum().alias(f"{name}_bad") for name in typed),
        *(pl.col(raw).filter(failed[name]).first().alias(f"{name}_example") for name, (_, raw, _) in typed.items()),
        *(expression.alias(name) for name, expression in extra.items()),
    ).collect(engine="streaming").row(0, named=True)
    if stats["rows"] == 0:
        raise IngestError(f"{file_name} has a header but no rows")
    for name, (_, raw, what) in typed.items():
        if stats[f"{name}_bad"]:
            raise IngestError(f"{stats[f'{name}_bad']:,} row(s) have a {what} that is not valid in {article(kind)} "
                              f"{kind} export, e.g. {stats[f'{name}_example']!r} in column {raw}")
    return stats


def require_parsed(frame: pl.DataFrame, raw: str, parsed: str, what: str, kind: str) -> None:
    """Refuse the file if any non-empty value of `raw` failed to parse into `parsed`."""
    bad = frame.filter(pl.col(parsed).is_null() & pl.col(raw).is_not_null() & (pl.col(raw).str.strip_chars() != ""))
    if bad.height:
        example = bad[raw][0]
        raise IngestError(f"{bad.height:,} row(s) have a {what} that is not valid in {article(kind)} {kind} export, "
                          f"e.g. {example!r} in column {raw}")


def actor_id_for(name: str) -> str:
    """A readable, stable id for an actor name (accents folded; a hash keeps ids distinct)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_name).strip("_")[:40] or "actor"
    return f"{slug}_{hashlib.sha1(name.encode()).hexdigest()[:6]}"


def actor_ids_for(names: list[str]) -> dict[str, str]:
    """name -> actor id, for every distinct name."""
    return {name: actor_id_for(name) for name in names}


def actors_table(types: pl.DataFrame, origin: str) -> pl.DataFrame:
    """The actors table from (name, actor_type) rows of an imported export."""
    ids = actor_ids_for(types["name"].to_list())
    actors = types.with_columns(
        pl.col("name").replace_strict(ids).alias("actor_id"),
        pl.lit(None, dtype=pl.String).alias("name_fr"),
        pl.lit([], dtype=pl.List(pl.String)).alias("aliases"),
        pl.lit(None, dtype=pl.String).alias("parent_id"),
        pl.lit(None, dtype=pl.Date).alias("active_from"),
        pl.lit(None, dtype=pl.Date).alias("active_to"),
        pl.lit(f"Actor named in the imported {origin.upper()} export.").alias("description"),
        pl.lit([], dtype=pl.List(pl.String)).alias("source_ids"),
    )
    return conform(without_review(actors, "actors"), "actors")


def actor_tables(links: pl.DataFrame, origin: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """From (event_id, name, role, actor_type) rows, the actors and event_actors tables."""
    links = links.filter(pl.col("name").is_not_null() & (pl.col("name") != ""))
    # An associated actor inherits its side's code in ACLED, so the type seen when the actor is
    # a main party wins; only an actor never a main party takes its associated code.
    names = links.group_by("name").agg(
        pl.coalesce(
            pl.col("actor_type").filter(pl.col("role") != "associated").mode().sort().first(),
            pl.col("actor_type").mode().sort().first(),
        ).alias("actor_type")
    ).sort("name")
    actors = actors_table(names, origin)
    ids = dict(zip(actors["name"], actors["actor_id"]))
    event_actors = links.with_columns(pl.col("name").replace_strict(ids).alias("actor_id")).select(
        "event_id", "actor_id", "role").unique(maintain_order=True)
    return actors, conform(event_actors, "event_actors")


def write_folder(tables: dict[str, pl.DataFrame], out_dir: Path, made_by: str = "ingest", made_from: str = "") -> None:
    """Publish every table into `out_dir` as a new data version (store.publish): an app
    serving the folder switches to it in one step, and a failure leaves it as it was."""
    complete = {name: tables.get(name, empty_table(name)) for name in TABLES}
    if "facet_days" not in tables:
        complete["facet_days"] = summaries.facet_days(complete["events"])
    store.publish_tables(complete, out_dir, made_by, made_from, progress=progress)


def publish_files(out_dir: Path, tables: dict[str, Path | pl.LazyFrame | pl.DataFrame], made_by: str,
                  made_from: str = "") -> dict[str, int]:
    """Publish tables given as Parquet files already written (moved in), lazy frames (streamed
    to their file) or frames into `out_dir` as a new data version (store.publish: all or
    nothing, one atomic switch); the
    search_words table is made from the events file written, and the tables not given are
    written empty. Returns the row count of each table."""
    counts: dict[str, int] = {}

    def write(folder: Path) -> str:
        for name in TABLES:
            frame = tables.get(name, empty_table(name))
            if name == "search_words":
                progress("collecting the words a search can find")
                frame = search_words_table(pl.scan_parquet(folder / "events.parquet"))
            elif name == "facet_days":
                progress("counting each facet's events by day, for the filters")
                frame = summaries.facet_days(folder / "events.parquet")
            progress(f"writing {name}")
            target = folder / f"{name}.parquet"
            if isinstance(frame, Path):
                shutil.move(frame, target)
            elif isinstance(frame, pl.LazyFrame):
                frame.sink_parquet(target, statistics=True)
            else:
                frame.write_parquet(target, statistics=True)
            counts[name] = pl.scan_parquet(target).select(pl.len()).collect().item()
        schemas = {name: empty_table(name) for name in TABLES}
        (folder / "datapackage.json").write_text(datapackage.to_json(schemas), encoding="utf-8")
        return manifest.write_manifest(folder, made_by, made_from, counts)["version"]

    store.publish(out_dir, write)
    return counts
