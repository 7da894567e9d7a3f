"""Downloads. Safe CSV: UTF-8 with a byte-order mark, and no cell a spreadsheet would run.

Spreadsheets read a BOM-less UTF-8 file as Windows-1252 and turn Goïta into GoÃ¯ta, so the
BOM goes first. A text cell that starts with =, +, -, @, a tab or a carriage return can be
executed as a formula (CSV injection); such a cell gets a leading apostrophe, which the
spreadsheet hides and a reader of the raw file can still see past.

Parquet keeps the data as it is (types, lists, no apostrophes) for DuckDB, Polars or R.
"""
from __future__ import annotations

import io
import re
import unicodedata

import polars as pl

BOM = "\ufeff"
FORMULA_PATTERN = r"^[=+\-@\t\r]"


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix text cells that a spreadsheet would treat as a formula with an apostrophe."""
    text_columns = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(FORMULA_PATTERN))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in text_columns
    )


def _flatten_lists(frame: pl.DataFrame) -> pl.DataFrame:
    """Lists (source_ids, aliases) become '; '-separated text, as in the source CSVs."""
    list_columns = [name for name, dtype in frame.schema.items() if isinstance(dtype, pl.List)]
    return frame.with_columns(pl.col(name).list.join("; ") for name in list_columns)


def to_csv_bytes(frame: pl.DataFrame) -> bytes:
    """The frame as a spreadsheet-safe CSV file, every row and column kept."""
    safe = neutralise_formulas(_flatten_lists(frame))
    return (BOM + safe.write_csv(date_format="%Y-%m-%d")).encode("utf-8")


def to_parquet_bytes(frame: pl.DataFrame) -> bytes:
    """The frame as a Parquet file, columns and types as they are."""
    buffer = io.BytesIO()
    frame.write_parquet(buffer, statistics=True)
    return buffer.getvalue()


def file_stem(*parts: str, limit: int = 120) -> str:
    """A download's name from what the view shows: lower case, accents kept out of the
    name (some systems mangle them), runs of other characters turned into one dash, cut at
    `limit` characters."""
    text = "-".join(part for part in parts if part)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    stem = re.sub(r"[^a-z0-9.]+", "-", plain).strip("-")
    return stem[:limit].rstrip("-")
