"""The text the search box looks in, folded once when the tables are written so a search over a
million events is a plain substring test: title, summary and place, lower-case, accents removed
(Goïta and goita both find Goïta). queries/macro_filtered_events.sql folds the reader's text the
same way with DuckDB's lower() and strip_accents()."""
from __future__ import annotations

import polars as pl


def search_text() -> pl.Expr:
    """Expression for the events.search_text column."""
    return (
        pl.concat_str(["title", "summary", "location", "admin1"], separator=" ", ignore_nulls=True)
        .str.to_lowercase()
        .str.normalize("NFKD")
        .str.replace_all(r"\p{Mn}", "")
        .alias("search_text")
    )
